import { Focus } from '@dossier/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { focusNotes } from '../../db/schema.ts';
import { empty, json, router, routesOf } from '../../lib/openapi.ts';

/** A day "2026-11-23" or an ISO week "2026-W48". */
const Period = z.string().regex(/^\d{4}-(\d{2}-\d{2}|W\d{2})$/, 'a day (2026-11-23) or a week (2026-W48)');
const Note = z.object({ period: Period, text: z.string().max(4000) });

const route = routesOf('board');

const read = route({
  method: 'get',
  path: '/',
  operationId: 'getFocus',
  summary: "The board's focus notes for today, tomorrow and this week",
  responses: { 200: json(Focus, "The viewer's three notes (empty text when none)") },
});

const write = route({
  method: 'put',
  path: '/',
  operationId: 'putFocus',
  summary: 'Write a focus note for a day or a week',
  request: { body: { content: { 'application/json': { schema: Note } } } },
  responses: { 204: empty('Saved') },
});

const ymd = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

/** ISO-8601 week of a calendar day: the week belongs to the year of its Thursday. */
export function isoWeek(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const focusRoutes = () =>
  router()
    .openapi(read, (c) => {
      const { db, now, settings, viewer } = c.get('ctx');
      const today = ymd(now, settings.timeZone);
      const tomorrow = ymd(new Date(now.getTime() + 86_400_000), settings.timeZone);
      const week = isoWeek(today);
      const rows = db
        .select()
        .from(focusNotes)
        .where(and(eq(focusNotes.userId, viewer.id), inArray(focusNotes.period, [today, tomorrow, week])))
        .all();
      const note = (period: string) => ({ period, text: rows.find((r) => r.period === period)?.text ?? '' });
      return c.json({ today: note(today), tomorrow: note(tomorrow), week: note(week) }, 200);
    })
    .openapi(write, (c) => {
      const { period, text } = c.req.valid('json');
      const { db, now, viewer } = c.get('ctx');
      const at = now.toISOString();
      db.insert(focusNotes)
        .values({ userId: viewer.id, period, text, updatedAt: at })
        .onConflictDoUpdate({ target: [focusNotes.userId, focusNotes.period], set: { text, updatedAt: at } })
        .run();
      return c.body(null, 204);
    });
