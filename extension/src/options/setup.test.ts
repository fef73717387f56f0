import { describe, expect, it } from 'vitest';
import type { ConnectionResult } from '../platform/api/connection.ts';
import type { Connection } from '../platform/storage/items.ts';
import { type SetupDeps, setUp } from './setup.ts';

const TOKEN = 'right-token';

/** Storage in memory and a server that accepts TOKEN at http://127.0.0.1:8787 only. */
function fake(stored: Connection = { serverUrl: 'http://127.0.0.1:8787', token: '' }) {
  const saves: Connection[] = [];
  const tests: Array<[string, string]> = [];
  const deps: SetupDeps = {
    load: async () => stored,
    save: async (c) => {
      saves.push(c);
      stored = c;
    },
    test: async (url, token): Promise<ConnectionResult> => {
      tests.push([url, token]);
      if (url !== 'http://127.0.0.1:8787') return { kind: 'not_running' };
      return token === TOKEN ? { kind: 'ok', version: '0.1.0', paired: false } : { kind: 'wrong_token' };
    },
  };
  return { deps, saves, tests, stored: () => stored };
}

describe('setUp', () => {
  it('a successful test stores the normalised URL and the token', async () => {
    const f = fake();
    const out = await setUp('test', { serverUrl: 'http//127.0.0.1:8787/', token: ` ${TOKEN} ` }, f.deps);
    expect(out).toMatchObject({ kind: 'tested', url: 'http://127.0.0.1:8787', saved: true, result: { kind: 'ok' } });
    expect(f.tests).toEqual([['http://127.0.0.1:8787', TOKEN]]);
    expect(f.stored()).toEqual({ serverUrl: 'http://127.0.0.1:8787', token: TOKEN });
  });

  it('a test that succeeds with what is already stored stores nothing', async () => {
    const f = fake({ serverUrl: 'http://127.0.0.1:8787', token: TOKEN });
    const out = await setUp('test', { serverUrl: '127.0.0.1:8787', token: TOKEN }, f.deps);
    expect(out).toMatchObject({ kind: 'tested', saved: false, result: { kind: 'ok' } });
    expect(f.saves).toEqual([]);
  });

  it('a failed test stores nothing', async () => {
    const f = fake();
    expect(await setUp('test', { serverUrl: '127.0.0.1:8787', token: 'nope' }, f.deps)).toMatchObject({
      saved: false,
      result: { kind: 'wrong_token' },
    });
    expect(await setUp('test', { serverUrl: '127.0.0.1:9', token: TOKEN }, f.deps)).toMatchObject({
      saved: false,
      result: { kind: 'not_running' },
    });
    expect(f.saves).toEqual([]);
  });

  it('save stores what was typed, then tests it', async () => {
    const f = fake();
    const out = await setUp('save', { serverUrl: '127.0.0.1:8787', token: 'nope' }, f.deps);
    expect(out).toMatchObject({ kind: 'tested', saved: true, result: { kind: 'wrong_token' } });
    expect(f.stored()).toEqual({ serverUrl: 'http://127.0.0.1:8787', token: 'nope' });
    // Without a token there is nothing to test: the URL is stored and the token asked for.
    const bare = fake();
    expect(await setUp('save', { serverUrl: 'localhost:8787', token: '' }, bare.deps)).toMatchObject({
      saved: true,
      result: { kind: 'missing_token' },
    });
    expect(bare.tests).toEqual([]);
    expect(bare.stored()).toEqual({ serverUrl: 'http://localhost:8787', token: '' });
  });

  it('refuses a URL that cannot be a server before storing or sending anything', async () => {
    for (const action of ['test', 'save'] as const) {
      const f = fake();
      expect(await setUp(action, { serverUrl: 'ftp://x.example.com', token: TOKEN }, f.deps)).toEqual({
        kind: 'bad_url',
        problem: 'scheme',
      });
      expect(await setUp(action, { serverUrl: '', token: TOKEN }, f.deps)).toEqual({
        kind: 'bad_url',
        problem: 'empty',
      });
      expect(f.saves).toEqual([]);
      expect(f.tests).toEqual([]);
    }
  });

  it('asks the browser for a server beyond this computer before storing or sending anything', async () => {
    const asked: string[][] = [];
    const refused = fake();
    refused.deps.grant = async (origins) => {
      asked.push(origins);
      return false;
    };
    const out = await setUp('save', { serverUrl: '192.168.1.20:8787', token: TOKEN }, refused.deps);
    expect(out).toEqual({ kind: 'no_access', url: 'http://192.168.1.20:8787', origin: 'http://192.168.1.20/*' });
    expect(asked).toEqual([['http://192.168.1.20/*']]);
    expect(refused.saves).toEqual([]);
    expect(refused.tests).toEqual([]);

    const granted = fake();
    granted.deps.grant = async () => true;
    const saved = await setUp('save', { serverUrl: 'https://crm.example.cn', token: TOKEN }, granted.deps);
    expect(saved).toMatchObject({ kind: 'tested', url: 'https://crm.example.cn', saved: true });

    // The local server is in the manifest's host permissions: nothing is asked.
    const local = fake();
    local.deps.grant = async (origins) => {
      asked.push(origins);
      return false;
    };
    await setUp('test', { serverUrl: 'localhost:8787', token: TOKEN }, local.deps);
    expect(asked).toHaveLength(1);
  });

  it('asks for the team server’s own origin, whatever its port and path, never a wildcard', async () => {
    const asked: string[][] = [];
    const f = fake();
    f.deps.grant = async (origins) => {
      asked.push(origins);
      return true;
    };
    await setUp('save', { serverUrl: 'https://dossier.example-corp.internal:8443/', token: TOKEN }, f.deps);
    await setUp('test', { serverUrl: 'https://dossier.example-corp.internal', token: TOKEN }, f.deps);
    expect(asked).toEqual([['https://dossier.example-corp.internal/*'], ['https://dossier.example-corp.internal/*']]);
  });
});
