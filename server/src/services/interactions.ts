import {
  CALL_KINDS,
  type Interaction,
  type InteractionCreate,
  type InteractionCreate as Schema,
  type Settings,
} from '@dossier/shared';
import type { z } from 'zod';
import { ApiError, notFound } from '../lib/errors.ts';
import type { InteractionRecord } from '../store/records.ts';
import { INTERACTION_OPERATION } from '../store/replays.ts';
import type { Store } from '../store/store.ts';
import { toInteraction } from './mappers.ts';
import { priorOf, raced, replayable, requestOf } from './replay.ts';
import type { Viewer } from './visibility.ts';

export type InteractionInput = z.output<typeof Schema>;

/** Clocks disagree by a little; a contact further ahead than this has not happened yet. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether a contact at `t` (ms) has not happened yet as of `now`, beyond clock skew. */
export const notYet = (t: number, now: Date): boolean => t > now.getTime() + CLOCK_SKEW_MS;

/** When a contact happened: as given, or now; never in the future (it would push every due date on). */
export function contactTime(at: string | undefined, now: Date): string {
  if (!at) return now.toISOString();
  const t = new Date(at);
  if (notYet(t.getTime(), now)) {
    throw new ApiError('invalid_request', `a contact cannot be logged in the future (at ${t.toISOString()})`, [
      { path: 'at', message: 'in the future' },
    ]);
  }
  return t.toISOString();
}

/**
 * The next contact fixed at this one: after it, or it would stand overdue the moment it is
 * logged. (Within the contact's minute is after it: the forms pick minutes, the clock has seconds.)
 */
function appointmentAfter(appointment: string | undefined, contact: string): string | null {
  if (!appointment) return null;
  const at = new Date(appointment).toISOString();
  if (Date.parse(at) < Math.floor(Date.parse(contact) / 60_000) * 60_000) {
    throw new ApiError('invalid_request', `the next contact fixed (${at}) is before this contact (${contact})`, [
      { path: 'appointment', message: 'before the contact' },
    ]);
  }
  return at;
}

/**
 * Logs an interaction and refreshes the customer's due fields in one transaction.
 * Idempotent on `idempotencyKey` by the one rule of services/replay.ts: an outbox retry gets the first result.
 */
export async function logInteraction(
  store: Store,
  input: InteractionInput,
  now: Date,
  settings: Settings,
  viewer: Viewer,
): Promise<{ interaction: Interaction; replayed: boolean }> {
  const at = now.toISOString();
  return store.transaction(async (tx) => {
    const replay = replayable(input.idempotencyKey, INTERACTION_OPERATION, input);
    const first = () => tx.interactions.byKey(input.idempotencyKey);
    const replayed = async (prior: InteractionRecord) => {
      // The same user's same request, but the file may have gone from them since.
      await tx.customers.live(prior.customerId, viewer, true);
      return { interaction: toInteraction(prior), replayed: true };
    };
    // The record of the key is the row itself (requestOf below): nothing to record beforehand.
    const prior = await priorOf(tx, replay, viewer, first);
    if (prior) return replayed(prior);
    // The visibility rule of customers.live, as a prepared point lookup: a file the viewer can't see is not found.
    if (!(await tx.interactions.customerVisible(input.customerId, viewer))) throw notFound('customer');
    if (input.personId !== undefined && !(await tx.interactions.personOf(input.personId, input.customerId))) {
      throw new ApiError('invalid_request', 'person does not belong to this customer', [{ path: 'personId' }]);
    }
    const when = contactTime(input.at, now);
    const row = await tx.interactions.insert({
      customerId: input.customerId,
      kind: input.kind,
      at: when,
      personId: input.personId ?? null,
      summary: input.summary ?? null,
      outcome: input.outcome ?? null,
      intention: input.intention ?? null,
      appointment: appointmentAfter(input.appointment, when),
      meetsAppointment: input.meetsAppointment ?? false,
      sourceUrl: input.sourceUrl ?? null,
      visit: input.visit ?? null,
      idempotencyKey: input.idempotencyKey,
      ...requestOf(replay, viewer),
      createdAt: at,
    });
    // Taken by the same key's request committed while this one waited (engines with writers side by side).
    if (!row) return replayed(await raced(tx, replay, viewer, first));
    // A conversation moves a prospect on (statusAfterContact); an e-mail or a note does not.
    const spoken = (CALL_KINDS as readonly string[]).includes(input.kind);
    await tx.due.refresh(input.customerId, settings, spoken ? 'spoken' : undefined);
    return { interaction: toInteraction(row), replayed: false };
  });
}

/** Undo: the row is kept (marked deleted) so nothing logged is ever truly lost. */
export async function undoInteraction(
  store: Store,
  id: number,
  now: Date,
  settings: Settings,
  viewer: Viewer,
): Promise<Interaction> {
  return store.transaction(async (tx) => {
    const row = await tx.interactions.live(id);
    if (!row) throw notFound('interaction');
    await tx.customers.live(row.customerId, viewer);
    await tx.interactions.markDeleted(id, now.toISOString());
    await tx.due.refresh(row.customerId, settings, 'undone');
    return toInteraction(row);
  });
}

export type { InteractionCreate };

/**
 * Cancels the appointment that stands for a customer (it was called off, not met). The
 * interaction that fixed it keeps its record; only the cancellation time is added.
 */
export async function cancelAppointment(
  store: Store,
  customerId: number,
  now: Date,
  settings: Settings,
  viewer: Viewer,
): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.customers.live(customerId, viewer);
    const standing = await tx.due.standing(customerId, settings.timeZone);
    if (!standing) throw notFound('appointment');
    await tx.interactions.cancelAppointment(standing.id, now.toISOString());
    await tx.due.refresh(customerId, settings);
  });
}
