import {
  type ContactPoint,
  type ContactPointField,
  type ContactPointKind,
  type ContactPointSource,
  type ContactPoints,
  phoneDigits,
  phoneSearchDigits,
  type Settings,
} from '@dossier/shared';
import { ApiError } from '../lib/errors.ts';
import type { ContactPointRecord, FileValues, LastContact, NewContactPoint } from '../store/contact-points.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

// Seed 002: data goes stale. Every service that writes a file's phones or e-mails reads the
// values before its write and settles the records after it, in the same transaction: values it
// brought get its origin, values it removed lose their record (so one added again later is new),
// values already there keep theirs. A value on file with no record came before records were
// kept: it is shown with an unknown source, aged from its holder's creation.

/** What wrote a value: its source and, for a capture the page (no query or fragment), for an import the file name. */
export interface Origin {
  source: Exclude<ContactPointSource, 'unknown'>;
  detail?: string | null;
}
export const BY_HAND: Origin = { source: 'hand' };

/** How values compare: a phone by the digits search looks for (shared/phones), an e-mail in lower case. */
export function valueKey(kind: ContactPointKind, value: string): string {
  const v = value.trim();
  return kind === 'phone' ? (phoneSearchDigits(v) ?? phoneDigits(v)) : v.toLowerCase();
}

interface Held {
  slot: string;
  kind: ContactPointKind;
  key: string;
  value: string;
  personId: number | null;
  field: ContactPointField;
  holderCreatedAt: string;
}

const slotOf = (kind: ContactPointKind, key: string) => `${kind}:${key}`;

/** Every phone and e-mail the file holds, once per holder and field. */
function heldValues(v: FileValues | undefined): Held[] {
  if (!v) return [];
  const out: Held[] = [];
  const add = (
    kind: ContactPointKind,
    value: string | null,
    personId: number | null,
    field: ContactPointField,
    at: string,
  ) => {
    const key = value ? valueKey(kind, value) : '';
    if (value && key) out.push({ slot: slotOf(kind, key), kind, key, value, personId, field, holderCreatedAt: at });
  };
  for (const p of v.phones) add('phone', p, null, 'phones', v.createdAt);
  for (const e of v.emails) add('email', e, null, 'emails', v.createdAt);
  for (const p of v.people) {
    add('phone', p.mobile, p.id, 'mobile', p.createdAt);
    add('phone', p.directLine, p.id, 'directLine', p.createdAt);
    add('email', p.email, p.id, 'email', p.createdAt);
  }
  return out;
}

const bySlot = (records: ContactPointRecord[]) => new Map(records.map((r) => [slotOf(r.kind, r.valueKey), r]));

/** When the earliest holder of each value was filed: the age of a value with no record. */
function firstHeld(held: Held[]): Map<string, Held> {
  const out = new Map<string, Held>();
  for (const h of held) {
    const seen = out.get(h.slot);
    if (!seen || h.holderCreatedAt < seen.holderCreatedAt) out.set(h.slot, h);
  }
  return out;
}

/** The values a file holds now (read before a write: what was already there). */
export async function valuesNow(tx: Store, customerId: number): Promise<Set<string>> {
  return new Set(heldValues(await tx.contactPoints.valuesOf(customerId)).map((h) => h.slot));
}

/** After a write to a file: records what it brought with its origin and forgets what it removed (with no `before`, only that). */
export async function settle(
  tx: Store,
  customerId: number,
  before: ReadonlySet<string> | null,
  origin: Origin,
  at: string,
): Promise<void> {
  const now = firstHeld(heldValues(await tx.contactPoints.valuesOf(customerId)));
  const records = await tx.contactPoints.of(customerId);
  const recorded = bySlot(records);
  await tx.contactPoints.remove(records.filter((r) => !now.has(slotOf(r.kind, r.valueKey))).map((r) => r.id));
  // Without a before-image nothing is new: only what left is forgotten.
  if (!before) return;
  const fresh: NewContactPoint[] = [];
  for (const [slot, h] of now) {
    if (before.has(slot) || recorded.has(slot)) continue;
    fresh.push({
      customerId,
      kind: h.kind,
      valueKey: h.key,
      source: origin.source,
      sourceDetail: origin.detail ?? null,
      seenAt: at,
    });
  }
  await tx.contactPoints.insert(fresh);
}

/** Runs one write to a file and settles the file's records after it. */
export async function recording<T>(
  tx: Store,
  customerId: number,
  origin: Origin,
  at: string,
  write: () => Promise<T>,
): Promise<T> {
  const before = await valuesNow(tx, customerId);
  const out = await write();
  await settle(tx, customerId, before, origin, at);
  return out;
}

/** Marks these values confirmed at `at` (a later confirmation already there stays). */
async function confirm(tx: Store, customerId: number, held: Held[], all: Held[], at: string): Promise<void> {
  const recorded = bySlot(await tx.contactPoints.of(customerId));
  // A value with no record is aged from the first of all its holders, as the list shows it.
  const first = firstHeld(all);
  const fresh: NewContactPoint[] = [];
  for (const slot of new Set(held.map((h) => h.slot))) {
    const h = first.get(slot) as Held;
    const r = recorded.get(slot);
    if (r) {
      if (!r.confirmedAt || r.confirmedAt <= at)
        await tx.contactPoints.update(r.id, { confirmedAt: at, confirmedBy: 'click' });
      continue;
    }
    // A value from before records were kept: its source stays unknown, its age its holder's.
    fresh.push({
      customerId,
      kind: h.kind,
      valueKey: h.key,
      source: 'unknown',
      sourceDetail: null,
      seenAt: h.holderCreatedAt,
      confirmedAt: at,
      confirmedBy: 'click',
    });
  }
  await tx.contactPoints.insert(fresh);
}

/**
 * The contact that last confirmed a value, read from the file's contacts (never written on a log,
 * so an undone or merged contact says what it now says): a call or visit with a person confirms
 * their phones, an e-mail with them their address; with nobody named, a call confirms the file's
 * own phones and an e-mail its own addresses.
 */
function lastContactFor(h: Held, contacts: LastContact[]): LastContact | undefined {
  const kinds: LastContact['kind'][] =
    h.kind === 'email' ? ['email'] : h.personId === null ? ['call'] : ['call', 'visit'];
  let last: LastContact | undefined;
  for (const c of contacts)
    if (c.personId === h.personId && kinds.includes(c.kind) && (!last || c.at > last.at)) last = c;
  return last;
}

/**
 * The cut-off of the setting: values last seen or confirmed before it are to be verified. The
 * same day `months` back, or that month's last day when it is shorter (31 August less six months
 * is 28 February, not 3 March).
 */
export function verifyCutoff(now: Date, months: number): string {
  const d = new Date(now);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString();
}

function viewsOf(
  held: Held[],
  records: ContactPointRecord[],
  contacts: LastContact[],
  cutoff: string,
  now: string,
): ContactPoint[] {
  const recorded = bySlot(records);
  const first = firstHeld(held);
  return held.map((h) => {
    const r = recorded.get(h.slot);
    const seenAt = r?.seenAt ?? (first.get(h.slot) as Held).holderCreatedAt;
    const contact = lastContactFor(h, contacts);
    // A contact's time may run a little ahead of ours (a phone's clock): it confirms from then on.
    const byContact = contact && contact.at <= now ? contact : undefined;
    const byRecord = r?.confirmedAt ? { at: r.confirmedAt, by: r.confirmedBy } : undefined;
    const confirmation =
      byContact && (!byRecord || byContact.at > byRecord.at) ? { at: byContact.at, by: byContact.kind } : byRecord;
    const confirmedAt = confirmation?.at ?? null;
    const since = confirmedAt && confirmedAt > seenAt ? confirmedAt : seenAt;
    return {
      kind: h.kind,
      value: h.value,
      personId: h.personId,
      field: h.field,
      source: r?.source ?? 'unknown',
      sourceDetail: r?.sourceDetail ?? null,
      seenAt,
      confirmedAt,
      confirmedBy: confirmation?.by ?? null,
      since,
      verify: since < cutoff,
    };
  });
}

/** Each phone and e-mail of a file with its source, age and whether to verify it before calling. */
export async function contactPointList(
  store: Store,
  customerId: number,
  settings: Settings,
  now: Date,
): Promise<ContactPoints> {
  const values = await store.contactPoints.valuesOf(customerId);
  const records = values ? await store.contactPoints.of(customerId) : [];
  const contacts = values ? await store.contactPoints.lastContacts(customerId) : [];
  return contactPointsOf(values, records, contacts, settings, now);
}

/** The same from what the caller already read of the file (the sidebar's card reads it all at once). */
export function contactPointsOf(
  values: FileValues | undefined,
  records: ContactPointRecord[],
  contacts: LastContact[],
  settings: Settings,
  now: Date,
): ContactPoints {
  const cutoff = verifyCutoff(now, settings.verifyAfterMonths);
  return {
    verifyAfterMonths: settings.verifyAfterMonths,
    contactPoints: viewsOf(heldValues(values), records, contacts, cutoff, now.toISOString()),
  };
}

/** "Still right": one click confirms a value the file (or the named person) holds. Doing it twice does no harm. */
export async function confirmContactPoint(
  store: Store,
  customerId: number,
  input: { kind: ContactPointKind; value: string; personId?: number | undefined },
  now: Date,
  settings: Settings,
  viewer: Viewer,
): Promise<ContactPoints> {
  const key = valueKey(input.kind, input.value);
  await store.transaction(async (tx) => {
    // Again inside the write: the file may have been removed since the request was let in.
    await tx.customers.live(customerId, viewer);
    const all = heldValues(await tx.contactPoints.valuesOf(customerId));
    const held = all.filter(
      (h) => h.kind === input.kind && h.key === key && (input.personId === undefined || h.personId === input.personId),
    );
    if (!key || !held.length) {
      throw new ApiError('invalid_request', `this ${input.kind} is not on the file`, [
        {
          path: 'value',
          code: 'not_on_file',
          value: input.value,
          ...(input.personId ? { personId: input.personId } : {}),
        },
      ]);
    }
    await confirm(tx, customerId, held, all, now.toISOString());
  });
  return contactPointList(store, customerId, settings, now);
}

/** What a merge did to the survivor's records, so undo can put them back. */
export interface MergedPoints {
  /** Records the merge added to the survivor. */
  added: number[];
  /**
   * Those of them for values the survivor did not hold before: one the survivor still holds after
   * the undo (its field was edited since, so the undo left it) keeps its record. Absent in merges
   * made before it was kept: their added records all go, as they did.
   */
  brought?: number[];
  /** Records of the survivor the merge changed, with what they were. */
  changed: { id: number; before: Partial<ContactPointRecord>; after: Partial<ContactPointRecord> }[];
}

type Facts = Pick<ContactPointRecord, 'source' | 'sourceDetail' | 'seenAt' | 'confirmedAt' | 'confirmedBy'>;
const factsOf = (r: ContactPointRecord): Facts => ({
  source: r.source,
  sourceDetail: r.sourceDetail,
  seenAt: r.seenAt,
  confirmedAt: r.confirmedAt,
  confirmedBy: r.confirmedBy,
});
const unknownSince = (seenAt: string): Facts => ({
  source: 'unknown',
  sourceDetail: null,
  seenAt,
  confirmedAt: null,
  confirmedBy: null,
});

/** Two records of one value: the earliest sighting (with its source), the latest confirmation. */
function combine(a: Facts, b: Facts): Facts {
  const seen = b.seenAt < a.seenAt ? b : a;
  const confirmed = (b.confirmedAt ?? '') > (a.confirmedAt ?? '') ? b : a;
  return {
    source: seen.source,
    sourceDetail: seen.sourceDetail,
    seenAt: seen.seenAt,
    confirmedAt: confirmed.confirmedAt,
    confirmedBy: confirmed.confirmedBy,
  };
}

/** Read before a merge writes: both files' values and records. */
export async function beforeMerge(tx: Store, survivorId: number, fromId: number) {
  const read = async (id: number) => ({
    held: firstHeld(heldValues(await tx.contactPoints.valuesOf(id))),
    records: bySlot(await tx.contactPoints.of(id)),
  });
  return { survivor: await read(survivorId), from: await read(fromId) };
}

/**
 * After a merge wrote: each value the survivor received keeps its record from the removed file
 * (the earliest sighting, the latest confirmation when both files had it). The removed file's
 * own records stay with it, for undo.
 */
export async function afterMerge(
  tx: Store,
  survivorId: number,
  before: Awaited<ReturnType<typeof beforeMerge>>,
): Promise<MergedPoints> {
  const now = firstHeld(heldValues(await tx.contactPoints.valuesOf(survivorId)));
  const out: MergedPoints = { added: [], changed: [] };
  const fresh: NewContactPoint[] = [];
  for (const [slot, h] of now) {
    const fromHeld = before.from.held.get(slot);
    if (!fromHeld) continue;
    const fromRec = before.from.records.get(slot);
    const own = before.survivor.records.get(slot);
    const ownHeld = before.survivor.held.get(slot);
    if (!fromRec && !own && ownHeld) continue; // neither file knows where it came from: stays unrecorded
    const theirs = fromRec ? factsOf(fromRec) : unknownSince(fromHeld.holderCreatedAt);
    const mine = own ? factsOf(own) : ownHeld ? unknownSince(ownHeld.holderCreatedAt) : null;
    const facts = mine ? combine(mine, theirs) : theirs;
    if (own) {
      const was = factsOf(own);
      const changed = Object.keys(facts).filter(
        (k) => facts[k as keyof Facts] !== was[k as keyof Facts],
      ) as (keyof Facts)[];
      if (!changed.length) continue;
      await tx.contactPoints.update(own.id, facts);
      out.changed.push({ id: own.id, before: was, after: facts });
    } else fresh.push({ customerId: survivorId, kind: h.kind, valueKey: h.key, ...facts });
  }
  if (fresh.length) {
    await tx.contactPoints.insert(fresh);
    const added = new Set(fresh.map((f) => slotOf(f.kind, f.valueKey)));
    out.brought = [];
    for (const r of await tx.contactPoints.of(survivorId)) {
      const slot = slotOf(r.kind, r.valueKey);
      if (!added.has(slot)) continue;
      out.added.push(r.id);
      if (!before.survivor.held.has(slot)) out.brought.push(r.id);
    }
  }
  return out;
}

/**
 * Undo of a merge: the records it added go (but for a value it brought that the survivor still
 * holds), those it changed are put back (a confirmation made since is kept), and records of values
 * no longer on the survivor go.
 */
export async function undoMergedPoints(tx: Store, survivorId: number, merged: MergedPoints | undefined): Promise<void> {
  if (merged) {
    const held = new Set(heldValues(await tx.contactPoints.valuesOf(survivorId)).map((h) => h.slot));
    const brought = new Set(merged.brought ?? []);
    // Read once: the records removed here are added ones, never the changed ones put back below.
    const records = new Map((await tx.contactPoints.of(survivorId)).map((r) => [r.id, r]));
    const stays = (id: number) => {
      const r = records.get(id);
      return r !== undefined && brought.has(id) && held.has(slotOf(r.kind, r.valueKey));
    };
    await tx.contactPoints.remove(merged.added.filter((id) => !stays(id)));
    for (const c of merged.changed) {
      const r = records.get(c.id);
      if (!r) continue;
      const confirmedSince = (r.confirmedAt ?? '') > ((c.after.confirmedAt as string | null) ?? '');
      await tx.contactPoints.update(
        c.id,
        confirmedSince ? { ...c.before, confirmedAt: r.confirmedAt, confirmedBy: r.confirmedBy } : c.before,
      );
    }
  }
  await settle(tx, survivorId, null, BY_HAND, '');
}
