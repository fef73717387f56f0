import { CALL_KINDS, type Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { reclassDecisions } from '../../db/schema.ts';
import type { ReclassificationStore } from '../reclassification.ts';
import { visible } from './visibility.ts';

const callKinds = sql.join(
  CALL_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

export function sqliteReclassification(db: Db): ReclassificationStore {
  return {
    async reviewed(month, start, through, viewer) {
      const rows = db.all<{
        id: number;
        name: string;
        owner: string | null;
        tier: Tier;
        status: string;
        signed_at: string | null;
        land_won_at: string | null;
        created_at: string;
        reopened_at: string | null;
        prior_call: string | null;
        calls: number;
        visits: number;
        contacts: number;
        high: number;
        low: number;
      }>(sql`
        select c.id, c.name, c.owner, c.tier, c.status, c.signed_at, c.land_won_at, c.created_at, c.reopened_at,
          (select max(p.at) from interactions p where p.customer_id = c.id and p.deleted_at is null
            and p.kind in (${callKinds}) and p.at < ${start}) as prior_call,
          count(case when i.kind in (${callKinds}) then 1 end) as calls,
          count(case when i.kind in ('visit', 'meeting') then 1 end) as visits,
          count(case when i.kind <> 'note' then i.id end) as contacts,
          count(case when i.intention = 'high' then 1 end) as high,
          count(case when i.intention = 'low' then 1 end) as low
        from customers c
        left join interactions i on i.customer_id = c.id and i.deleted_at is null and i.at >= ${start} and i.at < ${through}
        where c.deleted_at is null and c.status <> 'lost' and c.created_at < ${through} and ${visible(viewer, 'c')}
          and not exists (select 1 from reclass_decisions d where d.customer_id = c.id and d.month = ${month})
        group by c.id`);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        owner: r.owner,
        tier: r.tier,
        status: r.status,
        signedAt: r.signed_at,
        landWonAt: r.land_won_at,
        createdAt: r.created_at,
        reopenedAt: r.reopened_at,
        priorCall: r.prior_call,
        calls: r.calls,
        visits: r.visits,
        contacts: r.contacts,
        high: r.high,
        low: r.low,
      }));
    },
    async tierCounts(viewer) {
      return db.all<{ tier: Tier; count: number }>(sql`
        select tier, count(*) as count from customers
        where deleted_at is null and status <> 'lost' and ${visible(viewer)} group by tier`);
    },
    async recordDecision(decision) {
      db.insert(reclassDecisions).values(decision).run();
    },
  };
}
