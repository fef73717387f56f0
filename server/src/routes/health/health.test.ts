import { describe, expect, it } from 'vitest';
import { PINNED_EXTENSION_ORIGIN } from '../../env.ts';
import { makeTestApp, TOKEN } from '../../test-utils.ts';

describe('health, auth and the guard in front of every route', () => {
  it('health answers without a token', async () => {
    const t = makeTestApp();
    const r = await t.app.request('/api/health');
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, name: 'dossier', version: 'test' });
  });

  it.each([
    ['no header', {}],
    ['wrong token', { authorization: 'Bearer wrong-token-000000000' }],
    ['wrong scheme', { authorization: `Basic ${TOKEN}` }],
  ])('401 unauthorized with %s, no data', async (_, headers) => {
    const t = makeTestApp();
    for (const path of [
      '/api/customers',
      '/api/context?url=https://x.com',
      '/api/search?q=abc',
      '/api/due',
      '/api/settings',
      '/api/openapi.json',
    ]) {
      const r = await t.app.request(path, { headers });
      expect(r.status).toBe(401);
      expect(await r.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
  });

  it('refuses a web page origin with 403 before touching data, and answers the extension with CORS', async () => {
    const t = makeTestApp();
    const evil = await t.request('GET', '/api/customers', undefined, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.json.error.code).toBe('forbidden');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const ext = PINNED_EXTENSION_ORIGIN;
    const ok = await t.request('GET', '/api/customers', undefined, { origin: ext });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ext);
    const pre = await t.app.request('/api/interactions', { method: 'OPTIONS', headers: { origin: ext } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('rejects an unexpected Host (DNS rebinding) when hosts are configured', async () => {
    const t = makeTestApp(undefined, { allowedHosts: new Set(['127.0.0.1:8787']) });
    expect((await t.request('GET', '/api/customers', undefined, { host: 'attacker.example:8787' })).status).toBe(403);
    expect((await t.request('GET', '/api/customers', undefined, { host: '127.0.0.1:8787' })).status).toBe(200);
  });

  it('415 for non-JSON bodies, 413 for oversized ones, 404 JSON for unknown routes', async () => {
    const t = makeTestApp();
    const form = await t.request('POST', '/api/customers', 'name=x', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe('unsupported_media_type');
    const huge = await t.request('POST', '/api/customers', { name: 'x', tier: 'A', notes: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
    const nope = await t.request('GET', '/api/nope');
    expect(nope.status).toBe(404);
    expect(nope.json.error.code).toBe('not_found');
  });

  it('answers 429 to wrong tokens after too many, but the right token still passes', async () => {
    const t = makeTestApp(undefined, { authFailuresPerMinute: 3 });
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.request('GET', '/api/customers', undefined, { authorization: `Bearer guess-${i}-000000000` })).status,
      ).toBe(401);
    }
    const locked = await t.request('GET', '/api/customers', undefined, { authorization: 'Bearer guess-4-000000000' });
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.request('GET', '/api/customers')).status).toBe(200);
  });

  it('sets security headers on every response', async () => {
    const t = makeTestApp();
    const r = await t.app.request('/api/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});
