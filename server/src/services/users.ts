import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';
import { ApiError, notFound } from '../lib/errors.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import type { Viewer } from './visibility.ts';

export type UserRow = typeof users.$inferSelect;
export const toUser = (u: UserRow) => ({
  id: u.id,
  name: u.name,
  role: u.role,
  createdAt: u.createdAt,
  revokedAt: u.revokedAt,
});

/** Adds a user and returns their token, shown this once (only its hash is kept). */
export function addUser(db: Db, name: string, role: Viewer['role'], now: Date) {
  if (db.select({ id: users.id }).from(users).where(eq(users.name, name)).get()) {
    throw new ApiError('conflict', `user ${name} exists`);
  }
  const token = newToken();
  const row = db
    .insert(users)
    .values({ name, role, tokenHash: hashToken(token), createdAt: now.toISOString() })
    .returning()
    .get();
  return { user: toUser(row), token };
}

/** A new token for the user; the old one stops working within seconds. */
export function rotateUserToken(db: Db, id: number) {
  const token = newToken();
  const row = db
    .update(users)
    .set({ tokenHash: hashToken(token), revokedAt: null })
    .where(eq(users.id, id))
    .returning()
    .get();
  if (!row) throw notFound('user');
  return { user: toUser(row), token };
}

export function revokeUser(db: Db, id: number, now: Date, by: Viewer) {
  if (id === by.id) throw new ApiError('conflict', 'you cannot revoke your own access');
  const row = db
    .update(users)
    .set({ revokedAt: now.toISOString(), tokenHash: null })
    .where(eq(users.id, id))
    .returning()
    .get();
  if (!row) throw notFound('user');
  return toUser(row);
}

export function findUserByName(db: Db, name: string) {
  return db.select().from(users).where(eq(users.name, name)).get();
}

export function listUsers(db: Db) {
  return db.select().from(users).orderBy(users.id).all().map(toUser);
}

export function recentAudit(db: Db, limit: number) {
  return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
}
