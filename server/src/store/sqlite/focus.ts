import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { focusNotes } from '../../db/schema.ts';
import type { FocusStore } from '../focus.ts';

export function sqliteFocus(db: Db): FocusStore {
  return {
    async read(userId, periods) {
      return db
        .select({ period: focusNotes.period, text: focusNotes.text })
        .from(focusNotes)
        .where(and(eq(focusNotes.userId, userId), inArray(focusNotes.period, periods)))
        .all();
    },
    async write(userId, period, text, at) {
      db.insert(focusNotes)
        .values({ userId, period, text, updatedAt: at })
        .onConflictDoUpdate({ target: [focusNotes.userId, focusNotes.period], set: { text, updatedAt: at } })
        .run();
    },
  };
}
