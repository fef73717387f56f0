/**
 * The synchronous code paths as they were before the database seam (commit d498997), kept
 * here only as the baseline the benchmarks compare the async services with: the same work on
 * the same connection, called directly instead of through the Store's promises.
 */
import { type ContextAnswer, type ContextQuery, registrableDomain, type Settings } from '@dossier/shared';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Db, preparedOn } from '../src/db/client.ts';
import { contactPoints, customerKeys, customers, interactions, people } from '../src/db/schema.ts';
import { dueOf } from '../src/services/badge.ts';
import { contactPointsOf } from '../src/services/contact-points.ts';
import type { InteractionInput } from '../src/services/interactions.ts';
import { toCustomer, toInteraction, toPerson } from '../src/services/mappers.ts';
import { judgeReplay, replayable } from '../src/services/replay.ts';
import { SYSTEM } from '../src/services/visibility.ts';
import type { LastContact } from '../src/store/contact-points.ts';
import { LAST_CONTACTS_SQL } from '../src/store/sqlite/contact-points.ts';
import { refreshDue } from '../src/store/sqlite/due.ts';
import { interactionStatements } from '../src/store/sqlite/interactions.ts';

const statements = preparedOn((db) => {
  const id = sql.placeholder('id');
  return {
    key: db
      .select({ customerId: customerKeys.customerId, kind: customerKeys.kind })
      .from(customerKeys)
      .where(
        and(sql`${customerKeys.kind} in ('domain', 'email_domain')`, eq(customerKeys.value, sql.placeholder('value'))),
      )
      .prepare(),
    customer: db
      .select()
      .from(customers)
      .where(and(eq(customers.id, id), isNull(customers.deletedAt)))
      .prepare(),
    lastInteractions: db
      .select()
      .from(interactions)
      .where(and(eq(interactions.customerId, id), isNull(interactions.deletedAt)))
      .orderBy(desc(interactions.at), desc(interactions.id))
      .limit(3)
      .prepare(),
    people: db
      .select()
      .from(people)
      .where(and(eq(people.customerId, id), isNull(people.deletedAt)))
      .prepare(),
    // Not there before the seam: read here too, so both paths answer the same card.
    points: db.select().from(contactPoints).where(eq(contactPoints.customerId, id)).orderBy(contactPoints.id).prepare(),
    lastContacts: db.$client.prepare<[number], LastContact>(LAST_CONTACTS_SQL),
  };
});

/** The card of a URL for a manager, as findContext answered it synchronously before the seam. */
export function findContextSync(db: Db, q: ContextQuery, now: Date, settings: Settings): ContextAnswer | null {
  const s = statements(db);
  const domain = q.url ? registrableDomain(q.url) : null;
  const m = domain ? s.key.get({ value: domain }) : undefined;
  const row = m ? s.customer.get({ id: m.customerId }) : undefined;
  if (!m || !row || !domain) return null;
  const ppl = s.people.all({ id: row.id });
  const keyPeople = ppl.filter((p) => p.keyPerson);
  const customer = toCustomer(row);
  const { lost, ...due } = dueOf(row, now);
  return {
    customer,
    matchedBy: { kind: m.kind, value: domain },
    person: null,
    tier: row.tier,
    lost: lost ? { at: row.lostAt, reasonCode: customer.lostReasonCode ?? null, reason: row.lostReason } : null,
    ...due,
    lastInteractions: s.lastInteractions.all({ id: row.id }).map(toInteraction),
    keyPeople: (keyPeople.length ? keyPeople : ppl).slice(0, 5).map(toPerson),
    followUps: row.followUps,
    suggestions: [],
    contactPoints: contactPointsOf(
      { createdAt: row.createdAt, phones: row.phones, emails: row.emails, people: ppl },
      s.points.all({ id: row.id }),
      s.lastContacts.all(row.id),
      settings,
      now,
    ).contactPoints,
  };
}

// The key's record where it is kept now (a logged contact's in its own row), so both paths do the same work.
const replayStatements = preparedOn((db) => ({
  seen: db.$client.prepare<{ key: string }, { user_id: number; operation: string; fingerprint: string }>(
    `select user_id, operation, fingerprint from replays where key = @key
      union all select requested_by, 'interaction', request_fingerprint from interactions
      where idempotency_key = @key and request_fingerprint is not null limit 1`,
  ),
}));

/** A call logged as logInteraction did before the seam: one synchronous transaction of the same statements. */
export function logInteractionSync(db: Db, input: InteractionInput, now: Date, settings: Settings): void {
  const s = interactionStatements(db);
  const r = replayStatements(db);
  const at = now.toISOString();
  db.$client.transaction(() => {
    const replay = replayable(input.idempotencyKey, 'interaction', input);
    const row = r.seen.get({ key: replay.key });
    const seen = row && {
      key: replay.key,
      userId: row.user_id,
      operation: row.operation,
      fingerprint: row.fingerprint,
    };
    if (judgeReplay(seen, replay, SYSTEM, s.byKey.get({ key: input.idempotencyKey }))) return;
    if (!s.liveForManager.get({ customerId: input.customerId })) throw new Error('no such customer');
    const { lastInsertRowid } = s.insert.run({
      customerId: input.customerId,
      kind: input.kind,
      at: input.at ?? at,
      personId: null,
      summary: input.summary ?? null,
      outcome: null,
      intention: null,
      appointment: null,
      meetsAppointment: 0,
      sourceUrl: null,
      visit: null,
      idempotencyKey: input.idempotencyKey,
      requestedBy: SYSTEM.id,
      requestFingerprint: replay.fingerprint,
      createdAt: at,
    });
    s.live.get({ id: Number(lastInsertRowid) });
    refreshDue(db, input.customerId, settings);
  })();
}
