import type { Tier } from '@dossier/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { sheetRemarks } from '../../db/schema.ts';
import type { ContactSheetStore } from '../contact-sheet.ts';
import { visible } from './visibility.ts';

export function sqliteContactSheet(db: Db): ContactSheetStore {
  return {
    async files(month, start, end, viewer, owner) {
      const rows = db.all<{ id: number; name: string; tier: Tier; region: string; remarks: string | null }>(sql`
        select c.id, c.name, c.region, r.text as remarks, coalesce(
            (select t.to_tier from tier_changes t where t.customer_id = c.id and t.at < ${end} order by t.at desc, t.id desc limit 1),
            (select t.to_tier from tier_changes t where t.customer_id = c.id order by t.at, t.id limit 1),
            c.tier) as tier
        from customers c
        left join sheet_remarks r on r.customer_id = c.id and r.month = ${month}
        where c.deleted_at is null and ${visible(viewer, 'c')} ${owner ? sql`and c.owner = ${owner}` : sql``}
          and ((c.created_at < ${end} and (c.status <> 'lost' or c.lost_at >= ${start}))
            or exists (select 1 from interactions i where i.customer_id = c.id and i.deleted_at is null
              and i.kind <> 'note' and i.at >= ${start} and i.at < ${end}))
        order by tier, c.initials, c.id`);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        tier: r.tier,
        region: JSON.parse(r.region) as string[],
        remarks: r.remarks,
      }));
    },
    async contacts(start, end, viewer) {
      const rows = db.all<{ customer_id: number; at: string; kind: string; summary: string | null }>(sql`
        select i.customer_id, i.at, i.kind, i.summary from interactions i join customers c on c.id = i.customer_id
        where i.deleted_at is null and i.kind <> 'note' and i.at >= ${start} and i.at < ${end}
          and c.deleted_at is null and ${visible(viewer, 'c')}
        order by i.at`);
      return rows.map((r) => ({ customerId: r.customer_id, at: r.at, kind: r.kind, summary: r.summary }));
    },
    async saveRemark(customerId, month, text, at) {
      db.insert(sheetRemarks)
        .values({ customerId, month, text, updatedAt: at })
        .onConflictDoUpdate({ target: [sheetRemarks.customerId, sheetRemarks.month], set: { text, updatedAt: at } })
        .run();
    },
    async remarksOf(customerId) {
      return db
        .select({ month: sheetRemarks.month, text: sheetRemarks.text, updatedAt: sheetRemarks.updatedAt })
        .from(sheetRemarks)
        .where(eq(sheetRemarks.customerId, customerId))
        .all();
    },
  };
}
