import { and, eq, inArray } from 'drizzle-orm';
import { focusNotes } from '../../db/schema.pg.ts';
import type { FocusStore } from '../focus.ts';
import type { PgExecutor } from './executor.ts';

export function pgFocus(db: PgExecutor): FocusStore {
  return {
    async read(userId, periods) {
      if (!periods.length) return [];
      return db
        .select({ period: focusNotes.period, text: focusNotes.text })
        .from(focusNotes)
        .where(and(eq(focusNotes.userId, userId), inArray(focusNotes.period, periods)));
    },
    async write(userId, period, text, at) {
      await db
        .insert(focusNotes)
        .values({ userId, period, text, updatedAt: at })
        .onConflictDoUpdate({ target: [focusNotes.userId, focusNotes.period], set: { text, updatedAt: at } });
    },
  };
}
