import type { DueBoard, DueItem, Settings } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { dayStart } from '../lib/time.ts';
import { type Viewer, visible } from './visibility.ts';

type Row = {
  id: number;
  name: string;
  tier: 'A' | 'B' | 'C';
  next_call_due: string;
  next_visit_due: string;
  appointment_at: string | null;
};

/**
 * The board: everything due before the end of the window, in buckets of the user's local days.
 * One range scan of the next_due index finds the customers; their three due fields become items.
 */
export function dueBoard(
  db: Db,
  now: Date,
  settings: Settings,
  withinDays: number,
  viewer: Viewer,
  owner?: string,
): DueBoard {
  const tz = settings.timeZone;
  const tomorrow = dayStart(now, tz, 1).toISOString();
  const dayAfter = dayStart(now, tz, 2).toISOString();
  const end = dayStart(now, tz, Math.max(1, withinDays)).toISOString();
  const rows = db.all<Row>(sql`
    select id, name, tier, next_call_due, next_visit_due, appointment_at from customers
    where deleted_at is null and status <> 'lost' and next_due < ${end} and ${visible(viewer)} ${owner ? sql`and owner = ${owner}` : sql``}
    order by next_due`);
  const items: DueItem[] = [];
  for (const r of rows) {
    const base = { customerId: r.id, name: r.name, tier: r.tier };
    if (r.next_call_due < end) items.push({ ...base, reason: 'call', due: r.next_call_due });
    if (r.next_visit_due < end) items.push({ ...base, reason: 'visit', due: r.next_visit_due });
    if (r.appointment_at && r.appointment_at < end)
      items.push({ ...base, reason: 'appointment', due: r.appointment_at });
  }
  const commitments = db.all<{
    id: number;
    customer_id: number;
    text: string;
    due_at: string;
    name: string;
    tier: 'A' | 'B' | 'C';
  }>(sql`
    select m.id, m.customer_id, m.text, m.due_at, c.name, c.tier from commitments m join customers c on c.id = m.customer_id
    where m.kept_at is null and m.due_at < ${end} and c.deleted_at is null and c.status <> 'lost' and ${visible(viewer, 'c')} ${owner ? sql`and c.owner = ${owner}` : sql``}`);
  for (const m of commitments) {
    items.push({
      customerId: m.customer_id,
      name: m.name,
      tier: m.tier,
      reason: 'commitment',
      due: m.due_at,
      commitmentId: m.id,
      text: m.text,
    });
  }
  // Earliest first; among equals, A before B before C.
  items.sort((a, b) => a.due.localeCompare(b.due) || a.tier.localeCompare(b.tier) || a.customerId - b.customerId);
  const t = now.toISOString();
  const board: DueBoard = { now: t, overdue: [], today: [], tomorrow: [], thisWeek: [] };
  for (const it of items) {
    if (it.due < t) board.overdue.push(it);
    else if (it.due < tomorrow) board.today.push(it);
    else if (it.due < dayAfter) board.tomorrow.push(it);
    else board.thisWeek.push(it);
  }
  return board;
}
