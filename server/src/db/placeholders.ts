import { type Placeholder, sql } from 'drizzle-orm';

/** A placeholder for each of `keys`, named as the key: a prepared insert's values, bound by name at each run. */
export const placeholdersFor = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as { [P in K]: Placeholder<P> };
