import { describe, expect, it } from 'vitest';
import { normaliseServerUrl, parseServerUrl } from './url.ts';

const ok = (url: string) => ({ ok: true, url });
const refused = (problem: string) => ({ ok: false, problem });

describe('parseServerUrl', () => {
  it('keeps a well-formed address, without its trailing slash', () => {
    expect(parseServerUrl('http://127.0.0.1:8787')).toEqual(ok('http://127.0.0.1:8787'));
    expect(parseServerUrl('  http://127.0.0.1:8787/  ')).toEqual(ok('http://127.0.0.1:8787'));
    expect(parseServerUrl('https://dossier.example.com')).toEqual(ok('https://dossier.example.com'));
    expect(parseServerUrl('HTTP://LOCALHOST:8787')).toEqual(ok('http://localhost:8787'));
    expect(parseServerUrl('http://[::1]:8787')).toEqual(ok('http://[::1]:8787'));
    // Behind a reverse proxy on a sub-path.
    expect(parseServerUrl('https://intranet.example.com/dossier/')).toEqual(ok('https://intranet.example.com/dossier'));
  });

  it('adds http:// to a bare host and port', () => {
    expect(parseServerUrl('127.0.0.1:8787')).toEqual(ok('http://127.0.0.1:8787'));
    expect(parseServerUrl('localhost:8787')).toEqual(ok('http://localhost:8787'));
    expect(parseServerUrl('localhost')).toEqual(ok('http://localhost'));
    expect(parseServerUrl('nas:8787')).toEqual(ok('http://nas:8787'));
    expect(parseServerUrl('dossier.lan')).toEqual(ok('http://dossier.lan'));
  });

  it('repairs a mistyped "://" instead of taking the scheme for the host', () => {
    for (const typed of [
      'http//127.0.0.1:8787',
      'http:/127.0.0.1:8787',
      'http:///127.0.0.1:8787',
      'http:\\\\127.0.0.1:8787',
      'HTTP//127.0.0.1:8787/',
    ])
      expect(parseServerUrl(typed), typed).toEqual(ok('http://127.0.0.1:8787'));
    expect(parseServerUrl('https//dossier.example.com')).toEqual(ok('https://dossier.example.com'));
  });

  it('drops an /api or /api/health copied with the address (the client adds /api/…)', () => {
    expect(parseServerUrl('http://127.0.0.1:8787/api/health')).toEqual(ok('http://127.0.0.1:8787'));
    expect(parseServerUrl('127.0.0.1:8787/api/')).toEqual(ok('http://127.0.0.1:8787'));
  });

  it('refuses what cannot be a Dossier server, saying why', () => {
    expect(parseServerUrl('')).toEqual(refused('empty'));
    expect(parseServerUrl('   ')).toEqual(refused('empty'));
    expect(parseServerUrl('ftp://files.example.com')).toEqual(refused('scheme'));
    expect(parseServerUrl('file:///tmp/dossier')).toEqual(refused('scheme'));
    expect(parseServerUrl('asdf')).toEqual(refused('host'));
    expect(parseServerUrl('hello world')).toEqual(refused('host'));
    expect(parseServerUrl('http://')).toEqual(refused('host'));
    expect(parseServerUrl('http:8787')).toEqual(refused('host'));
    expect(parseServerUrl('http://999.1.1.1:8787')).toEqual(refused('host'));
    expect(parseServerUrl('http://127.0.0.1:99999')).toEqual(refused('host'));
    expect(parseServerUrl('http://exa_mple.com')).toEqual(refused('host'));
    expect(parseServerUrl('http://user:pw@127.0.0.1:8787')).toEqual(refused('extra'));
    expect(parseServerUrl('http://127.0.0.1:8787/?token=x')).toEqual(refused('extra'));
    expect(parseServerUrl('http://127.0.0.1:8787/#x')).toEqual(refused('extra'));
  });

  it('normaliseServerUrl is the same rule, null when refused', () => {
    expect(normaliseServerUrl('http//127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
    expect(normaliseServerUrl('not a url')).toBeNull();
    // A value stored by the old rule from "http//…" is no longer read as a server.
    expect(normaliseServerUrl('http://http//127.0.0.1:8787')).toBeNull();
  });
});
