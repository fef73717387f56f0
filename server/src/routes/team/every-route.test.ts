import { describe, expect, it } from 'vitest';
import { dumpAll } from '../../dump.test-helpers.ts';
import { idem, makeTestApp } from '../../test-utils.ts';

// Rows that record a request itself (the audit of B's attempts), not anything of A's.
const OWN_RECORDS = ['audit_log'];

/**
 * A plausible valid body per route, so each call reaches its handler rather than a 400 on the body
 * (the caller shares the file with themself: an id that exists on either engine).
 */
const bodies = (caller: number): Record<string, unknown> => ({
  'PATCH /api/customers/:id': { notes: 'B was here', tier: 'C' },
  'POST /api/customers/:id/people': { name: '乙' },
  'PATCH /api/customers/:id/people/:personId': { title: '总经理' },
  'POST /api/customers/:id/keys': { kind: 'domain', value: 'b-was-here.cn' },
  'POST /api/customers/:id/shares': { userId: caller },
  'POST /api/customers/:id/materials': { title: 'B', url: 'https://b.example/' },
  'POST /api/customers/:id/merge': { from: 999 },
  'POST /api/customers/:id/contact-points/confirm': { kind: 'phone', value: '13904001234' },
  'POST /api/import/uploads/:id': { offset: 0, data: 'QQ==' },
  'PATCH /api/commitments/:id': { dueAt: '2026-12-31T02:00:00.000Z' },
  'POST /api/commitments/:id/withdrawn': { reason: 'B was here' },
});

// Team management is for managers: a member is refused outright (403), which reveals no file.
const MANAGERS_ONLY = new Set(['POST /api/users/:id/token', 'POST /api/users/:id/revoke']);

describe('every route with an id, called by another member', () => {
  it('answers 404 (403 for team management) and changes nothing of the owner’s', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const a = t.addUser('a', 'member');
    const b = t.addUser('b', 'member');
    const BODIES = bodies(b.id);
    const other = (await t.request('POST', '/api/customers', { name: 'A other', tier: 'C' }, a.headers)).json;
    const file = (
      await t.request(
        'POST',
        '/api/customers',
        {
          name: '甲方置业',
          tier: 'A',
          website: 'jiafang.cn',
          people: [{ name: '刘建华', mobile: '13904001234' }],
        },
        a.headers,
      )
    ).json;
    const call = (
      await t.request(
        'POST',
        '/api/interactions',
        { customerId: file.id, kind: 'call', appointment: '2026-11-25T02:00:00.000Z', idempotencyKey: idem() },
        a.headers,
      )
    ).json;
    const promise = (
      await t.request(
        'POST',
        '/api/commitments',
        { customerId: file.id, text: '报价', dueAt: '2026-11-30T02:00:00.000Z' },
        a.headers,
      )
    ).json;
    const material = (
      await t.request(
        'POST',
        `/api/customers/${file.id}/materials`,
        { title: '公司简介', url: 'https://jiafang.cn/about' },
        a.headers,
      )
    ).json;
    const merge = (await t.request('POST', `/api/customers/${file.id}/merge`, { from: other.id }, a.headers)).json;
    const upload = (await t.request('POST', '/api/import/uploads', { filename: 'a.csv', size: 1 }, a.headers)).json;
    await t.request('POST', `/api/customers/${file.id}/shares`, { userId: a.id }, a.headers);
    const ids: Record<string, number | string> = {
      id: file.id,
      personId: file.people[0].id,
      keyId: file.keys[0].id,
      materialId: material.id,
      userId: a.id,
      mergeId: merge.mergeId,
    };
    // Params named :id mean the route's own kind of thing.
    const idFor: [RegExp, number | string][] = [
      [/^\/api\/interactions\//, call.id],
      [/^\/api\/commitments\//, promise.id],
      [/^\/api\/users\//, a.id],
      [/^\/api\/import\//, upload.uploadId],
    ];

    const routes = new Map<string, { method: string; path: string }>();
    for (const r of t.app.routes) {
      if (r.method === 'ALL' || !/\/:/.test(r.path) || r.path.startsWith('/calendar/')) continue;
      routes.set(`${r.method} ${r.path}`, r);
    }
    expect(routes.size).toBeGreaterThanOrEqual(25);
    const before = await dumpAll(t, OWN_RECORDS);
    for (const [key, r] of routes) {
      const url = r.path.replace(/:(\w+)/g, (_, name: string) => {
        const special = name === 'id' ? idFor.find(([re]) => re.test(r.path))?.[1] : undefined;
        return String(special ?? ids[name] ?? 1);
      });
      const res = await t.request(r.method, url, BODIES[key], b.headers);
      const expected = MANAGERS_ONLY.has(key) ? 403 : 404;
      expect([key, res.status]).toEqual([key, expected]);
      expect(JSON.stringify(res.json)).not.toMatch(/甲方|刘建华|jiafang/);
    }
    expect(await dumpAll(t, OWN_RECORDS)).toEqual(before);

    // The same id written another way (a leading zero, a decimal point, hex, an exponent) is the
    // same file to a lenient parser: it must be refused or hidden exactly the same.
    const spellings = [
      (n: number) => `0${n}`,
      (n: number) => `${n}.0`,
      (n: number) => `0x${n.toString(16)}`,
      (n: number) => `${n}e0`,
    ];
    for (const [key, r] of routes) {
      for (const spell of spellings) {
        const url = r.path.replace(/:(\w+)/g, (_, name: string) => {
          const special = name === 'id' ? idFor.find(([re]) => re.test(r.path))?.[1] : undefined;
          const value = special ?? ids[name] ?? 1;
          return typeof value === 'number' ? spell(value) : String(value);
        });
        const res = await t.request(r.method, url, BODIES[key], b.headers);
        expect([key, url, res.status < 400]).toEqual([key, url, false]);
        expect(res.status).toBeLessThan(500);
        expect(JSON.stringify(res.json)).not.toMatch(/甲方|刘建华|jiafang/);
      }
    }
    expect(await dumpAll(t, OWN_RECORDS)).toEqual(before);
  });
});
