import type { Interaction, InteractionCreate, InteractionCreate as Schema, Settings } from '@dossier/shared';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, preparedOn } from '../db/client.ts';
import { customers, interactions, people } from '../db/schema.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { liveCustomer } from './customers.ts';
import { refreshDue, standingAppointment } from './due.ts';
import { toInteraction } from './mappers.ts';
import { replayable, replayOf } from './replay.ts';
import { type Viewer, visibleToAnyMember } from './visibility.ts';

export type InteractionInput = z.output<typeof Schema>;

/** Clocks disagree by a little; a contact further ahead than this has not happened yet. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** When a contact happened: as given, or now; never in the future (it would push every due date on). */
export function contactTime(at: string | undefined, now: Date): string {
  if (!at) return now.toISOString();
  const t = new Date(at);
  if (t.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ApiError('invalid_request', `a contact cannot be logged in the future (at ${t.toISOString()})`, [
      { path: 'at', message: 'in the future' },
    ]);
  }
  return t.toISOString();
}

const $ = sql.placeholder;

/**
 * Logging a call is the commonest write: its statements are built and prepared once per
 * database, not on every call (measured: building and preparing took most of a logged call).
 */
function build(db: Db) {
  const live = and(eq(customers.id, $('customerId')), isNull(customers.deletedAt));
  return {
    prior: db
      .select()
      .from(interactions)
      .where(eq(interactions.idempotencyKey, $('key')))
      .prepare(),
    liveForManager: db.select({ id: customers.id }).from(customers).where(live).prepare(),
    liveForMember: db.select({ id: customers.id }).from(customers).where(and(live, visibleToAnyMember())).prepare(),
    person: db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.id, $('personId')), eq(people.customerId, $('customerId')), isNull(people.deletedAt)))
      .prepare(),
    insert: db
      .insert(interactions)
      .values({
        customerId: $('customerId'),
        kind: $('kind'),
        at: $('at'),
        personId: $('personId'),
        summary: $('summary'),
        outcome: $('outcome'),
        intention: $('intention'),
        appointment: $('appointment'),
        meetsAppointment: $('meetsAppointment'),
        sourceUrl: $('sourceUrl'),
        visit: $('visit'),
        idempotencyKey: $('idempotencyKey'),
        createdAt: $('createdAt'),
      })
      .returning()
      .prepare(),
  };
}
const prepared = preparedOn(build);

/**
 * Logs an interaction and refreshes the customer's due fields in one transaction.
 * Idempotent on `idempotencyKey` by the one rule of services/replay.ts: an outbox retry gets the first result.
 */
export function logInteraction(
  db: Db,
  input: InteractionInput,
  now: Date,
  settings: Settings,
  viewer: Viewer,
): { interaction: Interaction; replayed: boolean } {
  const s = prepared(db);
  // The same customer-visibility rule as liveCustomer, prepared: a file the viewer can't see is not found.
  const assertLive = (customerId: number) => {
    const found =
      viewer.role === 'manager'
        ? s.liveForManager.get({ customerId })
        : s.liveForMember.get({ customerId, viewerName: viewer.name, viewerId: viewer.id });
    if (!found) throw notFound('customer');
  };
  return db.transaction(() => {
    const replay = replayable(input.idempotencyKey, 'interaction', input);
    const prior = replayOf(db, replay, viewer, now.toISOString(), () => s.prior.get({ key: input.idempotencyKey }));
    if (prior) {
      // The same user's same request, but the file may have gone from them since.
      liveCustomer(db, prior.customerId, viewer, true);
      return { interaction: toInteraction(prior), replayed: true };
    }
    assertLive(input.customerId);
    if (input.personId !== undefined && !s.person.get({ personId: input.personId, customerId: input.customerId })) {
      throw new ApiError('invalid_request', 'person does not belong to this customer', [{ path: 'personId' }]);
    }
    const row = s.insert.get({
      customerId: input.customerId,
      kind: input.kind,
      at: contactTime(input.at, now),
      personId: input.personId ?? null,
      summary: input.summary ?? null,
      outcome: input.outcome ?? null,
      intention: input.intention ?? null,
      appointment: input.appointment ? new Date(input.appointment).toISOString() : null,
      meetsAppointment: input.meetsAppointment ? 1 : 0,
      sourceUrl: input.sourceUrl ?? null,
      visit: input.visit ?? null,
      idempotencyKey: input.idempotencyKey,
      createdAt: now.toISOString(),
    });
    if (!row) throw new Error('the interaction was not written');
    refreshDue(db, input.customerId, settings);
    return { interaction: toInteraction(row), replayed: false };
  });
}

/** Undo: the row is kept (marked deleted) so nothing logged is ever truly lost. */
export function undoInteraction(db: Db, id: number, now: Date, settings: Settings, viewer: Viewer): Interaction {
  return db.transaction((tx) => {
    const row = tx
      .select()
      .from(interactions)
      .where(and(eq(interactions.id, id), isNull(interactions.deletedAt)))
      .get();
    if (!row) throw notFound('interaction');
    liveCustomer(tx, row.customerId, viewer);
    tx.update(interactions).set({ deletedAt: now.toISOString() }).where(eq(interactions.id, id)).run();
    refreshDue(tx, row.customerId, settings);
    return toInteraction(row);
  });
}

export type { InteractionCreate };

/**
 * Cancels the appointment that stands for a customer (it was called off, not met). The
 * interaction that fixed it keeps its record; only the cancellation time is added.
 */
export function cancelAppointment(db: Db, customerId: number, now: Date, settings: Settings, viewer: Viewer): void {
  db.transaction((tx) => {
    liveCustomer(tx, customerId, viewer);
    const standing = standingAppointment(tx, customerId, settings.timeZone);
    if (!standing) throw notFound('appointment');
    tx.update(interactions)
      .set({ appointmentCancelledAt: now.toISOString() })
      .where(eq(interactions.id, standing.id))
      .run();
    refreshDue(tx, customerId, settings);
  });
}
