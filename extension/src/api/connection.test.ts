import { describe, expect, it } from 'vitest';
import { testConnection } from './connection.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const TOKEN = 'right-token';

/** A Dossier server as far as the options page can tell: health is public, the rest needs the token. */
const dossier: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.pathname === '/api/health') return json(200, { ok: true, name: 'dossier', version: '0.1.0' });
  const auth = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get(
    'authorization',
  );
  if (auth !== `Bearer ${TOKEN}`) return json(401, { error: { code: 'unauthorized', message: 'token not accepted' } });
  return json(200, {
    cadence: {
      A: { callDays: 7, visitDays: 60 },
      B: { callDays: 7, visitDays: 90 },
      C: { callDays: 14, visitDays: 120 },
    },
    timeZone: 'Asia/Shanghai',
  });
};

describe('testConnection', () => {
  it('says ok with the right token', async () => {
    expect(await testConnection('http://127.0.0.1:8787', TOKEN, dossier)).toEqual({ kind: 'ok', version: '0.1.0' });
  });

  it('tells a wrong token apart', async () => {
    expect(await testConnection('http://127.0.0.1:8787/', 'nope', dossier)).toEqual({ kind: 'wrong_token' });
    expect(await testConnection('127.0.0.1:8787', '', dossier)).toEqual({ kind: 'missing_token' });
  });

  it('tells a server that is not running apart', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await testConnection('http://127.0.0.1:9', TOKEN, down)).toEqual({ kind: 'not_running' });
  });

  it('tells a wrong URL apart: something else answers, or it is no URL at all', async () => {
    const other: typeof fetch = async () => new Response('<h1>It works!</h1>', { status: 200 });
    expect(await testConnection('http://127.0.0.1:8080', TOKEN, other)).toEqual({ kind: 'not_dossier' });
    const notFound: typeof fetch = async () => json(404, { message: 'Not Found' });
    expect(await testConnection('http://127.0.0.1:8080', TOKEN, notFound)).toEqual({ kind: 'not_dossier' });
    const lookalike: typeof fetch = async () => json(200, { ok: true, name: 'something-else' });
    expect(await testConnection('http://127.0.0.1:8080', TOKEN, lookalike)).toEqual({ kind: 'not_dossier' });
    // A web server that sends no CORS headers: the read fails, an opaque probe still gets through.
    const noCors: typeof fetch = async (_input, init) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    };
    expect(await testConnection('https://www.example.com', TOKEN, noCors)).toEqual({ kind: 'not_dossier' });
    expect(await testConnection('ftp://example.com', TOKEN, dossier)).toEqual({ kind: 'invalid_url' });
    expect(await testConnection('http://', TOKEN, dossier)).toEqual({ kind: 'invalid_url' });
  });
});
