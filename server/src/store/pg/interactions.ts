import { and, eq, isNull } from 'drizzle-orm';
import { customers, interactions, people } from '../../db/schema.pg.ts';
import { ApiError } from '../../lib/errors.ts';
import type { InteractionStore } from '../interactions.ts';
import type { PgExecutor } from './executor.ts';
import { visibleOne } from './visibility.ts';

export const keyTaken = () => new ApiError('conflict', 'this idempotency key was already used; send a new one');

export function pgInteractions(db: PgExecutor): InteractionStore {
  const byKey = async (key: string) => {
    const [row] = await db.select().from(interactions).where(eq(interactions.idempotencyKey, key));
    return row;
  };
  return {
    byKey,
    async customerVisible(customerId, viewer) {
      const found = await db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.id, customerId), isNull(customers.deletedAt), visibleOne(viewer)));
      return found.length > 0;
    },
    async personOf(personId, customerId) {
      const found = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.id, personId), eq(people.customerId, customerId), isNull(people.deletedAt)));
      return found.length > 0;
    },
    async insert(row) {
      // ON CONFLICT: a key taken meanwhile is a 409 (as replays.record says), not an aborted transaction.
      const [written] = await db.insert(interactions).values(row).onConflictDoNothing().returning();
      if (!written) throw keyTaken();
      return written;
    },
    async live(id) {
      const [row] = await db
        .select()
        .from(interactions)
        .where(and(eq(interactions.id, id), isNull(interactions.deletedAt)));
      return row;
    },
    async markDeleted(id, at) {
      await db.update(interactions).set({ deletedAt: at }).where(eq(interactions.id, id));
    },
    async cancelAppointment(interactionId, at) {
      await db.update(interactions).set({ appointmentCancelledAt: at }).where(eq(interactions.id, interactionId));
    },
  };
}
