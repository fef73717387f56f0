import { isDeepStrictEqual } from 'node:util';
import { formerNamesOf, meetsAppointment, type Settings, samePhone, statusAfterContact } from '@dossier/shared';
import { ApiError, notFound } from '../lib/errors.ts';
import { dayStart } from '../lib/time.ts';
import type { StandingAppointment } from '../store/due.ts';
import type { MovedRows } from '../store/merges.ts';
import type { CustomerRecord, MergeRecord, PersonRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { afterMerge, beforeMerge, type MergedPoints, undoMergedPoints } from './contact-points.ts';
import { type MergedLoss, mergedLoss } from './loss.ts';
import { replayable, replayOf } from './replay.ts';
import { additionsOf, fullerName, peopleOfFile } from './same-person.ts';
import { ownsOrManages, SYSTEM, type Viewer } from './visibility.ts';

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
  'landWonAt',
] as const satisfies readonly (keyof CustomerRecord)[];
const LISTS = ['phones', 'fax', 'emails', 'region'] as const;

/** Everything a merge changed, by id, so undo puts back exactly those rows and nothing else. */
interface Snapshot {
  survivor: CustomerRecord;
  from: CustomerRecord;
  /** Survivor fields the merge set: what they were and what they became. */
  filled: Record<string, { before: unknown; after: unknown }>;
  /**
   * People of the removed file who were already on the survivor: folded into that person (blanks
   * filled, what differs kept in their notes, their history re-pointed) and removed, so undo can
   * bring each back as it was.
   */
  absorbed?: {
    personId: number;
    intoId: number;
    filled: Record<string, { before: unknown; after: unknown }>;
    interactions: number[];
  }[];
  /** The rows that moved over, by id (materials with the numbers they had). */
  moved: MovedRows;
  /** The survivor's records of phones and e-mails the merge added or changed (seed 002). */
  contactPoints?: MergedPoints;
  /** The line the merge wrote in the survivor's tier history (either file was lost), taken out on undo. */
  tierLine?: number;
  /** The survivor's remarks the other file's remark for the same month was joined to, as they were and became. */
  remarks?: { month: string; before: string; writtenAt: string; after: string }[];
  /** The promise the merge made of an appointment the merged history no longer holds, removed on undo. */
  promise?: number;
}

/** Filled fields that are the file's own bookkeeping, not fields the user reads in the merge's answer. */
const BOOKKEEPING = new Set([
  'statusByContact',
  'lostAt',
  'lostReason',
  'lostReasonCode',
  'reopenedAt',
  'signedAt',
  'landWonAt',
]);

function fillFrom(survivor: CustomerRecord, from: CustomerRecord, loss: MergedLoss): Snapshot['filled'] {
  const filled: Snapshot['filled'] = {};
  for (const [f, after] of Object.entries(loss.fields)) {
    const before = survivor[f as keyof CustomerRecord];
    if (!isDeepStrictEqual(before, after)) filled[f] = { before, after };
  }
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
  // The other file's names stay findable on the survivor (a land result naming one joins it).
  const formerNames = formerNamesOf(survivor.name, [...survivor.formerNames, from.name, ...from.formerNames]);
  if (!isDeepStrictEqual(formerNames, survivor.formerNames))
    filled.formerNames = { before: survivor.formerNames, after: formerNames };
  // The other file's conversations come with it: a prospect spoken to is worked (statusAfterContact).
  if (from.lastCallAt) {
    const was = { status: survivor.status, byContact: survivor.statusByContact };
    const worked = statusAfterContact(was, 'spoken', from.lastCallAt);
    if (worked.status !== was.status) {
      filled.status = { before: was.status, after: worked.status };
      filled.statusByContact = { before: was.byContact, after: worked.byContact };
    }
  }
  return filled;
}

/** Two remarks of one month as one: the survivor's first, the other's after it unless it says nothing more. */
function joinedRemark(kept: string, other: string): string {
  if (kept.includes(other)) return kept;
  if (other.includes(kept)) return other;
  return `${kept}${/[\u3000-\u9fff\uff00-\uffef]/u.test(kept + other) ? '；' : '; '}${other}`;
}

/**
 * The other file's remark for a month the survivor has one too (it did not move: one remark per
 * file and month) is joined to the survivor's, so the merge loses no remark once it can no
 * longer be undone. Call after the rows moved: the other file's remarks left are those months.
 */
async function joinRemarks(tx: Store, survivorId: number, fromId: number, at: string) {
  const kept = new Map((await tx.contactSheet.remarksOf(survivorId)).map((r) => [r.month, r]));
  const out: NonNullable<Snapshot['remarks']> = [];
  for (const r of await tx.contactSheet.remarksOf(fromId)) {
    const was = kept.get(r.month);
    if (!was) continue;
    const after = joinedRemark(was.text, r.text);
    if (after === was.text) continue;
    await tx.contactSheet.saveRemark(survivorId, r.month, after, at);
    out.push({ month: r.month, before: was.text, writtenAt: was.updatedAt, after });
  }
  return out;
}

/**
 * A file keeps one appointment, the latest fixed (a later one moves it): of two live files'
 * standing appointments the merged history holds only one. The other, not met by a contact on
 * or after its day in that history, becomes a promise on the survivor due at its time, so no
 * meeting agreed on either file drops off the board. Call after the survivor's dues are refreshed.
 */
async function keepAppointment(
  tx: Store,
  survivorId: number,
  standing: (StandingAppointment | null)[],
  timeZone: string,
  at: string,
): Promise<number | undefined> {
  const kept = await tx.due.standing(survivorId, timeZone);
  const { lastCallAt } = await tx.customers.live(survivorId, SYSTEM);
  const dropped = standing.find(
    (s) => s && s.id !== kept?.id && !(lastCallAt && meetsAppointment({ kind: 'call', at: lastCallAt }, s, timeZone)),
  );
  if (!dropped) return undefined;
  // Worded as the calendar words an appointment: a promise's text goes into calendar feeds, and
  // what the call that fixed it says stays in the file.
  const promise = await tx.commitments.insert({
    customerId: survivorId,
    text: '约见 Appointment',
    dueAt: dropped.appointment,
    idempotencyKey: null,
    createdAt: at,
  });
  return promise.id;
}

/** Folds each moved person who is already on the survivor into that person (call after the rows moved). */
async function absorbPeople(
  tx: Store,
  survivorId: number,
  movedIds: number[],
  at: string,
): Promise<NonNullable<Snapshot['absorbed']>> {
  const moved = new Set(movedIds);
  const all = await tx.merges.peopleOf(survivorId);
  // The survivor's own people, under the one same-person rule (services/same-person.ts).
  const own = peopleOfFile(all.filter((p) => !moved.has(p.id)));
  const out: NonNullable<Snapshot['absorbed']> = [];
  for (const p of all.filter((x) => moved.has(x.id))) {
    const into = own.find(p);
    if (!into) continue;
    const filled: Record<string, { before: unknown; after: unknown }> = {};
    for (const [f, after] of Object.entries(additionsOf(into, p))) {
      filled[f] = { before: into[f as keyof PersonRecord], after };
    }
    const name = fullerName(into.name, p.name);
    if (name) filled.name = { before: into.name, after: name };
    if (p.keyPerson && !into.keyPerson) filled.keyPerson = { before: false, after: true };
    if (Object.keys(filled).length) filled.updatedAt = { before: into.updatedAt, after: at };
    const set = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, v.after]));
    if (Object.keys(set).length) await tx.merges.updatePerson(into.id, set);
    Object.assign(into, set);
    own.filled(into);
    const ints = await tx.merges.repointHistory(p.id, into.id);
    await tx.merges.removePerson(p.id, at);
    out.push({ personId: p.id, intoId: into.id, filled, interactions: ints });
  }
  return out;
}

/**
 * Merges `fromId` into `survivorId` in one transaction: its keys, people, history, promises,
 * parcels, captures, materials and shares move over, the survivor's blanks are filled, the other
 * file is removed, and the before-image is kept so the merge can be undone until the end of the
 * next day.
 */
export async function mergeCustomers(
  store: Store,
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
  const written = await store.transaction(async (tx) => {
    if (replay) {
      const prior = await replayOf(tx, replay, viewer, at, () => tx.merges.byKey(replay.key));
      if (prior) return { row: prior, replayed: true };
    }
    // Both files are held before they are read: a change to either committed after the read
    // would otherwise be overwritten by the fill below (PostgreSQL; SQLite's writers never overlap).
    await tx.customers.lock([survivorId, fromId]);
    const survivor = await tx.customers.live(survivorId, viewer);
    const from = await tx.customers.live(fromId, viewer);
    // The file merged away is removed: a colleague it is shared with may not do that.
    if (!ownsOrManages(viewer, from.owner))
      throw new ApiError('forbidden', 'only the owner or a manager merges a file into another', [{ path: 'from' }]);
    const loss = mergedLoss(survivor, from, settings.timeZone);
    const filled = fillFrom(survivor, from, loss);
    const points = await beforeMerge(tx, survivorId, fromId);
    const standing = [
      await tx.due.standing(survivorId, settings.timeZone),
      await tx.due.standing(fromId, settings.timeZone),
    ];
    const moved = await tx.merges.moveRows(survivorId, fromId);
    const absorbed = await absorbPeople(tx, survivorId, moved.people, at);
    const remarks = await joinRemarks(tx, survivorId, fromId, at);
    const set = Object.fromEntries(Object.entries(filled).map(([k, v]) => [k, v.after]));
    await tx.merges.updateFile(survivorId, { ...set, updatedAt: at });
    await tx.merges.removeFile(fromId, at);
    const tierLine = loss.line ? await tx.customers.addTierChange(survivorId, loss.line, at) : undefined;
    const contactPoints = await afterMerge(tx, survivorId, points);
    await tx.due.refresh(survivorId, settings);
    const promise = await keepAppointment(tx, survivorId, standing, settings.timeZone, at);
    await tx.search.reindex(survivorId);
    await tx.search.reindex(fromId);
    const snapshot: Snapshot = { survivor, from, filled, moved, absorbed, contactPoints, tierLine, remarks, promise };
    const row = await tx.merges.insert({
      survivorId,
      fromId,
      userId: viewer.id,
      at,
      undoUntil: dayStart(now, settings.timeZone, 2).toISOString(),
      idempotencyKey: idempotencyKey ?? null,
      snapshot,
    });
    return { row, replayed: false };
  });
  return { ...(await mergeAnswer(store, viewer, written.row)), replayed: written.replayed };
}

async function mergeAnswer(store: Store, viewer: Viewer, m: MergeRecord) {
  const s = m.snapshot as Snapshot;
  const moved = Object.fromEntries(Object.entries(s.moved).map(([k, v]) => [k, v.length]));
  return {
    mergeId: m.id,
    survivorId: m.survivorId,
    fromId: m.fromId,
    at: m.at,
    undoUntil: m.undoUntil,
    undoneAt: m.undoneAt,
    filled: Object.keys(s.filled).filter((f) => !BOOKKEEPING.has(f)),
    moved,
    survivor: m.undoneAt ? null : await store.customers.detail(m.survivorId, viewer),
  };
}

/**
 * Puts every moved row back on the removed file (same ids), brings that file back exactly as it
 * was, and resets the survivor's filled fields unless someone has edited them since. Rows added
 * to the survivor after the merge stay where they are, but for a conversation with a person who
 * goes back: it goes with them.
 */
export async function undoMerge(store: Store, viewer: Viewer, mergeId: number, now: Date, settings: Settings) {
  return store.transaction(async (tx) => {
    const m = await tx.merges.byId(mergeId);
    // The removed file is no longer "visible" to a member (it is deleted): whoever made the merge,
    // the removed file's owner and managers may undo it.
    const from = m && (await tx.merges.ownerOf(m.fromId));
    const mayUndo = m && (m.userId === viewer.id || ownsOrManages(viewer, from?.owner ?? null));
    if (!m || !mayUndo) throw notFound('merge');
    if (m.undoneAt) throw new ApiError('conflict', `merge ${mergeId} was already undone at ${m.undoneAt}`);
    if (now.toISOString() > m.undoUntil)
      throw new ApiError('conflict', `merge ${mergeId} could be undone until ${m.undoUntil}`);
    // Held before the survivor is read: its fields are reset only if no one edited them since, and
    // an edit committed between that read and the reset must not be overwritten.
    await tx.customers.lock([m.survivorId, m.fromId]);
    // (Read whoever owns it: the removed file's owner may undo a merge into a file she can't see.)
    const survivor = await tx.customers.live(m.survivorId, SYSTEM);
    const s = m.snapshot as Snapshot;
    // People folded into a survivor's person come back as they were, with their own history.
    for (const a of s.absorbed ?? []) {
      await tx.merges.restorePerson(a.personId);
      await tx.merges.pointBack(a.interactions, a.intoId, a.personId);
      const into = await tx.merges.person(a.intoId);
      const back: Record<string, unknown> = {};
      for (const [f, v] of Object.entries(a.filled)) {
        if (into && isDeepStrictEqual(into[f as keyof PersonRecord], v.after)) back[f] = v.before;
      }
      if (Object.keys(back).length) await tx.merges.updatePerson(a.intoId, back);
    }
    // Only rows still on the survivor go back; one deleted since the merge simply isn't there.
    await tx.merges.moveBack(m.survivorId, m.fromId, s.moved);
    // The appointment it stood for stands again on the file brought back.
    if (s.promise !== undefined) await tx.commitments.remove(s.promise);
    // A joined remark goes back to the survivor's own, unless it was rewritten since.
    const remarksNow = new Map((await tx.contactSheet.remarksOf(m.survivorId)).map((r) => [r.month, r.text]));
    for (const r of s.remarks ?? []) {
      if (remarksNow.get(r.month) === r.after)
        await tx.contactSheet.saveRemark(m.survivorId, r.month, r.before, r.writtenAt);
    }
    const reset: Record<string, unknown> = {};
    for (const [f, v] of Object.entries(s.filled)) {
      if (isDeepStrictEqual(survivor[f as keyof CustomerRecord], v.after)) reset[f] = v.before;
    }
    if (survivor.updatedAt === m.at) reset.updatedAt = s.survivor.updatedAt;
    if (Object.keys(reset).length) await tx.merges.updateFile(m.survivorId, reset);
    const { id: _id, ...fromRow } = s.from;
    await tx.merges.updateFile(m.fromId, fromRow);
    await undoMergedPoints(tx, m.survivorId, s.contactPoints);
    if (s.tierLine) await tx.customers.removeTierChange(m.survivorId, s.tierLine);
    await tx.due.refresh(m.survivorId, settings);
    // The file brought back has its row as it was, but its history may have changed since (a
    // moved contact undone or edited on the survivor): its dues are counted from what it has now.
    await tx.due.refresh(m.fromId, settings);
    await tx.search.reindex(m.survivorId);
    await tx.search.reindex(m.fromId);
    await tx.merges.markUndone(mergeId, now.toISOString());
    return { mergeId, survivorId: m.survivorId, fromId: m.fromId, undoneAt: now.toISOString() };
  });
}
