import type { Settings } from '@dossier/shared';
import type { customers } from './db/schema.ts';
import type { Viewer } from './services/visibility.ts';
import type { Store } from './store/store.ts';

export interface AppDeps {
  /** The database seam every service goes through. */
  store: Store;
  /** Injected so tests can fix "now"; every timestamp the server writes comes from here. */
  clock: () => Date;
  /**
   * The user a bearer token belongs to, or null (tokens are looked up by their sha256 hash).
   * Asked on every request, so the engine provides it with whatever it can keep between
   * requests (store/sqlite/team.ts, store/pg/team.ts).
   */
  authenticate: (token: string) => Promise<Viewer | null>;
  /** The extension origins paired from an options page, as kept in the database: read on every request from an unknown origin. */
  pairedOrigins: () => Promise<string[]>;
  /** Hosts accepted in the Host header (DNS-rebinding guard); empty = any. */
  allowedHosts: ReadonlySet<string>;
  /** Extension origins allowed besides the pinned Chrome id and those paired from an options page (DOSSIER_EXTENSION_ORIGINS). */
  extensionOrigins: ReadonlySet<string>;
  version: string;
  /** Wrong tokens tolerated per minute before auth answers 429 (brute-force guard). */
  authFailuresPerMinute?: number;
  /**
   * The URL this server answers on (`http://host:port`), the OpenAPI document's `servers`. Set
   * once the server listens (the port may be chosen then); without it the document names the
   * origin the request for it was sent to.
   */
  serverUrl?: string;
}

/** What a handler needs about its request (`c.get('ctx')`), built once per request by the request-context middleware. */
export interface RequestContext {
  store: Store;
  /** deps.clock(), read once: every timestamp a request writes is the same instant. */
  now: Date;
  /** The settings, read on first use (most requests never need them). */
  settings(): Promise<Settings>;
  /** Who asks (set by the bearer check; the calendar feed's owner on the public feed). */
  readonly viewer: Viewer;
}

/** `customer` is set on `/api/customers/:id/…` routes by the customer-scope middleware. */
export type AppEnv = {
  Variables: { viewer: Viewer; customer: typeof customers.$inferSelect; ctx: RequestContext };
};
