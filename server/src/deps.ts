import type { Db } from './db/client.ts';
import type { customers } from './db/schema.ts';
import type { Viewer } from './services/visibility.ts';

export interface AppDeps {
  db: Db;
  /** Injected so tests can fix "now"; every timestamp the server writes comes from here. */
  clock: () => Date;
  /** The user a bearer token belongs to, or null (tokens are looked up by their sha256 hash). */
  authenticate: (token: string) => Viewer | null;
  /** Hosts accepted in the Host header (DNS-rebinding guard); empty = any. */
  allowedHosts: ReadonlySet<string>;
  /** Extension origins allowed besides the pinned Chrome id and those paired from an options page (DOSSIER_EXTENSION_ORIGINS). */
  extensionOrigins: ReadonlySet<string>;
  version: string;
  /** Wrong tokens tolerated per minute before auth answers 429 (brute-force guard). */
  authFailuresPerMinute?: number;
}

/** `customer` is set on `/api/customers/:id/…` routes by the customer-scope middleware. */
export type AppEnv = { Variables: { viewer: Viewer; customer: typeof customers.$inferSelect } };
