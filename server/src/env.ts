import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  DOSSIER_HOST: z.string().min(1).default('127.0.0.1'),
  DOSSIER_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DOSSIER_DATA_DIR: z.string().min(1).default('data'),
  DOSSIER_TOKEN: z.string().min(16, 'DOSSIER_TOKEN must be at least 16 characters').max(512).optional(),
  /**
   * Extension origins accepted besides the pinned id and the paired ones, comma-separated
   * (chrome-extension://<id>,moz-extension://<uuid>): e.g. a store build with its own id.
   */
  DOSSIER_EXTENSION_ORIGINS: z.string().optional(),
  /** A team server's PostgreSQL (postgres://…); without it the server keeps one person's SQLite file. */
  DOSSIER_DATABASE_URL: z.preprocess(
    // An empty variable (`DOSSIER_DATABASE_URL= pnpm start`) means none: the local file.
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DOSSIER_DATABASE_URL is a postgres:// or postgresql:// URL')
      .optional(),
  ),
  /**
   * `off` behind a pooler in transaction mode that cannot keep named statements (PgBouncer before
   * 1.21, or without max_prepared_statements): the hot reads are then sent unnamed.
   */
  DOSSIER_PG_NAMED_STATEMENTS: z.enum(['on', 'off']).default('on'),
});

/**
 * The id of the Chrome build, fixed by the public `key` in extension/wxt.config.ts: Chrome
 * derives an extension's id from the SHA-256 of that key (DER SubjectPublicKeyInfo), taking
 * the first 32 hex digits and writing 0–f as a–p. Any unpacked copy of the build has this id,
 * so the server accepts it without configuration; every other extension origin has to be
 * listed in DOSSIER_EXTENSION_ORIGINS or paired from the options page with a manager's token.
 */
export const PINNED_EXTENSION_ID = 'lpjdanpablmfkkabmmpiakjopamoiden';
export const PINNED_EXTENSION_ORIGIN = `chrome-extension://${PINNED_EXTENSION_ID}`;

/** An extension page's Origin: Chrome's 32 letters a–p, or Firefox's per-install UUID. */
export const EXTENSION_ORIGIN =
  /^(chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12})$/;

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  token?: string;
  extensionOrigins: string[];
  databaseUrl?: string;
  /** Whether the team server sends its hot reads as named statements (store/pg/prepared.ts). */
  pgNamedStatements: boolean;
}

/** The one place the environment is read. Relative data dirs are taken from where the user ran pnpm. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${why}`);
  }
  const e = parsed.data;
  const base = env.INIT_CWD ?? process.cwd();
  return {
    host: e.DOSSIER_HOST,
    port: e.DOSSIER_PORT,
    dataDir: isAbsolute(e.DOSSIER_DATA_DIR) ? e.DOSSIER_DATA_DIR : resolve(base, e.DOSSIER_DATA_DIR),
    ...(e.DOSSIER_TOKEN ? { token: e.DOSSIER_TOKEN } : {}),
    extensionOrigins: extensionOrigins(e.DOSSIER_EXTENSION_ORIGINS ?? ''),
    ...(e.DOSSIER_DATABASE_URL ? { databaseUrl: e.DOSSIER_DATABASE_URL } : {}),
    pgNamedStatements: e.DOSSIER_PG_NAMED_STATEMENTS === 'on',
  };
}

function extensionOrigins(list: string): string[] {
  const origins = list
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  const wrong = origins.filter((o) => !EXTENSION_ORIGIN.test(o));
  if (wrong.length) {
    throw new Error(
      `invalid environment: DOSSIER_EXTENSION_ORIGINS takes chrome-extension://<id> or moz-extension://<uuid> origins, not ${wrong.join(', ')}`,
    );
  }
  return origins;
}

export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);
