import { timingSafeEqual } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, customerShares, users } from '../../db/schema.ts';
import { hashToken } from '../../lib/tokens.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { TeamStore } from '../team.ts';
import { Writes } from '../writes.ts';
import { changeWatch } from './change-watch.ts';

/** The row of the settings table that keeps the paired extension origins (a JSON list). */
const PAIRED_KEY = 'pairedExtensionOrigins';

const pairedOf = (row: { value: string } | undefined): string[] => {
  if (!row) return [];
  try {
    const list: unknown = JSON.parse(row.value);
    return Array.isArray(list) ? list.filter((o): o is string => typeof o === 'string') : [];
  } catch {
    return [];
  }
};

/** Tokens remembered between requests, no more than this (only accepted ones are kept). */
const MAX_KEPT_TOKENS = 256;

/**
 * The paired extension origins, asked on every request from an origin that is neither pinned
 * nor configured: read again only when the database may have changed.
 */
export function sqlitePairedOrigins(db: Db): () => Promise<string[]> {
  const select = db.$client.prepare<[string], { value: string }>('select value from settings where key = ?');
  const changed = changeWatch(db);
  let kept: string[] = [];
  return async () => {
    if (changed()) kept = pairedOf(select.get(PAIRED_KEY));
    return kept;
  };
}

/** This process's writes to users (a token issued, re-issued or revoked): a kept token is asked again after one. */
const usersWritten = new Writes();

/**
 * The user a bearer token belongs to. The toolbar asks on every tab switch, so an accepted
 * token is remembered until this process writes to users or another connection commits (PRAGMA
 * data_version: the CLI, an import's worker): a token issued or revoked by the API, or by the
 * CLI in another process, still takes effect on the very next request. One pragma per request
 * and not a second statement for this connection's own writes: under load each statement
 * outside a transaction cost the badge several microseconds (measured). DOSSIER_TOKEN, when
 * set, is the owner's.
 */
export function sqliteTokenAuthenticator(db: Db, envToken?: string): (token: string) => Promise<Viewer | null> {
  const byHash = db.$client.prepare<[string], Viewer>(
    'select id, name, role from users where token_hash = ? and revoked_at is null',
  );
  const owner = db.$client.prepare<[], Viewer>(
    "select id, name, role from users where name = 'owner' and revoked_at is null",
  );
  const envHash = envToken ? Buffer.from(hashToken(envToken), 'hex') : null;
  const lookup = (token: string): Viewer | null => {
    const hash = hashToken(token);
    if (envHash && timingSafeEqual(Buffer.from(hash, 'hex'), envHash)) return owner.get() ?? null;
    return byHash.get(hash) ?? null;
  };
  const changed = changeWatch(db, usersWritten);
  const known = new Map<string, Viewer>();
  return async (token) => {
    if (changed()) known.clear();
    const kept = known.get(token);
    if (kept) return kept;
    const viewer = lookup(token);
    if (viewer) {
      if (known.size >= MAX_KEPT_TOKENS) known.clear();
      known.set(token, viewer);
    }
    return viewer;
  };
}

export function sqliteTeam(db: Db): TeamStore {
  const client = db.$client;
  const paired = client.prepare<[string], { value: string }>('select value from settings where key = ?');
  const savePaired = client.prepare<[string, string]>(
    'insert into settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
  );
  return {
    async byName(name) {
      return db.select().from(users).where(eq(users.name, name)).get();
    },
    async active(id) {
      return (
        db
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, id), isNull(users.revokedAt)))
          .get() !== undefined
      );
    },
    async list() {
      return db.select().from(users).orderBy(users.id).all();
    },
    async insertUser(user) {
      return usersWritten.around(async () => db.insert(users).values(user).returning().get());
    },
    async setToken(id, tokenHash) {
      return usersWritten.around(async () =>
        db.update(users).set({ tokenHash, revokedAt: null }).where(eq(users.id, id)).returning().get(),
      );
    },
    async revoke(id, at) {
      return usersWritten.around(async () =>
        db.update(users).set({ revokedAt: at, tokenHash: null }).where(eq(users.id, id)).returning().get(),
      );
    },
    async setOwnerToken(tokenHash, at) {
      await usersWritten.around(async () =>
        db
          .insert(users)
          .values({ name: 'owner', role: 'manager', tokenHash, createdAt: at })
          .onConflictDoUpdate({ target: users.name, set: { tokenHash, revokedAt: null } })
          .run(),
      );
    },
    async share(customerId, userId, at) {
      db.insert(customerShares).values({ customerId, userId, createdAt: at }).onConflictDoNothing().run();
    },
    async unshare(customerId, userId) {
      db.delete(customerShares)
        .where(and(eq(customerShares.customerId, customerId), eq(customerShares.userId, userId)))
        .run();
    },
    async audit(entry) {
      db.insert(auditLog).values(entry).run();
    },
    async recentAudit(limit) {
      return db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).all();
    },
    async pairedOrigins() {
      return pairedOf(paired.get(PAIRED_KEY));
    },
    async savePairedOrigins(origins) {
      savePaired.run(PAIRED_KEY, JSON.stringify(origins));
    },
  };
}
