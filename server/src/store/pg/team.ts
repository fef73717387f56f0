import { timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { auditLog, customerShares, settings, users } from '../../db/schema.pg.ts';
import { hashToken } from '../../lib/tokens.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { TeamStore } from '../team.ts';
import { Writes } from '../writes.ts';
import type { PgExecutor } from './executor.ts';
import { type KeepOptions, keptAnswers } from './kept.ts';
import { prepared } from './prepared.ts';

/** The row of the settings table that keeps the paired extension origins (a JSON list). */
const PAIRED_KEY = 'pairedExtensionOrigins';

/** jsonb comes back parsed; anything but a list of strings (a hand-edited row) pairs nothing. */
const pairedOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((o): o is string => typeof o === 'string') : [];

async function readPaired(db: PgExecutor): Promise<string[]> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, PAIRED_KEY));
  return pairedOf(row?.value);
}

/** The paired extension origins, read on every look-up so a pairing made by another process counts at once. */
export function pgPairedOrigins(db: PgExecutor): () => Promise<string[]> {
  return () => readPaired(db);
}

const viewerColumns = { id: users.id, name: users.name, role: users.role };

/** This process's writes to users (a token issued, re-issued or revoked): a kept token is asked again after one. */
const usersWritten = new Writes();

/**
 * The user a bearer token belongs to, by the unique hash index; DOSSIER_TOKEN, when set, is the
 * owner's. An accepted token is trusted for a second without asking again: on a team server a
 * token lookup per request would double the badge's round trips. A token issued or revoked
 * through this process counts on its next request; one revoked by another process (the CLI,
 * another app process) within a second. An unknown token is always asked, so a new one works at once.
 */
export function pgTokenAuthenticator(
  db: PgExecutor,
  envToken?: string,
  options: KeepOptions = {},
): (token: string) => Promise<Viewer | null> {
  const envHash = envToken ? Buffer.from(hashToken(envToken), 'hex') : null;
  const accepted = keptAnswers<string, Viewer>(usersWritten, options);
  const statement = (byEnv: boolean) =>
    prepared(db, byEnv ? 'owner_by_env_token' : 'user_by_token', (name) =>
      db
        .select(viewerColumns)
        .from(users)
        .where(
          and(byEnv ? eq(users.name, 'owner') : eq(users.tokenHash, sql.placeholder('hash')), isNull(users.revokedAt)),
        )
        .prepare(name),
    );
  return async (token) => {
    const hash = hashToken(token);
    const byEnv = envHash !== null && timingSafeEqual(Buffer.from(hash, 'hex'), envHash);
    // Only accepted tokens are kept (an unknown one is asked every time, so a new one works at once).
    const user = await accepted(hash, async () => (await statement(byEnv).execute({ hash }))[0]);
    return user ?? null;
  };
}

export function pgTeam(db: PgExecutor): TeamStore {
  return {
    async byName(name) {
      const [row] = await db.select().from(users).where(eq(users.name, name));
      return row;
    },
    async active(id) {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, id), isNull(users.revokedAt)));
      return rows.length > 0;
    },
    async list() {
      return db.select().from(users).orderBy(users.id);
    },
    async insertUser(user) {
      const [row] = await usersWritten.around(() => db.insert(users).values(user).returning());
      if (!row) throw new Error('the user was not written');
      return row;
    },
    async setToken(id, tokenHash) {
      const [row] = await usersWritten.around(() =>
        db.update(users).set({ tokenHash, revokedAt: null }).where(eq(users.id, id)).returning(),
      );
      return row;
    },
    async revoke(id, at) {
      const [row] = await usersWritten.around(() =>
        db.update(users).set({ revokedAt: at, tokenHash: null }).where(eq(users.id, id)).returning(),
      );
      return row;
    },
    async setOwnerToken(tokenHash, at) {
      await usersWritten.around(() =>
        db
          .insert(users)
          .values({ name: 'owner', role: 'manager', tokenHash, createdAt: at })
          .onConflictDoUpdate({ target: users.name, set: { tokenHash, revokedAt: null } }),
      );
    },
    async share(customerId, userId, at) {
      await db.insert(customerShares).values({ customerId, userId, createdAt: at }).onConflictDoNothing();
    },
    async unshare(customerId, userId) {
      await db
        .delete(customerShares)
        .where(and(eq(customerShares.customerId, customerId), eq(customerShares.userId, userId)));
    },
    async audit(entry) {
      await db.insert(auditLog).values(entry);
    },
    async recentAudit(limit) {
      return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
    },
    pairedOrigins: () => readPaired(db),
    async savePairedOrigins(origins) {
      await db
        .insert(settings)
        .values({ key: PAIRED_KEY, value: origins })
        .onConflictDoUpdate({ target: settings.key, set: { value: origins } });
    },
  };
}
