import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import type * as schema from '../../db/schema.pg.ts';

/**
 * What a PostgreSQL repository runs its statements on: the pool outside a transaction, the one
 * connection of a transaction inside it (drizzle's transaction object has the same query API).
 */
export type PgExecutor = PgDatabase<NodePgQueryResultHKT, typeof schema>;
