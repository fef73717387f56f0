import {
  type CustomerCreate,
  type CustomerDetail,
  type CustomerUpdate,
  emailMatchKey,
  formerNamesOf,
  type KeyInput,
  keyValue,
  type Settings,
  sameCompanyName,
  siteKey,
} from '@dossier/shared';
import type { z } from 'zod';
import { ApiError } from '../lib/errors.ts';
import type { CustomerChanges, CustomerFields } from '../store/customers.ts';
import type { CustomerRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { BY_HAND, type Origin, recording, settle } from './contact-points.ts';
import { mobilesOf, refuseDuplicate } from './duplicates.ts';
import { lossLine, reopened, reopenedLine, reopenedStatus } from './loss.ts';
import { replayable, replayOf } from './replay.ts';
import { isSystem, ownsOrManages, SYSTEM, type Viewer } from './visibility.ts';

/** Canonical form of a key, or a 400 naming the bad one (e.g. a credit code with a wrong check character). */
export function canonicalKey(k: KeyInput): KeyInput {
  const value = keyValue(k.kind, k.value);
  if (!value)
    throw new ApiError('invalid_request', `not a valid ${k.kind}: ${k.value}`, [
      { path: 'keys', kind: k.kind, value: k.value },
    ]);
  return { kind: k.kind, value };
}

/** Keys implied by the file itself: the website's site key, company (non-free) e-mail domains. */
function impliedKeys(website: string | null | undefined, emails: readonly string[]): KeyInput[] {
  const out: KeyInput[] = [];
  const domain = website ? siteKey(website) : null;
  if (domain) out.push({ kind: 'domain', value: domain });
  for (const e of emails) {
    const k = emailMatchKey(e);
    if (k?.kind === 'email_domain' && k.value !== domain) out.push(k);
  }
  return out;
}

const lostWithoutReason = () =>
  new ApiError('invalid_request', 'say why the customer was lost', [{ path: 'lostReasonCode' }]);

/**
 * The fields of a new file as the viewer may create it: a lost one says why; a member's new
 * files are their own, a manager may assign them to anyone (their own when they name nobody).
 */
function newFileFields(fields: CustomerFields, viewer: Viewer): CustomerFields {
  // Seed 003: a lost customer is recorded with why and when, so losses can be analysed.
  if (fields.status === 'lost' && !fields.lostReasonCode) throw lostWithoutReason();
  if (viewer.role !== 'manager') return { ...fields, owner: viewer.name };
  if (fields.owner === undefined && !isSystem(viewer)) return { ...fields, owner: viewer.name };
  return fields;
}

/** Only a manager reassigns files. */
function checkMayEdit(patch: CustomerUpdate, viewer: Viewer): void {
  if (patch.owner !== undefined && viewer.role !== 'manager') {
    throw new ApiError('forbidden', 'only a manager reassigns customers');
  }
}

/**
 * The patch as written: a file becoming lost says why and records when; one leaving lost is
 * brought back (`reopened`), whether by the reopen action or by its status edited.
 */
function changesOf(edit: CustomerUpdate, before: CustomerRecord, at: string): CustomerChanges {
  const formerNames = formerNamesAfter(edit, before);
  const named = formerNames ? { ...edit, formerNames } : edit;
  const patch = { ...named, ...datesOfEdit(edit, before, at) };
  if (patch.status === 'lost' && before.status !== 'lost') {
    if (!(patch.lostReasonCode ?? before.lostReasonCode)) throw lostWithoutReason();
    return { ...patch, lostAt: at };
  }
  if (patch.status && patch.status !== 'lost' && before.status === 'lost') return { ...patch, ...reopened(at) };
  return patch;
}

/**
 * What a status or stage edit records besides itself. A status the user sets is theirs: undoing a
 * call no longer takes it back (statusByContact). Signing and winning land are dated, so a month's
 * reclassification credits them to the month they happened, not to the file's latest edit; a
 * signing taken back (to prospect or active) is no signing at all, a loss keeps its date.
 */
function datesOfEdit(edit: CustomerUpdate, before: CustomerRecord, at: string): CustomerChanges {
  const out: CustomerChanges = {};
  if (edit.status && edit.status !== before.status) {
    out.statusByContact = false;
    if (edit.status === 'signed') out.signedAt = at;
    else if (before.status === 'signed' && edit.status !== 'lost') out.signedAt = null;
  }
  if (edit.stage === 'land_won' && before.stage !== 'land_won') out.landWonAt = at;
  return out;
}

/**
 * The former names (曾用名) after an edit, latest first: a new name keeps the one it replaces
 * (not a change of width, case or spacing), a name taken back leaves them, a list given replaces
 * the kept one; each once, the oldest dropped beyond the limit.
 */
function formerNamesAfter(patch: CustomerUpdate, before: CustomerRecord): string[] | undefined {
  const renamed = patch.name !== undefined && !sameCompanyName(patch.name, before.name);
  if (!renamed && patch.formerNames === undefined) return undefined;
  const names = [...(renamed ? [before.name] : []), ...(patch.formerNames ?? before.formerNames)];
  return formerNamesOf(patch.name ?? before.name, names);
}

/** The owner error of a name that is no active user of this server — none, or one who has left (a file would belong to nobody). */
const noSuchOwner = (owner: string) =>
  new ApiError('invalid_request', `no active user named ${owner}`, [{ path: 'owner', value: owner }]);

/**
 * A file's owner must be a user of this server who has not left (revoked); otherwise it would
 * belong to nobody and drop off every board.
 */
async function checkOwner(store: Store, owner: string | null | undefined): Promise<void> {
  if (owner == null) return;
  const user = await store.team.byName(owner);
  if (!user || user.revokedAt) throw noSuchOwner(owner);
}

export async function createCustomer(
  store: Store,
  input: z.output<typeof CustomerCreate>,
  now: Date,
  settings: Settings,
  viewer: Viewer = SYSTEM,
  origin: Origin = BY_HAND,
): Promise<{ customer: CustomerDetail; replayed: boolean }> {
  const replay = input.idempotencyKey ? replayable(input.idempotencyKey, 'customer', input) : null;
  const at = now.toISOString();
  const { keys, people: persons, idempotencyKey, allowDuplicate, ...given } = input;
  const fields = newFileFields(given, viewer);
  const written = await store.transaction(async (tx) => {
    if (replay) {
      const prior = await replayOf(tx, replay, viewer, at, () => tx.customers.byKey(replay.key));
      if (prior !== undefined) return { id: prior, replayed: true };
    }
    if (!isSystem(viewer)) await checkOwner(tx, fields.owner);
    const implied = impliedKeys(fields.website, fields.emails);
    // A second file for a company already on file is refused unless asked for: the caller
    // offers to open or add to the existing one.
    if (!allowDuplicate) await refuseDuplicate(tx, [...keys, ...implied].map(canonicalKey), mobilesOf(input), viewer);
    const id = await tx.customers.insertRow(fields, at, idempotencyKey ?? null);
    const onConflict = allowDuplicate ? 'skip' : 'fail';
    await tx.customers.addKeys(id, keys, at, onConflict, viewer);
    await tx.customers.addKeys(id, implied, at, onConflict, viewer);
    for (const p of persons) await tx.people.insert(id, p, at);
    await settle(tx, id, new Set(), origin, at);
    await tx.due.refresh(id, settings);
    await tx.search.reindex(id);
    return { id, replayed: false };
  });
  return { customer: await store.customers.detail(written.id, viewer), replayed: written.replayed };
}

export async function updateCustomer(
  store: Store,
  id: number,
  patch: CustomerUpdate,
  now: Date,
  settings: Settings,
  viewer: Viewer,
  reason?: string,
): Promise<CustomerDetail> {
  const at = now.toISOString();
  checkMayEdit(patch, viewer);
  await store.transaction(async (tx) => {
    // Held before it is read: the tier history, the lost date and the implied keys follow from
    // `before`, which a concurrent edit must not change under them (see CustomerStore.lock).
    await tx.customers.lock([id]);
    const before = await tx.customers.live(id, viewer);
    if (patch.owner !== undefined) await checkOwner(tx, patch.owner);
    const changes = changesOf(patch, before, at);
    await recording(tx, id, BY_HAND, at, () => tx.customers.update(id, changes, at));
    // Its open promises and its standing appointment go with a lost file, so winning it back (or
    // merging it into a live file) does not bring them back overdue.
    if (changes.lostAt) {
      await tx.commitments.withdrawOpen(id, at, lossLine({ ...before, ...changes }));
      const standing = await tx.due.standing(id, settings.timeZone);
      if (standing) await tx.interactions.cancelAppointment(standing.id, at);
    }
    if (changes.reopenedAt) {
      await tx.customers.addTierChange(id, reopenedLine(before, settings.timeZone, patch.tier), at);
    } else if (patch.tier && patch.tier !== before.tier) {
      await tx.customers.addTierChange(
        id,
        { fromTier: before.tier, toTier: patch.tier, reason: reason ?? 'edited' },
        at,
      );
    }
    if (patch.website !== undefined || patch.emails !== undefined) {
      const implied = impliedKeys(patch.website ?? before.website, patch.emails ?? before.emails);
      await tx.customers.addKeys(id, implied, at, 'skip');
    }
    await tx.due.refresh(id, settings);
    await tx.search.reindex(id);
  });
  return store.customers.detail(id, viewer);
}

export async function softDeleteCustomer(store: Store, id: number, now: Date, viewer: Viewer): Promise<void> {
  await store.transaction(async (tx) => {
    const file = await tx.customers.live(id, viewer);
    if (!ownsOrManages(viewer, file.owner))
      throw new ApiError('forbidden', 'only the owner or a manager removes a file');
    await tx.customers.markDeleted(id, now.toISOString());
    // Keys are released so the domain can be captured again into a new file.
    await tx.customers.dropKeys(id);
    await tx.search.reindex(id);
  });
}

/**
 * Brings a lost customer back (one action): active again (a prospect if it was never contacted),
 * its cadence counted from today, the loss kept in the tier history.
 */
export async function reopenCustomer(
  store: Store,
  id: number,
  now: Date,
  settings: Settings,
  viewer: Viewer,
): Promise<CustomerDetail> {
  const at = now.toISOString();
  await store.transaction(async (tx) => {
    await tx.customers.lock([id]);
    const before = await tx.customers.live(id, viewer);
    if (before.status !== 'lost')
      throw new ApiError('conflict', 'this customer is not lost', { status: before.status });
    await tx.customers.update(id, { status: reopenedStatus(before), ...reopened(at) }, at);
    await tx.customers.addTierChange(id, reopenedLine(before, settings.timeZone), at);
    await tx.due.refresh(id, settings);
    await tx.search.reindex(id);
  });
  return store.customers.detail(id, viewer);
}

/** The file with its keys and people (a 404 unless it is live and the viewer may see it). */
export async function customerDetail(store: Store, id: number, viewer: Viewer): Promise<CustomerDetail> {
  return store.customers.detail(id, viewer);
}
