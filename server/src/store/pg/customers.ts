import { type CustomerDetail, type KeyInput, searchForms } from '@dossier/shared';
import { and, asc, count, eq, inArray, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import { customerKeys, customers, people, tierChanges } from '../../db/schema.pg.ts';
import { ApiError, notFound } from '../../lib/errors.ts';
import { canonicalKey } from '../../services/customers.ts';
import { toCustomer, toKey, toPerson } from '../../services/mappers.ts';
import { SYSTEM, type Viewer } from '../../services/visibility.ts';
import { type CustomerFilter, type CustomerStore, datesOfNewFile, type TierChange } from '../customers.ts';
import type { CustomerRecord } from '../records.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

/** Text ordered by code point, as SQLite's BINARY orders it, whatever the database's collation. */
export const byCodePoint = (column: unknown) => sql`${column} collate "C"`;

async function liveCustomer(
  db: PgExecutor,
  id: number,
  viewer: Viewer,
  includeDeleted = false,
): Promise<CustomerRecord> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), includeDeleted ? undefined : isNull(customers.deletedAt), visible(viewer)));
  if (!row) throw notFound('customer');
  return row;
}

async function insertTierChange(db: PgExecutor, customerId: number, change: TierChange, at: string): Promise<number> {
  const [row] = await db
    .insert(tierChanges)
    .values({ customerId, fromTier: change.fromTier, toTier: change.toTier, reason: change.reason, at })
    .returning({ id: tierChanges.id });
  if (!row) throw new Error('the tier change was not written');
  return row.id;
}

/**
 * Adds keys. The insert comes first and skips a taken key (ON CONFLICT DO NOTHING): a key another
 * transaction adds meanwhile then waits for it and is seen as taken, where a read-then-insert
 * would fail on the unique index and abort the whole transaction.
 */
async function addKeys(
  db: PgExecutor,
  customerId: number,
  keys: KeyInput[],
  now: string,
  onConflict: 'fail' | 'skip' = 'fail',
  viewer: Viewer = SYSTEM,
): Promise<void> {
  const seen = new Set<string>();
  for (const raw of keys) {
    const k = canonicalKey(raw);
    const id = `${k.kind}\u0000${k.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const added = await db
      .insert(customerKeys)
      .values({ customerId, kind: k.kind, value: k.value, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: customerKeys.id });
    if (added.length) continue;
    const [holder] = await db
      .select({ customerId: customerKeys.customerId })
      .from(customerKeys)
      .where(and(eq(customerKeys.kind, k.kind), eq(customerKeys.value, k.value)));
    if (!holder || holder.customerId === customerId || onConflict === 'skip') continue;
    const [seenHolder] = await db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(and(eq(customers.id, holder.customerId), isNull(customers.deletedAt), visible(viewer)));
    throw new ApiError(
      'conflict',
      seenHolder
        ? `${k.kind} ${k.value} already belongs to ${seenHolder.name} (customer ${seenHolder.id})`
        : `${k.kind} ${k.value} already belongs to another customer`,
      {
        kind: k.kind,
        value: k.value,
        ...(seenHolder ? { customerId: seenHolder.id, customerName: seenHolder.name } : {}),
      },
    );
  }
}

/** The conditions of the file list. */
function listWhere(q: CustomerFilter, now: string, viewer: Viewer): SQL | undefined {
  const where: SQL[] = [isNull(customers.deletedAt), visible(viewer)];
  if (q.tier) where.push(eq(customers.tier, q.tier));
  if (q.status) where.push(eq(customers.status, q.status));
  if (q.owner) where.push(eq(customers.owner, q.owner));
  // Lost files have no due dates: out of the due order and the overdue filter unless asked for by status.
  // Said again for another status: the next due's index holds no lost file, and SQLite uses a
  // partial index only for a query that says so.
  if (q.overdue === 'true' || (q.sort === 'due' && q.status !== 'lost')) where.push(ne(customers.status, 'lost'));
  if (q.overdue === 'true') where.push(lt(customers.nextDue, now));
  if (q.stage) where.push(eq(customers.stage, q.stage));
  if (q.companyType) where.push(eq(customers.companyType, q.companyType));
  if (q.sizeClass) where.push(eq(customers.sizeClass, q.sizeClass));
  for (const [i, part] of (q.region?.split('/').filter(Boolean) ?? []).entries()) {
    // The index as a literal: a bound one leaves `jsonb ->> unknown` ambiguous (text key or int index).
    where.push(sql`${customers.region} ->> ${sql.raw(String(i))} = ${part}`);
  }
  return and(...where);
}

export function pgCustomers(db: PgExecutor): CustomerStore {
  return {
    async anyLive() {
      const rows = await db.select({ id: customers.id }).from(customers).where(isNull(customers.deletedAt)).limit(1);
      return rows.length > 0;
    },
    async lock(ids) {
      // A row lock to the end of the transaction (FOR NO KEY UPDATE, what an UPDATE of the row
      // takes: it waits for any writer of the row and any writer waits for it, while inserts
      // referencing the row go on), taken in id order so that two transactions locking the same
      // files cannot deadlock. Outside a transaction it lasts only this statement.
      if (!ids.length) return;
      const sorted = [...new Set(ids)].sort((a, b) => a - b);
      await db
        .select({ id: customers.id })
        .from(customers)
        .where(inArray(customers.id, sorted))
        .orderBy(asc(customers.id))
        .for('no key update');
    },
    live: (id, viewer, includeDeleted) => liveCustomer(db, id, viewer, includeDeleted),
    async detail(id, viewer): Promise<CustomerDetail> {
      const row = await liveCustomer(db, id, viewer);
      const keys = await db
        .select()
        .from(customerKeys)
        .where(eq(customerKeys.customerId, id))
        .orderBy(asc(customerKeys.id));
      const ppl = await db
        .select()
        .from(people)
        .where(and(eq(people.customerId, id), isNull(people.deletedAt)))
        .orderBy(asc(people.id));
      return { ...toCustomer(row), keys: keys.map(toKey), people: ppl.map(toPerson) };
    },
    async insertRow(fields, at, idempotencyKey) {
      const forms = searchForms(fields.name);
      const [row] = await db
        .insert(customers)
        .values({
          ...fields,
          normalizedName: forms.normalised,
          initials: forms.initials,
          pinyin: forms.pinyin,
          idempotencyKey,
          ...datesOfNewFile(fields, at),
          createdAt: at,
          updatedAt: at,
          // Placeholders until due.refresh computes them from the cadence.
          nextCallDue: at,
          nextVisitDue: at,
          nextDue: at,
        })
        .returning({ id: customers.id });
      if (!row) throw new Error('the customer was not written');
      await insertTierChange(db, row.id, { fromTier: null, toTier: fields.tier, reason: 'created' }, at);
      return row.id;
    },
    addKeys: (customerId, keys, at, onConflict, viewer) => addKeys(db, customerId, keys, at, onConflict, viewer),
    async byKey(idempotencyKey) {
      const [row] = await db
        .select({ id: customers.id })
        .from(customers)
        .where(eq(customers.idempotencyKey, idempotencyKey));
      return row?.id;
    },
    async update(id, changes, at) {
      const forms = changes.name ? searchForms(changes.name) : null;
      await db
        .update(customers)
        .set({
          ...changes,
          ...(forms ? { normalizedName: forms.normalised, initials: forms.initials, pinyin: forms.pinyin } : {}),
          updatedAt: at,
        })
        .where(eq(customers.id, id));
    },
    addTierChange: (customerId, change, at) => insertTierChange(db, customerId, change, at),
    async removeTierChange(customerId, id) {
      await db.delete(tierChanges).where(and(eq(tierChanges.customerId, customerId), eq(tierChanges.id, id)));
    },
    async markDeleted(id, at) {
      await db.update(customers).set({ deletedAt: at }).where(eq(customers.id, id));
    },
    async dropKeys(customerId) {
      await db.delete(customerKeys).where(eq(customerKeys.customerId, customerId));
    },
    async keyOf(kind, value) {
      const [row] = await db
        .select()
        .from(customerKeys)
        .where(and(eq(customerKeys.kind, kind), eq(customerKeys.value, value)));
      return row && toKey(row);
    },
    async renamed(viewer) {
      return db
        .select({ id: customers.id, name: customers.name, tier: customers.tier, formerNames: customers.formerNames })
        .from(customers)
        .where(and(sql`former_names <> '[]'`, isNull(customers.deletedAt), visible(viewer)))
        .orderBy(asc(customers.id));
    },
    async removeKey(customerId, keyId) {
      const gone = await db
        .delete(customerKeys)
        .where(and(eq(customerKeys.id, keyId), eq(customerKeys.customerId, customerId)))
        .returning({ id: customerKeys.id });
      return gone.length > 0;
    },
    async list(filter, now, viewer) {
      const where = listWhere(filter, now, viewer);
      const rows = await db
        .select()
        .from(customers)
        .where(where)
        .orderBy(
          ...(filter.sort === 'initials'
            ? [byCodePoint(customers.initials), byCodePoint(customers.name)]
            : [asc(customers.nextDue)]),
          asc(customers.id),
        )
        .limit(filter.limit)
        .offset(filter.offset);
      const [total] = await db.select({ n: count() }).from(customers).where(where);
      return { customers: rows.map(toCustomer), total: total?.n ?? 0 };
    },
  };
}
