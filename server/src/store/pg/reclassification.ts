import { CALL_KINDS, type Tier } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import { reclassDecisions } from '../../db/schema.pg.ts';
import { ApiError } from '../../lib/errors.ts';
import type { ReclassificationStore, ReviewedFile } from '../reclassification.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

const callKinds = sql.join(
  CALL_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

export function pgReclassification(db: PgExecutor): ReclassificationStore {
  return {
    async reviewed(month, start, through, viewer) {
      // count() is bigint, which pg hands over as a string: each is cast back to int.
      const rows = await db.execute<ReviewedFile & Record<string, unknown>>(sql`
        select c.id, c.name, c.owner, c.tier, c.status, c.signed_at as "signedAt", c.land_won_at as "landWonAt",
          c.created_at as "createdAt",
          c.reopened_at as "reopenedAt",
          (select max(p.at) from interactions p where p.customer_id = c.id and p.deleted_at is null
            and p.kind in (${callKinds}) and p.at < ${start}) as "priorCall",
          count(case when i.kind in (${callKinds}) then 1 end)::int as calls,
          count(case when i.kind in ('visit', 'meeting') then 1 end)::int as visits,
          count(case when i.kind <> 'note' then i.id end)::int as contacts,
          count(case when i.intention = 'high' then 1 end)::int as high,
          count(case when i.intention = 'low' then 1 end)::int as low
        from customers c
        left join interactions i on i.customer_id = c.id and i.deleted_at is null and i.at >= ${start} and i.at < ${through}
        where c.deleted_at is null and c.status <> 'lost' and c.created_at < ${through} and ${visible(viewer, 'c')}
          and not exists (select 1 from reclass_decisions d where d.customer_id = c.id and d.month = ${month})
        group by c.id
        order by c.id`);
      return rows.rows;
    },
    async tierCounts(viewer) {
      const rows = await db.execute<{ tier: Tier; count: number }>(sql`
        select tier, count(*)::int as count from customers
        where deleted_at is null and status <> 'lost' and ${visible(viewer)} group by tier order by tier`);
      return rows.rows;
    },
    async recordDecision(decision) {
      // SQLite runs decisions one transaction at a time, so a file decided meanwhile is no longer
      // an open proposal when the service looks. Here two managers' decisions on one file can
      // both find it open: the second waits on the unique (customer, month) and writes nothing,
      // and is answered as the service answers a proposal that is not open, instead of failing
      // with a duplicate key.
      const written = await db
        .insert(reclassDecisions)
        .values(decision)
        .onConflictDoNothing({ target: [reclassDecisions.customerId, reclassDecisions.month] })
        .returning({ id: reclassDecisions.id });
      if (!written.length)
        throw new ApiError('conflict', `no open proposal for customer ${decision.customerId} in ${decision.month}`, {
          customerId: decision.customerId,
        });
    },
  };
}
