import { ApiError, notFound } from '../lib/errors.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import type { Store } from '../store/store.ts';
import type { AuditRecord, UserRecord } from '../store/team.ts';
import type { Viewer } from './visibility.ts';

/** A user as the API shows them: never their token's hash. */
export const toUser = (u: UserRecord) => ({
  id: u.id,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt,
  revokedAt: u.revokedAt,
});

/** Adds a user and returns their token, shown this once (only its hash is kept). */
export async function addUser(store: Store, name: string, role: Viewer['role'], now: Date) {
  return store.transaction(async (tx) => {
    if (await tx.team.byName(name)) throw new ApiError('conflict', `user ${name} exists`);
    const token = newToken();
    const row = await tx.team.insertUser({ name, role, tokenHash: hashToken(token), createdAt: now.toISOString() });
    return { user: toUser(row), token };
  });
}

/** A new token for the user; the old one stops working within seconds. */
export async function rotateUserToken(store: Store, id: number) {
  const token = newToken();
  const row = await store.team.setToken(id, hashToken(token));
  if (!row) throw notFound('user');
  return { user: toUser(row), token };
}

export async function revokeUser(store: Store, id: number, now: Date, by: Viewer) {
  if (id === by.id) throw new ApiError('conflict', 'you cannot revoke your own access');
  const row = await store.team.revoke(id, now.toISOString());
  if (!row) throw notFound('user');
  return toUser(row);
}

export async function findUserByName(store: Store, name: string): Promise<UserRecord | undefined> {
  return store.team.byName(name);
}

export async function listUsers(store: Store) {
  return (await store.team.list()).map(toUser);
}

export async function recentAudit(store: Store, limit: number): Promise<AuditRecord[]> {
  return store.team.recentAudit(limit);
}
