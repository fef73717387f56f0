import { describe, expect, it, vi } from 'vitest';
import { makeTestApp } from '../test-utils.ts';

describe('request context', () => {
  it('reads the clock once per request: the write, its due dates and its audit entry share one instant', async () => {
    let reads = 0;
    let now = Date.parse('2026-11-23T02:00:00.000Z');
    // A clock that moves on every read: anything read twice within a request would differ.
    const t = makeTestApp(undefined, {
      clock: () => {
        reads++;
        now += 1000;
        return new Date(now);
      },
    });
    reads = 0;
    const r = await t.request('POST', '/api/customers', { name: '一次读钟有限公司', tier: 'B' });
    expect(r.status).toBe(201);
    expect(reads).toBe(1);
    expect(r.json.updatedAt).toBe(r.json.createdAt);
    const [audit] = await t.sql('select at from audit_log order by id desc limit 1');
    expect(audit?.at).toBe(r.json.createdAt);
  });

  it('reads the settings only for a handler that needs them', async () => {
    const t = makeTestApp();
    await t.sql('alter table settings rename to settings_gone');
    // Without the table, reading the settings fails; a search never reads them, the board does.
    expect((await t.request('GET', '/api/search?q=abc')).status).toBe(200);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await t.request('GET', '/api/due')).status).toBe(500);
    quiet.mockRestore();
  });
});
