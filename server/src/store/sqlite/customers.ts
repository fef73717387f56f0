import { type CustomerDetail, type KeyInput, searchForms } from '@dossier/shared';
import { and, asc, count, eq, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customerKeys, customers, people, tierChanges } from '../../db/schema.ts';
import { ApiError, notFound } from '../../lib/errors.ts';
import { canonicalKey } from '../../services/customers.ts';
import { toCustomer, toKey, toPerson } from '../../services/mappers.ts';
import { SYSTEM, type Viewer } from '../../services/visibility.ts';
import {
  type CustomerChanges,
  type CustomerFields,
  type CustomerFilter,
  type CustomerStore,
  datesOfNewFile,
  type TierChange,
} from '../customers.ts';
import type { CustomerRecord } from '../records.ts';
import { visible } from './visibility.ts';

// The synchronous functions below are what the repository runs on its connection.

/**
 * The customer row if it exists, is not deleted and the viewer may see it; otherwise 404.
 * `includeDeleted` serves replays: a write acknowledged before the file was removed still answers.
 */
function liveCustomer(db: Db, id: number, viewer: Viewer, includeDeleted = false): CustomerRecord {
  const row = db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), includeDeleted ? undefined : isNull(customers.deletedAt), visible(viewer)))
    .get();
  if (!row) throw notFound('customer');
  return row;
}

function getCustomerDetail(db: Db, id: number, viewer: Viewer): CustomerDetail {
  const row = liveCustomer(db, id, viewer);
  const keys = db
    .select()
    .from(customerKeys)
    .where(eq(customerKeys.customerId, id))
    .orderBy(asc(customerKeys.id))
    .all();
  const ppl = db
    .select()
    .from(people)
    .where(and(eq(people.customerId, id), isNull(people.deletedAt)))
    .orderBy(asc(people.id))
    .all();
  return { ...toCustomer(row), keys: keys.map(toKey), people: ppl.map(toPerson) };
}

/** Inserts the row with its search forms and first tier-history entry; due fields follow via refreshDue. */
function insertCustomerRow(db: Db, fields: CustomerFields, at: string, idempotencyKey: string | null): number {
  const forms = searchForms(fields.name);
  const row = db
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
      // Placeholders until refreshDue computes them from the cadence.
      nextCallDue: at,
      nextVisitDue: at,
      nextDue: at,
    })
    .returning({ id: customers.id })
    .get();
  insertTierChange(db, row.id, { fromTier: null, toTier: fields.tier, reason: 'created' }, at);
  return row.id;
}

/**
 * Adds keys; a key already on this customer is skipped, one held by another customer is a 409
 * naming that customer — only to a viewer who may see it, so a conflict never reveals another
 * member's file.
 */
function addKeys(
  db: Db,
  customerId: number,
  keys: KeyInput[],
  now: string,
  onConflict: 'fail' | 'skip' = 'fail',
  viewer: Viewer = SYSTEM,
): void {
  const seen = new Set<string>();
  for (const raw of keys) {
    const k = canonicalKey(raw);
    const id = `${k.kind}\u0000${k.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const holder = db
      .select({ customerId: customerKeys.customerId })
      .from(customerKeys)
      .where(and(eq(customerKeys.kind, k.kind), eq(customerKeys.value, k.value)))
      .get();
    if (holder?.customerId === customerId) continue;
    if (holder) {
      if (onConflict === 'skip') continue;
      const seenHolder = db
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(and(eq(customers.id, holder.customerId), isNull(customers.deletedAt), visible(viewer)))
        .get();
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
    db.insert(customerKeys).values({ customerId, kind: k.kind, value: k.value, createdAt: now }).run();
  }
}

/** Writes the changed fields of a file, a new name with its search forms, and the time of the change. */
function updateCustomerRow(db: Db, id: number, changes: CustomerChanges, at: string): void {
  const forms = changes.name ? searchForms(changes.name) : null;
  db.update(customers)
    .set({
      ...changes,
      ...(forms ? { normalizedName: forms.normalised, initials: forms.initials, pinyin: forms.pinyin } : {}),
      updatedAt: at,
    })
    .where(eq(customers.id, id))
    .run();
}

// Its id from the rowid, not RETURNING: SQLite runs RETURNING through a temporary table (every
// file's creation writes one of these lines).
function insertTierChange(db: Db, customerId: number, change: TierChange, at: string): number {
  const { lastInsertRowid } = db
    .insert(tierChanges)
    .values({ customerId, fromTier: change.fromTier, toTier: change.toTier, reason: change.reason, at })
    .run();
  return Number(lastInsertRowid);
}

/** The conditions of the file list. */
function listWhere(q: CustomerFilter, now: string, viewer: Viewer): SQL | undefined {
  const where: SQL[] = [isNull(customers.deletedAt), visible(viewer)];
  if (q.tier) where.push(eq(customers.tier, q.tier));
  if (q.status) where.push(eq(customers.status, q.status));
  if (q.owner) where.push(eq(customers.owner, q.owner));
  // Lost files have no due dates: they stay out of the due order and the overdue filter
  // unless lost files are asked for by status (the A–Z index lists every file).
  // Said again for another status: the next due's index holds no lost file, and SQLite uses a
  // partial index only for a query that says so.
  if (q.overdue === 'true' || (q.sort === 'due' && q.status !== 'lost')) where.push(ne(customers.status, 'lost'));
  if (q.overdue === 'true') where.push(lt(customers.nextDue, now));
  if (q.stage) where.push(eq(customers.stage, q.stage));
  if (q.companyType) where.push(eq(customers.companyType, q.companyType));
  if (q.sizeClass) where.push(eq(customers.sizeClass, q.sizeClass));
  for (const [i, part] of (q.region?.split('/').filter(Boolean) ?? []).entries()) {
    where.push(sql`json_extract(${customers.region}, ${`$[${i}]`}) = ${part}`);
  }
  return and(...where);
}

export function sqliteCustomers(db: Db): CustomerStore {
  return {
    async anyLive() {
      return (
        db.select({ id: customers.id }).from(customers).where(isNull(customers.deletedAt)).limit(1).get() !== undefined
      );
    },
    async lock() {
      // Nothing to do: a SQLite write transaction (BEGIN IMMEDIATE, behind the store's gate: one
      // writer at a time) already excludes every other writer from its start to its commit.
    },
    async live(id, viewer, includeDeleted) {
      return liveCustomer(db, id, viewer, includeDeleted);
    },
    async detail(id, viewer) {
      return getCustomerDetail(db, id, viewer);
    },
    async insertRow(fields, at, idempotencyKey) {
      return insertCustomerRow(db, fields, at, idempotencyKey);
    },
    async addKeys(customerId, keys, at, onConflict, viewer) {
      addKeys(db, customerId, keys, at, onConflict, viewer);
    },
    async byKey(idempotencyKey) {
      return db.select({ id: customers.id }).from(customers).where(eq(customers.idempotencyKey, idempotencyKey)).get()
        ?.id;
    },
    async update(id, changes, at) {
      updateCustomerRow(db, id, changes, at);
    },
    async addTierChange(customerId, change, at) {
      return insertTierChange(db, customerId, change, at);
    },
    async removeTierChange(customerId, id) {
      db.delete(tierChanges)
        .where(and(eq(tierChanges.customerId, customerId), eq(tierChanges.id, id)))
        .run();
    },
    async markDeleted(id, at) {
      db.update(customers).set({ deletedAt: at }).where(eq(customers.id, id)).run();
    },
    async dropKeys(customerId) {
      db.delete(customerKeys).where(eq(customerKeys.customerId, customerId)).run();
    },
    async keyOf(kind, value) {
      const row = db
        .select()
        .from(customerKeys)
        .where(and(eq(customerKeys.kind, kind), eq(customerKeys.value, value)))
        .get();
      return row && toKey(row);
    },
    async renamed(viewer) {
      return db
        .select({ id: customers.id, name: customers.name, tier: customers.tier, formerNames: customers.formerNames })
        .from(customers)
        .where(and(sql`former_names <> '[]'`, isNull(customers.deletedAt), visible(viewer)))
        .orderBy(asc(customers.id))
        .all();
    },
    async removeKey(customerId, keyId) {
      const gone = db
        .delete(customerKeys)
        .where(and(eq(customerKeys.id, keyId), eq(customerKeys.customerId, customerId)))
        .returning({ id: customerKeys.id })
        .get();
      return gone !== undefined;
    },
    async list(filter, now, viewer) {
      const where = listWhere(filter, now, viewer);
      const rows = db
        .select()
        .from(customers)
        .where(where)
        .orderBy(
          ...(filter.sort === 'initials' ? [asc(customers.initials), asc(customers.name)] : [asc(customers.nextDue)]),
          asc(customers.id),
        )
        .limit(filter.limit)
        .offset(filter.offset)
        .all();
      const total = db.select({ n: count() }).from(customers).where(where).get()?.n ?? 0;
      return { customers: rows.map(toCustomer), total };
    },
  };
}
