import type { Db } from './db/client.ts';

export interface AppDeps {
  db: Db;
  /** Injected so tests can fix "now"; every timestamp the server writes comes from here. */
  clock: () => Date;
  /** sha256 hex of every accepted bearer token (stored hashes plus DOSSIER_TOKEN's). */
  tokenHashes: () => ReadonlySet<string>;
  /** Hosts accepted in the Host header (DNS-rebinding guard); empty = any. */
  allowedHosts: ReadonlySet<string>;
  /** Extension origins allowed by CORS; chrome-extension:// and moz-extension:// ids, empty = any extension. */
  extensionOrigins: ReadonlySet<string>;
  version: string;
  /** Wrong tokens tolerated per minute before auth answers 429 (brute-force guard). */
  authFailuresPerMinute?: number;
}

export type AppEnv = { Variables: { deps: AppDeps } };
