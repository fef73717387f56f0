import { DEFAULT_SETTINGS } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgServer } from '../../db/pg/test-db.ts';
import { hashToken } from '../../lib/tokens.ts';
import { sqlitePairedOrigins, sqliteTokenAuthenticator } from '../sqlite/team.ts';
import { type Engines, engines, onBoth, SETTINGS, T0 } from './engines.test-helpers.ts';
import { pgSettings } from './settings.ts';
import { pgPairedOrigins, pgTokenAuthenticator } from './team.ts';

/** Users, tokens, shares, the audit log, paired origins, settings and focus notes: the same answers on both engines. */

let e: Engines;
const at = T0.toISOString();

describe.skipIf(!pgServer)('team, settings and focus on PostgreSQL', () => {
  beforeAll(async () => {
    e = await engines();
  });
  afterAll(() => e?.close());

  it('keeps users and tokens alike', async () => {
    const [a, b] = await onBoth(e, async (s) => {
      const zhao = await s.team.insertUser({
        name: 'zhao',
        role: 'member',
        tokenHash: hashToken('zhao-1'),
        createdAt: at,
      });
      const revoked = await s.team.revoke(zhao.id, at);
      const reissued = await s.team.setToken(zhao.id, hashToken('zhao-2'));
      await s.team.setOwnerToken(hashToken('owner-1'), at);
      await s.team.setOwnerToken(hashToken('owner-2'), at);
      return {
        zhao,
        revoked,
        reissued,
        none: [(await s.team.revoke(999, at)) ?? null, (await s.team.setToken(999, 'x')) ?? null],
        byName: await s.team.byName('owner'),
        active: [await s.team.active(zhao.id), await s.team.active(999)],
        list: await s.team.list(),
      };
    });
    expect(b).toEqual(a);
    expect(b.list.map((u) => u.name)).toEqual(['boss', 'wang', 'li', 'zhao', 'owner']);
  });

  it('authenticates tokens as SQLite does, DOSSIER_TOKEN as the owner, a revoked one not at all', async () => {
    const both = [
      [sqliteTokenAuthenticator(e.sqliteDb, 'env-token'), pgTokenAuthenticator(e.db, 'env-token')],
      [sqliteTokenAuthenticator(e.sqliteDb), pgTokenAuthenticator(e.db)],
    ] as const;
    const answers = async () => {
      const out = [];
      for (const [sqlite, pg] of both) {
        for (const token of ['zhao-2', 'zhao-1', 'owner-2', 'env-token', 'nobody']) {
          const [a, b] = [await sqlite(token), await pg(token)];
          expect(b, token).toEqual(a);
          out.push(b?.name ?? null);
        }
      }
      return out;
    };
    expect(await answers()).toEqual(['zhao', null, 'owner', 'owner', null, 'zhao', null, 'owner', null, null]);
    await onBoth(e, (s) => s.team.revoke(5, at));
    expect(await answers()).toEqual(['zhao', null, null, null, null, 'zhao', null, null, null, null]);
  });

  it('shares, audits and pairs alike', async () => {
    const [a, b] = await onBoth(e, async (s) => {
      for (let i = 0; i < 4; i++) {
        await s.team.audit({
          at,
          userId: i || null,
          userName: `u${i}`,
          method: 'POST',
          path: `/api/x/${i}`,
          status: 200 + i,
          detail: i ? null : '{"a":1}',
        });
      }
      const paired = [await s.team.pairedOrigins()];
      await s.team.savePairedOrigins(['chrome-extension://abc', 'chrome-extension://def']);
      paired.push(await s.team.pairedOrigins());
      await s.team.savePairedOrigins(['chrome-extension://def']);
      paired.push(await s.team.pairedOrigins());
      return { audit: await s.team.recentAudit(3), paired };
    });
    expect(b).toEqual(a);
    expect(await pgPairedOrigins(e.db)()).toEqual(await sqlitePairedOrigins(e.sqliteDb)());
    expect(await pgPairedOrigins(e.db)()).toEqual(['chrome-extension://def']);
  });

  it('saves settings and focus notes alike', async () => {
    const [a, b] = await onBoth(e, async (s) => {
      const before = await s.settings.read();
      await s.settings.save(SETTINGS);
      await s.settings.save({ ...SETTINGS, workdays: 'none' });
      await s.focus.write(2, '2026-09-01', '打电话给嘉华', at);
      await s.focus.write(2, '2026-W36', 'week', at);
      await s.focus.write(2, '2026-09-01', '拜访嘉华', at);
      await s.focus.write(3, '2026-09-01', 'li', at);
      const sort = <R extends { period: string }>(rows: R[]) =>
        [...rows].sort((x, y) => (x.period < y.period ? -1 : 1));
      return {
        before,
        after: await s.settings.read(),
        focus: sort(await s.focus.read(2, ['2026-09-01', '2026-W36', '2026-09-02'])),
        none: await s.focus.read(2, []),
      };
    });
    expect(b).toEqual(a);
    expect(b.before).toEqual(DEFAULT_SETTINGS);
    expect(b.focus.map((f) => f.text)).toEqual(['拜访嘉华', 'week']);
  });

  it('shares a file once however often it is shared', async () => {
    const [a, b] = await onBoth(e, async (s) => {
      const id = await s.customers.insertRow(
        {
          name: '共享',
          formerNames: [],
          tier: 'A',
          status: 'active',
          region: [],
          phones: [],
          fax: [],
          emails: [],
          owner: 'wang',
        },
        at,
        null,
      );
      await s.team.share(id, 3, at);
      await s.team.share(id, 3, at);
      const seen = (
        await s.customers.list({ sort: 'due', limit: 9, offset: 0 }, at, { id: 3, name: 'li', role: 'member' })
      ).total;
      await s.team.unshare(id, 3);
      const after = (
        await s.customers.list({ sort: 'due', limit: 9, offset: 0 }, at, { id: 3, name: 'li', role: 'member' })
      ).total;
      return { seen, after };
    });
    expect(b).toEqual(a);
    expect(b).toEqual({ seen: 1, after: 0 });
  });

  it('trusts an accepted token for a second at most when another process revokes it, at once when this one does', async () => {
    let clock = 0;
    const auth = pgTokenAuthenticator(e.db, undefined, { ttlMs: 1000, now: () => clock });
    const [user] = await e.pg.team.list().then((l) => l.filter((u) => u.name === 'wang'));
    if (!user) throw new Error('the fixture has wang');
    await e.pg.team.setToken(user.id, hashToken('wang-1'));
    expect((await auth('wang-1'))?.name).toBe('wang');
    // Another process (the CLI) revokes it: nothing in this process hears of it.
    await e.db.execute(sql`update users set revoked_at = ${at}, token_hash = null where id = ${user.id}`);
    clock = 999;
    expect((await auth('wang-1'))?.name).toBe('wang');
    clock = 1000;
    expect(await auth('wang-1')).toBeNull();
    // A token issued by another process works on its first request: unknown tokens are never kept.
    await e.db.execute(
      sql`update users set revoked_at = null, token_hash = ${hashToken('wang-2')} where id = ${user.id}`,
    );
    expect((await auth('wang-2'))?.name).toBe('wang');
    // Revoked through this process: refused on the next request, well inside the second.
    await e.pg.team.revoke(user.id, at);
    expect(await auth('wang-2')).toBeNull();
  });

  it('keeps the settings for a second at most when another process saves them, not at all when this one does', async () => {
    let clock = 0;
    const kept = pgSettings(e.db, { ttlMs: 1000, now: () => clock });
    await e.pg.settings.save({ ...SETTINGS, firstCallDays: 1 });
    expect((await kept.read()).firstCallDays).toBe(1);
    // Another app process saves: this one keeps what it read for up to a second.
    await e.db.execute(
      sql`update settings set value = ${JSON.stringify({ ...SETTINGS, firstCallDays: 2 })}::jsonb where key = 'app'`,
    );
    clock = 999;
    expect((await kept.read()).firstCallDays).toBe(1);
    clock = 1000;
    expect((await kept.read()).firstCallDays).toBe(2);
    // Saved through this process (another executor, as a request's transaction is): read again at once.
    await e.pg.transaction((tx) => tx.settings.save({ ...SETTINGS, firstCallDays: 3 }));
    expect((await kept.read()).firstCallDays).toBe(3);
  });
});
