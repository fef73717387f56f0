import { eq, sql } from 'drizzle-orm';
import { sheetRemarks } from '../../db/schema.pg.ts';
import type { ContactSheetStore, SheetContact, SheetFile } from '../contact-sheet.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

export function pgContactSheet(db: PgExecutor): ContactSheetStore {
  return {
    async files(month, start, end, viewer, owner) {
      // Initials in code-point order (collate "C"), as SQLite's BINARY sorts them; a zh or ICU
      // collation would put 'ab' and 'AB' together. Region is jsonb: it arrives as an array.
      const rows = await db.execute<SheetFile & Record<string, unknown>>(sql`
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
        order by tier, c.initials collate "C", c.id`);
      return rows.rows.map((r) => ({ id: r.id, name: r.name, tier: r.tier, region: r.region, remarks: r.remarks }));
    },
    async contacts(start, end, viewer) {
      const rows = await db.execute<SheetContact & Record<string, unknown>>(sql`
        select i.customer_id as "customerId", i.at, i.kind, i.summary from interactions i join customers c on c.id = i.customer_id
        where i.deleted_at is null and i.kind <> 'note' and i.at >= ${start} and i.at < ${end}
          and c.deleted_at is null and ${visible(viewer, 'c')}
        order by i.at, i.id`);
      return rows.rows;
    },
    async saveRemark(customerId, month, text, at) {
      // One remark per file and month (its unique index): the last write wins.
      await db
        .insert(sheetRemarks)
        .values({ customerId, month, text, updatedAt: at })
        .onConflictDoUpdate({ target: [sheetRemarks.customerId, sheetRemarks.month], set: { text, updatedAt: at } });
    },
    async remarksOf(customerId) {
      return db
        .select({ month: sheetRemarks.month, text: sheetRemarks.text, updatedAt: sheetRemarks.updatedAt })
        .from(sheetRemarks)
        .where(eq(sheetRemarks.customerId, customerId));
    },
  };
}
