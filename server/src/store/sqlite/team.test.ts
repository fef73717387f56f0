import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client.ts';
import { hashToken } from '../../lib/tokens.ts';
import { sqliteStore } from './store.ts';
import { sqlitePairedOrigins, sqliteTokenAuthenticator } from './team.ts';

const AT = '2026-11-23T02:00:00.000Z';
const fresh = () => {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-team-')), 'db.sqlite');
  const db = openDb(file);
  return { db, file, store: sqliteStore(db) };
};

describe('who a token belongs to, remembered between requests', () => {
  it('sees a token issued and then revoked by another process (another connection) on the very next request', async () => {
    const { db, file } = fresh();
    const authenticate = sqliteTokenAuthenticator(db);
    const cli = new Database(file);
    cli.pragma('busy_timeout = 5000');
    expect(await authenticate('token-of-lin-0123456789')).toBeNull();
    cli
      .prepare("insert into users (name, role, token_hash, created_at) values ('lin', 'member', ?, ?)")
      .run(hashToken('token-of-lin-0123456789'), AT);
    expect(await authenticate('token-of-lin-0123456789')).toMatchObject({ name: 'lin', role: 'member' });
    // Asked again: the remembered answer.
    expect(await authenticate('token-of-lin-0123456789')).toMatchObject({ name: 'lin' });
    cli.prepare("update users set revoked_at = ?, token_hash = null where name = 'lin'").run(AT);
    expect(await authenticate('token-of-lin-0123456789')).toBeNull();
    cli.close();
  });

  it('sees a revocation through the API (its own connection) on the very next request', async () => {
    const { db, store } = fresh();
    const authenticate = sqliteTokenAuthenticator(db);
    const user = await store.team.insertUser({
      name: 'wang',
      role: 'member',
      tokenHash: hashToken('token-of-wang-0123456789'),
      createdAt: AT,
    });
    expect(await authenticate('token-of-wang-0123456789')).toMatchObject({ id: user.id });
    await store.team.revoke(user.id, AT);
    expect(await authenticate('token-of-wang-0123456789')).toBeNull();
    // The owner's token replaced (a new one printed): the old one is refused at once.
    await store.team.setOwnerToken(hashToken('owner-token-one-0123456789'), AT);
    expect(await authenticate('owner-token-one-0123456789')).toMatchObject({ name: 'owner' });
    await store.transaction((tx) => tx.team.setOwnerToken(hashToken('owner-token-two-0123456789'), AT));
    expect(await authenticate('owner-token-one-0123456789')).toBeNull();
    expect(await authenticate('owner-token-two-0123456789')).toMatchObject({ name: 'owner' });
  });

  it('answers a paired origin added by another connection on the next request', async () => {
    const { db, file } = fresh();
    const paired = sqlitePairedOrigins(db);
    expect(await paired()).toEqual([]);
    const other = new Database(file);
    other
      .prepare("insert into settings (key, value) values ('pairedExtensionOrigins', ?)")
      .run(JSON.stringify(['moz-extension://4c1d2b7e-0000-4000-8000-000000000001']));
    expect(await paired()).toEqual(['moz-extension://4c1d2b7e-0000-4000-8000-000000000001']);
    other.close();
  });

  it('reads the settings again only when this or another connection may have changed them', async () => {
    const { file, store } = fresh();
    const first = await store.settings.read();
    // Kept: the same answer, not parsed again.
    expect(await store.settings.read()).toBe(first);
    const other = new Database(file);
    other
      .prepare("insert into settings (key, value) values ('app', ?)")
      .run(JSON.stringify({ ...first, firstCallDays: 3 }));
    expect((await store.settings.read()).firstCallDays).toBe(3);
    other.close();
    await store.settings.save({ ...first, firstCallDays: 5 });
    expect((await store.settings.read()).firstCallDays).toBe(5);
    await store.transaction((tx) => tx.settings.save({ ...first, firstCallDays: 6 }));
    expect((await store.settings.read()).firstCallDays).toBe(6);
  });
});
