import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customerKeys, customers, interactions, people } from '../../db/schema.ts';
import type { ExportStore } from '../exports.ts';
import { visible } from './visibility.ts';

export function sqliteExports(db: Db): ExportStore {
  return {
    async visibleData(viewer) {
      const live = and(isNull(customers.deletedAt), visible(viewer));
      const cs = db.select().from(customers).where(live).orderBy(asc(customers.id)).all();
      const ppl = db
        .select({ p: people })
        .from(people)
        .innerJoin(customers, eq(customers.id, people.customerId))
        .where(and(live, isNull(people.deletedAt)))
        .orderBy(asc(people.customerId), asc(people.id))
        .all()
        .map((r) => r.p);
      const keys = db
        .select({ k: customerKeys })
        .from(customerKeys)
        .innerJoin(customers, eq(customers.id, customerKeys.customerId))
        .where(live)
        .orderBy(asc(customerKeys.customerId), asc(customerKeys.id))
        .all()
        .map((r) => r.k);
      const ints = db
        .select({ i: interactions })
        .from(interactions)
        .innerJoin(customers, eq(customers.id, interactions.customerId))
        .where(and(live, isNull(interactions.deletedAt)))
        .orderBy(asc(interactions.customerId), asc(interactions.at), asc(interactions.id))
        .all()
        .map((r) => r.i);
      return { customers: cs, people: ppl, keys, interactions: ints };
    },
  };
}
