import type { Viewer } from '../../services/visibility.ts';
import type { PgExecutor } from './executor.ts';

/**
 * The hot reads (the badge on every tab switch, the card, the token) go to PostgreSQL as named
 * statements: parsed and planned once per connection instead of on every request, and built by
 * drizzle once per executor instead of per call — on the badge that is most of the server's time.
 * PgBouncer in transaction mode keeps named statements right from 1.21 (max_prepared_statements);
 * behind an older pooler DOSSIER_PG_NAMED_STATEMENTS=off sends the same statements unnamed. It
 * is a property of where the process runs, so it is set once for the process.
 */
let named = true;

export function useNamedStatements(on: boolean): void {
  named = on;
}

const built = new WeakMap<object, Map<string, unknown>>();

/**
 * What a built statement is bound to: the pool, or the connection a transaction holds. drizzle
 * binds a transaction's statements to its connection, and the pool hands the same connection to
 * later transactions: kept per connection, a logged call's ten statements are built once, not in
 * every transaction (measured at 100,000 files: 4.2–4.5 ms a logged call built each time, 3.4–4.1
 * kept).
 */
const ownerOf = (db: PgExecutor): object => (db as { session?: { client?: object } }).session?.client ?? db;

/**
 * The statement `name` on this executor, built on first use. `build` gets the name to prepare it
 * under ('' when named statements are off: node-postgres then sends it unnamed).
 */
export function prepared<T>(db: PgExecutor, name: string, build: (statementName: string) => T): T {
  const statementName = named ? `dossier_${name}` : '';
  const key = `${name}:${statementName}`;
  const owner = ownerOf(db);
  let byName = built.get(owner);
  if (!byName) {
    byName = new Map();
    built.set(owner, byName);
  }
  let statement = byName.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build(statementName);
    byName.set(key, statement);
  }
  return statement;
}

/** The values of the viewer placeholders of visibleOneAs. */
export const viewerValues = (viewer: Viewer) => ({ viewerName: viewer.name, viewerId: viewer.id });
