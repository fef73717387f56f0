import { and, asc, eq, is, isNull } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { customerKeys, customers, interactions, people } from '../../db/schema.pg.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { ExportStore, VisibleData } from '../exports.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

async function read(db: PgExecutor, viewer: Viewer): Promise<VisibleData> {
  const live = and(isNull(customers.deletedAt), visible(viewer));
  const cs = await db.select().from(customers).where(live).orderBy(asc(customers.id));
  const ppl = await db
    .select({ p: people })
    .from(people)
    .innerJoin(customers, eq(customers.id, people.customerId))
    .where(and(live, isNull(people.deletedAt)))
    .orderBy(asc(people.customerId), asc(people.id));
  const keys = await db
    .select({ k: customerKeys })
    .from(customerKeys)
    .innerJoin(customers, eq(customers.id, customerKeys.customerId))
    .where(live)
    .orderBy(asc(customerKeys.customerId), asc(customerKeys.id));
  const ints = await db
    .select({ i: interactions })
    .from(interactions)
    .innerJoin(customers, eq(customers.id, interactions.customerId))
    .where(and(live, isNull(interactions.deletedAt)))
    .orderBy(asc(interactions.customerId), asc(interactions.at), asc(interactions.id));
  return {
    customers: cs,
    people: ppl.map((r) => r.p),
    keys: keys.map((r) => r.k),
    interactions: ints.map((r) => r.i),
  };
}

export function pgExports(db: PgExecutor): ExportStore {
  return {
    visibleData(viewer) {
      // Four reads of one moment: on SQLite they run back to back with nothing in between; here,
      // outside a transaction, each would see what had committed by then (a file added meanwhile
      // with its people but not in the list of files), so they share one snapshot.
      if (is(db, PgTransaction)) return read(db, viewer);
      return db.transaction((tx) => read(tx, viewer), { isolationLevel: 'repeatable read', accessMode: 'read only' });
    },
  };
}
