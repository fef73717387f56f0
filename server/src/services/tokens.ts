import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashToken, newToken } from '../lib/tokens.ts';
import type { Store } from '../store/store.ts';

export const tokenFile = (dataDir: string) => join(dataDir, 'token');

/**
 * Makes the owner with this token hash unless there is one; false when there already was — made
 * by another process starting at the same moment (team servers start together) included.
 */
async function makeOwner(store: Store, tokenHash: string, now: Date): Promise<boolean> {
  try {
    await store.team.insertUser({ name: 'owner', role: 'manager', tokenHash, createdAt: now.toISOString() });
    return true;
  } catch (e) {
    if (await store.team.byName('owner')) return false;
    throw e;
  }
}

/** DOSSIER_TOKEN is the owner's: the owner is made with it when there is none yet. */
async function ownerOfEnvToken(store: Store, ownerExists: boolean, envToken: string, now: Date) {
  if (!ownerExists) await makeOwner(store, hashToken(envToken), now);
  return { token: envToken, created: false };
}

/**
 * Makes sure the owner has a token. Only its hash is stored in the database; the token itself is
 * shown once and kept in `<dataDir>/token`, readable by the owner only, for the next start.
 * With DOSSIER_TOKEN set, that token is the owner's and nothing is generated.
 */
export async function ensureOwnerToken(
  store: Store,
  dataDir: string,
  now: Date,
  envToken?: string,
): Promise<{ token: string | null; created: boolean }> {
  const owner = await store.team.byName('owner');
  if (envToken) return ownerOfEnvToken(store, owner !== undefined, envToken, now);
  if (owner?.tokenHash && !owner.revokedAt) {
    const file = tokenFile(dataDir);
    const saved = existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
    return { token: saved && hashToken(saved) === owner.tokenHash ? saved : null, created: false };
  }
  return { token: await rotateOwnerToken(store, dataDir, now), created: true };
}

export async function rotateOwnerToken(store: Store, dataDir: string, now: Date): Promise<string> {
  const token = newToken();
  await store.team.setOwnerToken(hashToken(token), now.toISOString());
  writeFileSync(tokenFile(dataDir), `${token}\n`, { mode: 0o600 });
  // The mode above applies only to a new file; an older 0644 token file is closed too.
  chmodSync(tokenFile(dataDir), 0o600);
  return token;
}

/**
 * The owner of a team server: on its first start (no owner yet) a manager named "owner" with a
 * new token, shown once and kept nowhere but in the answer (the server has no folder of its own;
 * `dossier user token owner` issues another). With DOSSIER_TOKEN set, that token is the owner's.
 */
export async function ensureTeamOwner(
  store: Store,
  now: Date,
  envToken?: string,
): Promise<{ token: string | null; created: boolean }> {
  const owner = await store.team.byName('owner');
  if (envToken) return ownerOfEnvToken(store, owner !== undefined, envToken, now);
  if (owner) return { token: null, created: false };
  // Only the process that made the owner shows a token: one that lost the race has none to show.
  const token = newToken();
  return (await makeOwner(store, hashToken(token), now)) ? { token, created: true } : { token: null, created: false };
}
