import {
  type CustomerCreate,
  type CustomerDetail,
  type CustomerUpdate,
  emailMatchKey,
  type KeyInput,
  keyValue,
  type PersonInput,
  registrableDomain,
  type Settings,
  searchForms,
} from '@dossier/shared';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import { customerKeys, customers, people, tierChanges, users } from '../db/schema.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { refreshDue } from '../store/sqlite/due.ts';
import { replayOn } from '../store/sqlite/replays.ts';
import { toCustomer, toKey, toPerson } from './mappers.ts';
import { replayable } from './replay.ts';
import { reindexCustomer } from './search-index.ts';
import { SYSTEM, type Viewer, visible } from './visibility.ts';

/** Canonical form of a key, or a 400 naming the bad one (e.g. a credit code with a wrong check character). */
export function canonicalKey(k: KeyInput): KeyInput {
  const value = keyValue(k.kind, k.value);
  if (!value)
    throw new ApiError('invalid_request', `not a valid ${k.kind}: ${k.value}`, [
      { path: 'keys', kind: k.kind, value: k.value },
    ]);
  return { kind: k.kind, value };
}

/** Keys implied by the file itself: the website's registrable domain, company (non-free) e-mail domains. */
function impliedKeys(website: string | null | undefined, emails: readonly string[]): KeyInput[] {
  const out: KeyInput[] = [];
  const domain = website ? registrableDomain(website) : null;
  if (domain) out.push({ kind: 'domain', value: domain });
  for (const e of emails) {
    const k = emailMatchKey(e);
    if (k?.kind === 'email_domain' && k.value !== domain) out.push(k);
  }
  return out;
}

/**
 * Adds keys; a key already on this customer is skipped, one held by another customer is a 409
 * naming that customer — only to a viewer who may see it, so a conflict never reveals another
 * member's file.
 */
export function addKeys(
  tx: Tx | Db,
  customerId: number,
  keys: KeyInput[],
  now: string,
  onConflict: 'fail' | 'skip' = 'fail',
  viewer: Viewer = SYSTEM,
) {
  const seen = new Set<string>();
  for (const raw of keys) {
    const k = canonicalKey(raw);
    const id = `${k.kind}\u0000${k.value}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const holder = tx
      .select({ customerId: customerKeys.customerId })
      .from(customerKeys)
      .where(and(eq(customerKeys.kind, k.kind), eq(customerKeys.value, k.value)))
      .get();
    if (holder?.customerId === customerId) continue;
    if (holder) {
      if (onConflict === 'skip') continue;
      const seenHolder = tx
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
    tx.insert(customerKeys).values({ customerId, kind: k.kind, value: k.value, createdAt: now }).run();
  }
}

/** A file's owner must be a user of this server; otherwise it would belong to nobody. */
function checkOwner(tx: Tx | Db, owner: string | null | undefined) {
  if (owner == null) return;
  const user = tx.select({ id: users.id }).from(users).where(eq(users.name, owner)).get();
  if (!user) throw new ApiError('invalid_request', `no user named ${owner}`, [{ path: 'owner', value: owner }]);
}

export function insertPerson(tx: Tx | Db, customerId: number, p: PersonInput, now: string) {
  return tx
    .insert(people)
    .values({
      ...p,
      keyPerson: p.keyPerson ?? false,
      email: p.email?.toLowerCase(),
      customerId,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get();
}

export function createCustomer(
  db: Db,
  input: z.output<typeof CustomerCreate>,
  now: Date,
  settings: Settings,
  viewer: Viewer = SYSTEM,
): { customer: CustomerDetail; replayed: boolean } {
  const replay = input.idempotencyKey ? replayable(input.idempotencyKey, 'customer', input) : null;
  const at = now.toISOString();
  const { keys, people: persons, idempotencyKey, allowDuplicate, ...fields } = input;
  if (fields.status === 'lost' && !fields.lostReasonCode) {
    throw new ApiError('invalid_request', 'say why the customer was lost', [{ path: 'lostReasonCode' }]);
  }
  // A member's new files are their own; a manager may assign them to anyone.
  if (viewer.role !== 'manager') fields.owner = viewer.name;
  else if (fields.owner === undefined && viewer !== SYSTEM) fields.owner = viewer.name;
  const written = db.transaction((tx) => {
    if (replay) {
      const prior = replayOn(tx, replay, viewer, now.toISOString(), () =>
        tx.select({ id: customers.id }).from(customers).where(eq(customers.idempotencyKey, replay.key)).get(),
      );
      if (prior) return { id: prior.id, replayed: true };
    }
    if (viewer !== SYSTEM) checkOwner(tx, fields.owner);
    const row = { id: insertCustomerRow(tx, fields, at, idempotencyKey ?? null) };
    // A second file for a company already on file is refused unless asked for: the caller
    // offers to open or add to the existing one.
    const onConflict = allowDuplicate ? 'skip' : 'fail';
    addKeys(tx, row.id, keys, at, onConflict, viewer);
    addKeys(tx, row.id, impliedKeys(fields.website, fields.emails), at, onConflict, viewer);
    for (const p of persons) insertPerson(tx, row.id, p, at);
    refreshDue(tx, row.id, settings);
    reindexCustomer(tx, row.id);
    return { id: row.id, replayed: false };
  });
  return { customer: getCustomerDetail(db, written.id, viewer), replayed: written.replayed };
}

type CustomerFields = Omit<z.output<typeof CustomerCreate>, 'keys' | 'people' | 'idempotencyKey' | 'allowDuplicate'>;

/** Inserts the row with its search forms and first tier-history entry; due fields follow via refreshDue. */
export function insertCustomerRow(
  tx: Tx | Db,
  fields: CustomerFields,
  at: string,
  idempotencyKey: string | null,
): number {
  const forms = searchForms(fields.name);
  const row = tx
    .insert(customers)
    .values({
      ...fields,
      normalizedName: forms.normalised,
      initials: forms.initials,
      pinyin: forms.pinyin,
      idempotencyKey,
      lostAt: fields.status === 'lost' ? at : null,
      createdAt: at,
      updatedAt: at,
      // Placeholders until refreshDue computes them from the cadence.
      nextCallDue: at,
      nextVisitDue: at,
      nextDue: at,
    })
    .returning({ id: customers.id })
    .get();
  tx.insert(tierChanges)
    .values({ customerId: row.id, fromTier: null, toTier: fields.tier, reason: 'created', at })
    .run();
  return row.id;
}

/**
 * The customer row if it exists, is not deleted and the viewer may see it; otherwise 404.
 * `includeDeleted` serves replays: a write acknowledged before the file was removed still answers.
 */
export function liveCustomer(db: Db | Tx, id: number, viewer: Viewer, includeDeleted = false) {
  const row = db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), includeDeleted ? undefined : isNull(customers.deletedAt), visible(viewer)))
    .get();
  if (!row) throw notFound('customer');
  return row;
}

export function getCustomerDetail(db: Db, id: number, viewer: Viewer): CustomerDetail {
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

export function updateCustomer(
  db: Db,
  id: number,
  patch: CustomerUpdate,
  now: Date,
  settings: Settings,
  viewer: Viewer,
  reason?: string,
): CustomerDetail {
  const at = now.toISOString();
  if (patch.owner !== undefined && viewer.role !== 'manager') {
    throw new ApiError('forbidden', 'only a manager reassigns customers');
  }
  db.transaction((tx) => {
    const before = liveCustomer(tx, id, viewer);
    if (patch.owner !== undefined) checkOwner(tx, patch.owner);
    const forms = patch.name ? searchForms(patch.name) : null;
    let lostAt: { lostAt?: string | null } = {};
    if (patch.status === 'lost' && before.status !== 'lost') {
      // Seed 003: a lost customer is recorded with why and when, so losses can be analysed.
      if (!(patch.lostReasonCode ?? before.lostReasonCode)) {
        throw new ApiError('invalid_request', 'say why the customer was lost', [{ path: 'lostReasonCode' }]);
      }
      lostAt = { lostAt: at };
    } else if (patch.status && patch.status !== 'lost') lostAt = { lostAt: null };
    tx.update(customers)
      .set({
        ...patch,
        ...lostAt,
        ...(forms ? { normalizedName: forms.normalised, initials: forms.initials, pinyin: forms.pinyin } : {}),
        updatedAt: at,
      })
      .where(eq(customers.id, id))
      .run();
    if (patch.tier && patch.tier !== before.tier) {
      tx.insert(tierChanges)
        .values({ customerId: id, fromTier: before.tier, toTier: patch.tier, reason: reason ?? 'edited', at })
        .run();
    }
    if (patch.website !== undefined || patch.emails !== undefined) {
      addKeys(tx, id, impliedKeys(patch.website ?? before.website, patch.emails ?? before.emails), at, 'skip');
    }
    refreshDue(tx, id, settings);
    reindexCustomer(tx, id);
  });
  return getCustomerDetail(db, id, viewer);
}

export function softDeleteCustomer(db: Db, id: number, now: Date, viewer: Viewer): void {
  db.transaction((tx) => {
    liveCustomer(tx, id, viewer);
    tx.update(customers).set({ deletedAt: now.toISOString() }).where(eq(customers.id, id)).run();
    // Keys are released so the domain can be captured again into a new file.
    tx.delete(customerKeys).where(eq(customerKeys.customerId, id)).run();
    reindexCustomer(tx, id);
  });
}

/** Brings a lost customer back (one action): active again, the loss kept in the tier history. */
export function reopenCustomer(db: Db, id: number, now: Date, settings: Settings, viewer: Viewer): CustomerDetail {
  const at = now.toISOString();
  db.transaction((tx) => {
    const before = liveCustomer(tx, id, viewer);
    if (before.status !== 'lost')
      throw new ApiError('conflict', 'this customer is not lost', { status: before.status });
    tx.update(customers)
      .set({ status: 'active', lostAt: null, lostReason: null, lostReasonCode: null, updatedAt: at })
      .where(eq(customers.id, id))
      .run();
    const why = [before.lostReasonCode, before.lostReason].filter(Boolean).join(': ');
    tx.insert(tierChanges)
      .values({
        customerId: id,
        fromTier: before.tier,
        toTier: before.tier,
        reason: `reopened (lost ${before.lostAt?.slice(0, 10) ?? ''}${why ? `, ${why}` : ''})`,
        at,
      })
      .run();
    refreshDue(tx, id, settings);
    reindexCustomer(tx, id);
  });
  return getCustomerDetail(db, id, viewer);
}
