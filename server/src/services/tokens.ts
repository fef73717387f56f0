import { timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users } from '../db/schema.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import type { Viewer } from './visibility.ts';

export const tokenFile = (dataDir: string) => join(dataDir, 'token');

/**
 * Makes sure the owner has a token. Only its hash is stored in the database; the token itself is
 * shown once and kept in `<dataDir>/token`, readable by the owner only, for the next start.
 * With DOSSIER_TOKEN set, that token is the owner's and nothing is generated.
 */
export function ensureOwnerToken(
  db: Db,
  dataDir: string,
  now: Date,
  envToken?: string,
): { token: string | null; created: boolean } {
  const owner = db.select().from(users).where(eq(users.name, 'owner')).get();
  if (envToken) {
    const tokenHash = hashToken(envToken);
    if (!owner)
      db.insert(users).values({ name: 'owner', role: 'manager', tokenHash, createdAt: now.toISOString() }).run();
    return { token: envToken, created: false };
  }
  if (owner?.tokenHash && !owner.revokedAt) {
    const file = tokenFile(dataDir);
    const saved = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
    return { token: saved && hashToken(saved) === owner.tokenHash ? saved : null, created: false };
  }
  return { token: rotateOwnerToken(db, dataDir, now), created: true };
}

export function rotateOwnerToken(db: Db, dataDir: string, now: Date): string {
  const token = newToken();
  const tokenHash = hashToken(token);
  db.insert(users)
    .values({ name: 'owner', role: 'manager', tokenHash, createdAt: now.toISOString() })
    .onConflictDoUpdate({ target: users.name, set: { tokenHash, revokedAt: null } })
    .run();
  writeFileSync(tokenFile(dataDir), `${token}\n`, { mode: 0o600 });
  // The mode above applies only to a new file; an older 0644 token file is closed too.
  chmodSync(tokenFile(dataDir), 0o600);
  return token;
}

/**
 * The user a bearer token belongs to, read from the database on every request (one lookup by the
 * unique hash index): a token issued or revoked by the API or by the CLI in another process
 * takes effect on the very next request. DOSSIER_TOKEN, when set, is the owner's.
 */
export function tokenAuthenticator(db: Db, envToken?: string): (token: string) => Viewer | null {
  const byHash = db.$client.prepare<[string], Viewer>(
    'select id, name, role from users where token_hash = ? and revoked_at is null',
  );
  const owner = db.$client.prepare<[], Viewer>(
    "select id, name, role from users where name = 'owner' and revoked_at is null",
  );
  const envHash = envToken ? Buffer.from(hashToken(envToken), 'hex') : null;
  return (token) => {
    const hash = hashToken(token);
    if (envHash && timingSafeEqual(Buffer.from(hash, 'hex'), envHash)) return owner.get() ?? null;
    return byHash.get(hash) ?? null;
  };
}
