import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, preparedOn } from '../../db/client.ts';
import { placeholdersFor } from '../../db/placeholders.ts';
import { customers, interactions, people } from '../../db/schema.ts';
import { type InteractionStore, NEW_INTERACTION_COLUMNS } from '../interactions.ts';
import { visibleToAnyMember } from './visibility.ts';

const $ = sql.placeholder;

/**
 * Logging a call is the commonest write: its statements are built and prepared once per
 * connection, not on every call (measured: building and preparing took most of a logged call).
 */
export const interactionStatements = preparedOn((db) => {
  const live = and(eq(customers.id, $('customerId')), isNull(customers.deletedAt));
  return {
    byKey: db
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
    insert: db.insert(interactions).values(placeholdersFor(NEW_INTERACTION_COLUMNS)).prepare(),
    live: db
      .select()
      .from(interactions)
      .where(and(eq(interactions.id, $('id')), isNull(interactions.deletedAt)))
      .prepare(),
    markDeleted: db
      .update(interactions)
      .set({ deletedAt: sql`${$('at')}` })
      .where(eq(interactions.id, $('id')))
      .prepare(),
    cancel: db
      .update(interactions)
      .set({ appointmentCancelledAt: sql`${$('at')}` })
      .where(eq(interactions.id, $('id')))
      .prepare(),
  };
});

export function sqliteInteractions(db: Db): InteractionStore {
  const s = interactionStatements(db);
  return {
    async byKey(key) {
      return s.byKey.get({ key });
    },
    async customerVisible(customerId, viewer) {
      const found =
        viewer.role === 'manager'
          ? s.liveForManager.get({ customerId })
          : s.liveForMember.get({ customerId, viewerName: viewer.name, viewerId: viewer.id });
      return found !== undefined;
    },
    async personOf(personId, customerId) {
      return s.person.get({ personId, customerId }) !== undefined;
    },
    async insert(row) {
      // The row read back by its id rather than with RETURNING, which SQLite runs through a
      // temporary table (measured on the import's inserts: 3.6 times slower a row with it).
      const { lastInsertRowid } = s.insert.run({ ...row, meetsAppointment: row.meetsAppointment ? 1 : 0 });
      const written = s.live.get({ id: Number(lastInsertRowid) });
      if (!written) throw new Error('the interaction was not written');
      return written;
    },
    async live(id) {
      return s.live.get({ id });
    },
    async markDeleted(id, at) {
      s.markDeleted.run({ id, at });
    },
    async cancelAppointment(interactionId, at) {
      s.cancel.run({ id: interactionId, at });
    },
  };
}
