import type { Customer, CustomerStatus, Stage, Tier } from '@dossier/shared';
import { and, asc, count, desc, eq, isNull, lt, ne, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { customers, interactions } from '../db/schema.ts';
import { toCustomer, toInteraction } from './mappers.ts';
import { type Viewer, visible } from './visibility.ts';

type Row = typeof customers.$inferSelect;

/** What the file list filters on; `region` is a path, outermost first ("华东/江苏"). */
export interface CustomerFilter {
  tier?: Tier;
  status?: CustomerStatus;
  owner?: string;
  overdue?: 'true' | 'false';
  stage?: Stage;
  companyType?: NonNullable<Row['companyType']>;
  sizeClass?: NonNullable<Row['sizeClass']>;
  region?: string;
  sort: 'due' | 'initials';
  limit: number;
  offset: number;
}

/** The customer files a viewer may see, filtered and in due or A–Z order, with the total for paging. */
export function listCustomers(db: Db, q: CustomerFilter, now: Date, viewer: Viewer) {
  const where: SQL[] = [isNull(customers.deletedAt), visible(viewer)];
  if (q.tier) where.push(eq(customers.tier, q.tier));
  if (q.status) where.push(eq(customers.status, q.status));
  if (q.owner) where.push(eq(customers.owner, q.owner));
  // Lost files have no due dates: they stay out of the due order and the overdue filter
  // unless lost files are asked for by status (the A–Z index lists every file).
  if (q.overdue === 'true' || (q.sort === 'due' && !q.status)) where.push(ne(customers.status, 'lost'));
  if (q.overdue === 'true') where.push(lt(customers.nextDue, now.toISOString()));
  if (q.stage) where.push(eq(customers.stage, q.stage));
  if (q.companyType) where.push(eq(customers.companyType, q.companyType));
  if (q.sizeClass) where.push(eq(customers.sizeClass, q.sizeClass));
  for (const [i, part] of (q.region?.split('/').filter(Boolean) ?? []).entries()) {
    where.push(sql`json_extract(${customers.region}, ${`$[${i}]`}) = ${part}`);
  }
  const rows = db
    .select()
    .from(customers)
    .where(and(...where))
    .orderBy(
      ...(q.sort === 'initials' ? [asc(customers.initials), asc(customers.name)] : [asc(customers.nextDue)]),
      asc(customers.id),
    )
    .limit(q.limit)
    .offset(q.offset)
    .all();
  const total =
    db
      .select({ n: count() })
      .from(customers)
      .where(and(...where))
      .get()?.n ?? 0;
  return { customers: rows.map(toCustomer) as Customer[], total };
}

/** A file's contacts, latest first; undone ones are left out. */
export function customerHistory(db: Db, customerId: number) {
  const rows = db
    .select()
    .from(interactions)
    .where(and(eq(interactions.customerId, customerId), isNull(interactions.deletedAt)))
    .orderBy(desc(interactions.at), desc(interactions.id))
    .all();
  return { interactions: rows.map(toInteraction) };
}
