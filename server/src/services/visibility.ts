import { type SQL, sql } from 'drizzle-orm';

/** Who is asking. Managers see every file; members their own and those shared with them. */
export interface Viewer {
  id: number;
  name: string;
  role: 'manager' | 'member';
}

/** The CLI, the demo seeder and migrations act as the system: a manager. */
export const SYSTEM: Viewer = { id: 0, name: 'system', role: 'manager' };

/**
 * SQL condition on a customers row (aliased `alias`) for what the viewer may see. Everything
 * else answers 404, not 403, so a member can't even learn that a file exists.
 */
export function visible(viewer: Viewer, alias = 'customers'): SQL {
  if (viewer.role === 'manager') return sql`1 = 1`;
  const a = sql.raw(alias);
  return sql`(${a}.owner = ${viewer.name} or ${a}.id in (select customer_id from customer_shares where user_id = ${viewer.id}))`;
}
