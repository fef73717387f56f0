import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const Env = z.object({
  DOSSIER_HOST: z.string().min(1).default('127.0.0.1'),
  DOSSIER_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DOSSIER_DATA_DIR: z.string().min(1).default('data'),
  DOSSIER_TOKEN: z.string().min(16, 'DOSSIER_TOKEN must be at least 16 characters').max(512).optional(),
  /** Extension origins allowed by CORS, comma-separated (chrome-extension://<id>,moz-extension://<id>). */
  DOSSIER_EXTENSION_ORIGINS: z.string().optional(),
});

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  token?: string;
  extensionOrigins: string[];
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
    extensionOrigins: (e.DOSSIER_EXTENSION_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

export const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\./.test(host);
