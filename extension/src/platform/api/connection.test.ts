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
  // The Chrome build's id is pinned: asking to pair answers so.
  if (url.pathname === '/api/extension/pair')
    return json(200, { origin: 'chrome-extension://x', grant: 'pinned', added: false });
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
    expect(await testConnection('http://127.0.0.1:8787', TOKEN, dossier)).toEqual({
      kind: 'ok',
      version: '0.1.0',
      paired: false,
    });
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

  describe('pairing a browser whose extension id is not pinned', () => {
    const MEMBER = 'member-token';
    /** The server as a Firefox options page meets it: refused until a manager's token pairs it. */
    const unpaired = () => {
      const calls: string[] = [];
      let paired = false;
      const impl: typeof fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        const auth = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get(
          'authorization',
        );
        calls.push(
          `${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${url.pathname} ${auth ?? '-'}`,
        );
        const refused = json(403, { error: { code: 'forbidden', message: 'this extension is not paired' } });
        if (url.pathname === '/api/extension/pair') {
          if (auth === `Bearer ${TOKEN}`) {
            const added = !paired;
            paired = true;
            return json(200, { origin: 'moz-extension://x', grant: 'paired', added });
          }
          if (auth === `Bearer ${MEMBER}`) return json(403, { error: { code: 'forbidden', message: 'manager' } });
          return json(401, { error: { code: 'unauthorized', message: 'token not accepted' } });
        }
        return paired ? dossier(input, init) : refused;
      };
      return { impl, calls };
    };

    it("pairs with a manager's token, then says ok and that it paired", async () => {
      const s = unpaired();
      expect(await testConnection('http://127.0.0.1:8787', TOKEN, s.impl)).toEqual({
        kind: 'ok',
        version: '0.1.0',
        paired: true,
      });
      expect(s.calls).toEqual([
        'GET /api/health -',
        `POST /api/extension/pair Bearer ${TOKEN}`,
        'GET /api/health -',
        `GET /api/settings Bearer ${TOKEN}`,
      ]);
      // Once paired, nothing is paired again.
      expect(await testConnection('http://127.0.0.1:8787', TOKEN, s.impl)).toMatchObject({ kind: 'ok', paired: false });
    });

    it("says so when the token is a member's, or wrong, or missing", async () => {
      expect(await testConnection('http://127.0.0.1:8787', MEMBER, unpaired().impl)).toEqual({ kind: 'not_paired' });
      expect(await testConnection('http://127.0.0.1:8787', 'nope', unpaired().impl)).toEqual({ kind: 'wrong_token' });
      expect(await testConnection('http://127.0.0.1:8787', '', unpaired().impl)).toEqual({ kind: 'forbidden' });
    });

    it('sends the token to pair only to what answered health as Dossier', async () => {
      let pairCalls = 0;
      const counting =
        (impl: typeof fetch): typeof fetch =>
        async (input, init) => {
          if (String(input instanceof Request ? input.url : input).endsWith('/api/extension/pair')) pairCalls++;
          return impl(input, init);
        };
      await testConnection(
        'http://127.0.0.1:8080',
        TOKEN,
        counting(async () => new Response('<h1>It works!</h1>')),
      );
      await testConnection(
        'http://127.0.0.1:8080',
        TOKEN,
        counting(async () => json(404, { message: 'Not Found' })),
      );
      expect(pairCalls).toBe(0);
      // Dossier with the pinned id: asked, and answered "pinned" (nothing paired).
      expect(await testConnection('http://127.0.0.1:8787', TOKEN, counting(dossier))).toMatchObject({ paired: false });
      expect(pairCalls).toBe(1);
    });
  });
});
