import { isDeepStrictEqual } from 'node:util';
import { type Settings, samePhone } from '@dossier/shared';
import { and, asc, eq, inArray, max, notInArray, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db, Tx } from '../db/client.ts';
import {
  captures,
  commitments,
  customerKeys,
  customerShares,
  customers,
  interactions,
  materials,
  merges,
  parcels,
  people,
  sheetRemarks,
} from '../db/schema.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { dayStart } from '../lib/time.ts';
import { refreshDue } from '../store/sqlite/due.ts';
import { replayOn } from '../store/sqlite/replays.ts';
import { getCustomerDetail, liveCustomer } from './customers.ts';
import { replayable } from './replay.ts';
import { blanksOf, fullerName, peopleOfFile } from './same-person.ts';
import { reindexCustomer } from './search-index.ts';
import type { Viewer } from './visibility.ts';

type CustomerRow = typeof customers.$inferSelect;

/** Blank fields of the survivor that the other file may fill; nothing the survivor has is overwritten. */
const FILLABLE = [
  'stage',
  'companyType',
  'sizeClass',
  'industry',
  'businessScope',
  'products',
  'trends',
  'address',
  'website',
  'notes',
  'nextStep',
  'owner',
] as const satisfies readonly (keyof CustomerRow)[];
const LISTS = ['phones', 'fax', 'emails', 'region'] as const;

/** Everything a merge changed, by id, so undo puts back exactly those rows and nothing else. */
interface Snapshot {
  survivor: CustomerRow;
  from: CustomerRow;
  /** Survivor fields the merge set: what they were and what they became. */
  filled: Record<string, { before: unknown; after: unknown }>;
  /**
   * People of the removed file who were already on the survivor: folded into that person (blanks
   * filled, their history re-pointed) and removed, so undo can bring each back as it was.
   */
  absorbed?: {
    personId: number;
    intoId: number;
    filled: Record<string, { before: unknown; after: unknown }>;
    interactions: number[];
  }[];
  moved: {
    keys: number[];
    people: number[];
    interactions: number[];
    commitments: number[];
    parcels: number[];
    captures: number[];
    /** Materials are numbered per customer, so they were renumbered after the survivor's. */
    materials: { id: number; number: number }[];
    shareUsers: number[];
    remarkMonths: string[];
  };
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

function fillFrom(survivor: CustomerRow, from: CustomerRow): Snapshot['filled'] {
  const filled: Snapshot['filled'] = {};
  for (const f of FILLABLE) {
    if ((survivor[f] === null || survivor[f] === '') && from[f] !== null && from[f] !== '') {
      filled[f] = { before: survivor[f], after: from[f] };
    }
  }
  for (const f of LISTS) {
    const union = [...survivor[f]];
    // Phones compare by their E.164 form: 139 0400 1234 and 13904001234 are one number.
    const same = f === 'phones' || f === 'fax' ? samePhone : (a: string, b: string) => a === b;
    for (const v of from[f]) if (!union.some((u) => same(u, v))) union.push(v);
    // A region is one path (华东/江苏/徐州), not a set: taken whole, only if the survivor has none.
    const after = f === 'region' ? (survivor.region.length ? survivor.region : from.region) : union;
    if (!isDeepStrictEqual(after, survivor[f])) filled[f] = { before: survivor[f], after };
  }
  return filled;
}

type PersonRow = typeof people.$inferSelect;

/** Folds each moved person who is already on the survivor into that person (call after moveRows). */
function absorbPeople(tx: Tx, survivorId: number, movedIds: number[], at: string): NonNullable<Snapshot['absorbed']> {
  const moved = new Set(movedIds);
  const all = tx
    .select()
    .from(people)
    .where(and(eq(people.customerId, survivorId), sql`${people.deletedAt} is null`))
    .orderBy(asc(people.id))
    .all();
  // The survivor's own people, under the one same-person rule (services/same-person.ts).
  const own = peopleOfFile(all.filter((p) => !moved.has(p.id)));
  const out: NonNullable<Snapshot['absorbed']> = [];
  for (const p of all.filter((x) => moved.has(x.id))) {
    const into = own.find(p);
    if (!into) continue;
    const filled: Record<string, { before: unknown; after: unknown }> = {};
    for (const [f, after] of Object.entries(blanksOf(into, p))) {
      filled[f] = { before: into[f as keyof PersonRow], after };
    }
    const name = fullerName(into.name, p.name);
    if (name) filled.name = { before: into.name, after: name };
    if (p.keyPerson && !into.keyPerson) filled.keyPerson = { before: false, after: true };
    if (Object.keys(filled).length) filled.updatedAt = { before: into.updatedAt, after: at };
    const set = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, v.after]));
    if (Object.keys(set).length) tx.update(people).set(set).where(eq(people.id, into.id)).run();
    Object.assign(into, set);
    own.filled(into);
    const ints = ids(
      tx
        .update(interactions)
        .set({ personId: into.id })
        .where(eq(interactions.personId, p.id))
        .returning({ id: interactions.id })
        .all(),
    );
    tx.update(people).set({ deletedAt: at }).where(eq(people.id, p.id)).run();
    out.push({ personId: p.id, intoId: into.id, filled, interactions: ints });
  }
  return out;
}

function moveRows(tx: Tx, survivorId: number, fromId: number): Snapshot['moved'] {
  const to = { customerId: survivorId };
  const keys = ids(
    tx.update(customerKeys).set(to).where(eq(customerKeys.customerId, fromId)).returning({ id: customerKeys.id }).all(),
  );
  const ppl = ids(tx.update(people).set(to).where(eq(people.customerId, fromId)).returning({ id: people.id }).all());
  const ints = ids(
    tx.update(interactions).set(to).where(eq(interactions.customerId, fromId)).returning({ id: interactions.id }).all(),
  );
  const proms = ids(
    tx.update(commitments).set(to).where(eq(commitments.customerId, fromId)).returning({ id: commitments.id }).all(),
  );
  const pcs = ids(tx.update(parcels).set(to).where(eq(parcels.customerId, fromId)).returning({ id: parcels.id }).all());
  const caps = ids(
    tx.update(captures).set(to).where(eq(captures.customerId, fromId)).returning({ id: captures.id }).all(),
  );
  const top =
    tx
      .select({ n: max(materials.number) })
      .from(materials)
      .where(eq(materials.customerId, survivorId))
      .get()?.n ?? 0;
  const mats = tx
    .select({ id: materials.id, number: materials.number })
    .from(materials)
    .where(eq(materials.customerId, fromId))
    .orderBy(asc(materials.number))
    .all();
  mats.forEach((m, i) => {
    tx.update(materials)
      .set({ customerId: survivorId, number: top + i + 1 })
      .where(eq(materials.id, m.id))
      .run();
  });
  // A share or a month's remark the survivor already has stays with the removed file.
  const haveUsers = tx
    .select({ u: customerShares.userId })
    .from(customerShares)
    .where(eq(customerShares.customerId, survivorId))
    .all()
    .map((r) => r.u);
  const shareUsers = tx
    .update(customerShares)
    .set(to)
    .where(and(eq(customerShares.customerId, fromId), notInArray(customerShares.userId, haveUsers)))
    .returning({ u: customerShares.userId })
    .all()
    .map((r) => r.u);
  const haveMonths = tx
    .select({ m: sheetRemarks.month })
    .from(sheetRemarks)
    .where(eq(sheetRemarks.customerId, survivorId))
    .all()
    .map((r) => r.m);
  const remarkMonths = tx
    .update(sheetRemarks)
    .set(to)
    .where(and(eq(sheetRemarks.customerId, fromId), notInArray(sheetRemarks.month, haveMonths)))
    .returning({ m: sheetRemarks.month })
    .all()
    .map((r) => r.m);
  return {
    keys,
    people: ppl,
    interactions: ints,
    commitments: proms,
    parcels: pcs,
    captures: caps,
    materials: mats,
    shareUsers,
    remarkMonths,
  };
}

/**
 * Merges `fromId` into `survivorId` in one transaction: its keys, people, history, promises,
 * parcels, captures, materials and shares move over, the survivor's blanks are filled, the other
 * file is removed, and the before-image is kept so the merge can be undone until the end of the
 * next day.
 */
export function mergeCustomers(
  db: Db,
  viewer: Viewer,
  survivorId: number,
  fromId: number,
  now: Date,
  settings: Settings,
  idempotencyKey?: string,
) {
  if (survivorId === fromId) throw new ApiError('invalid_request', 'a customer cannot be merged into itself');
  const at = now.toISOString();
  const replay = idempotencyKey ? replayable(idempotencyKey, 'merge', { survivorId, fromId }) : null;
  const written = db.transaction((tx) => {
    if (replay) {
      const prior = replayOn(tx, replay, viewer, at, () =>
        tx.select().from(merges).where(eq(merges.idempotencyKey, replay.key)).get(),
      );
      if (prior) return { row: prior, replayed: true };
    }
    const survivor = liveCustomer(tx, survivorId, viewer);
    const from = liveCustomer(tx, fromId, viewer);
    const filled = fillFrom(survivor, from);
    const moved = moveRows(tx, survivorId, fromId);
    const absorbed = absorbPeople(tx, survivorId, moved.people, at);
    const set = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, v.after]));
    tx.update(customers)
      .set({ ...set, updatedAt: at })
      .where(eq(customers.id, survivorId))
      .run();
    tx.update(customers).set({ deletedAt: at }).where(eq(customers.id, fromId)).run();
    refreshDue(tx, survivorId, settings);
    reindexCustomer(tx, survivorId);
    reindexCustomer(tx, fromId);
    const snapshot: Snapshot = { survivor, from, filled, moved, absorbed };
    const row = tx
      .insert(merges)
      .values({
        survivorId,
        fromId,
        userId: viewer.id,
        at,
        undoUntil: dayStart(now, settings.timeZone, 2).toISOString(),
        idempotencyKey: idempotencyKey ?? null,
        snapshot,
      })
      .returning()
      .get();
    return { row, replayed: false };
  });
  return { ...mergeAnswer(db, viewer, written.row), replayed: written.replayed };
}

function mergeAnswer(db: Db, viewer: Viewer, m: typeof merges.$inferSelect) {
  const s = m.snapshot as Snapshot;
  const moved = Object.fromEntries(Object.entries(s.moved).map(([k, v]) => [k, v.length]));
  return {
    mergeId: m.id,
    survivorId: m.survivorId,
    fromId: m.fromId,
    at: m.at,
    undoUntil: m.undoUntil,
    undoneAt: m.undoneAt,
    filled: Object.keys(s.filled),
    moved,
    survivor: m.undoneAt ? null : getCustomerDetail(db, m.survivorId, viewer),
  };
}

/**
 * Puts every moved row back on the removed file (same ids), brings that file back exactly as it
 * was, and resets the survivor's filled fields unless someone has edited them since. Rows added
 * to the survivor after the merge stay where they are.
 */
export function undoMerge(db: Db, viewer: Viewer, mergeId: number, now: Date, settings: Settings) {
  return db.transaction((tx) => {
    const m = tx.select().from(merges).where(eq(merges.id, mergeId)).get();
    // The removed file is no longer "visible" to a member (it is deleted): whoever made the merge,
    // the removed file's owner and managers may undo it.
    const from = m && tx.select({ owner: customers.owner }).from(customers).where(eq(customers.id, m.fromId)).get();
    const mayUndo = m && (viewer.role === 'manager' || m.userId === viewer.id || from?.owner === viewer.name);
    if (!m || !mayUndo) throw notFound('merge');
    if (m.undoneAt) throw new ApiError('conflict', `merge ${mergeId} was already undone at ${m.undoneAt}`);
    if (now.toISOString() > m.undoUntil)
      throw new ApiError('conflict', `merge ${mergeId} could be undone until ${m.undoUntil}`);
    const survivor = liveCustomer(tx, m.survivorId, viewer);
    const s = m.snapshot as Snapshot;
    const back = { customerId: m.fromId };
    const { moved } = s;
    // Only rows still on the survivor go back; one deleted since the merge simply isn't there.
    const moveBack = (table: SQLiteTable, id: SQLiteColumn, customerId: SQLiteColumn, list: number[]) => {
      for (let i = 0; i < list.length; i += 500) {
        tx.run(sql`update ${table} set customer_id = ${m.fromId}
          where ${inArray(id, list.slice(i, i + 500))} and ${eq(customerId, m.survivorId)}`);
      }
    };
    // People folded into a survivor's person come back as they were, with their own history.
    for (const a of s.absorbed ?? []) {
      tx.update(people).set({ deletedAt: null }).where(eq(people.id, a.personId)).run();
      if (a.interactions.length) {
        tx.update(interactions)
          .set({ personId: a.personId })
          .where(and(inArray(interactions.id, a.interactions), eq(interactions.personId, a.intoId)))
          .run();
      }
      const into = tx.select().from(people).where(eq(people.id, a.intoId)).get();
      const back: Record<string, unknown> = {};
      for (const [f, v] of Object.entries(a.filled)) {
        if (into && isDeepStrictEqual(into[f as keyof PersonRow], v.after)) back[f] = v.before;
      }
      if (Object.keys(back).length) tx.update(people).set(back).where(eq(people.id, a.intoId)).run();
    }
    moveBack(customerKeys, customerKeys.id, customerKeys.customerId, moved.keys);
    moveBack(people, people.id, people.customerId, moved.people);
    moveBack(interactions, interactions.id, interactions.customerId, moved.interactions);
    moveBack(commitments, commitments.id, commitments.customerId, moved.commitments);
    moveBack(parcels, parcels.id, parcels.customerId, moved.parcels);
    moveBack(captures, captures.id, captures.customerId, moved.captures);
    for (const mat of moved.materials) {
      tx.update(materials).set({ customerId: m.fromId, number: mat.number }).where(eq(materials.id, mat.id)).run();
    }
    if (moved.shareUsers.length) {
      tx.update(customerShares)
        .set(back)
        .where(and(eq(customerShares.customerId, m.survivorId), inArray(customerShares.userId, moved.shareUsers)))
        .run();
    }
    if (moved.remarkMonths.length) {
      tx.update(sheetRemarks)
        .set(back)
        .where(and(eq(sheetRemarks.customerId, m.survivorId), inArray(sheetRemarks.month, moved.remarkMonths)))
        .run();
    }
    const reset: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(s.filled)) {
      if (isDeepStrictEqual(survivor[f as keyof CustomerRow], v.after)) reset[f] = v.before;
    }
    if (survivor.updatedAt === m.at) reset.updatedAt = s.survivor.updatedAt;
    if (Object.keys(reset).length) tx.update(customers).set(reset).where(eq(customers.id, m.survivorId)).run();
    const { id: _id, ...fromRow } = s.from;
    tx.update(customers).set(fromRow).where(eq(customers.id, m.fromId)).run();
    refreshDue(tx, m.survivorId, settings);
    reindexCustomer(tx, m.survivorId);
    reindexCustomer(tx, m.fromId);
    tx.update(merges).set({ undoneAt: now.toISOString() }).where(eq(merges.id, mergeId)).run();
    return { mergeId, survivorId: m.survivorId, fromId: m.fromId, undoneAt: now.toISOString() };
  });
}
