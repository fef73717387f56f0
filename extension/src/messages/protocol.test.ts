import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, parseAnswer, parseEvent, parseRequest, REQUEST_CHANNEL } from './protocol.ts';

const req = (type: string, payload: unknown) => ({ channel: REQUEST_CHANNEL, type, payload });

describe('parseRequest', () => {
  it('accepts each well-formed request with its typed payload', () => {
    expect(parseRequest(req('context/get', { url: 'https://www.xz-land.com.cn/' }))).toEqual({
      ok: true,
      request: { type: 'context/get', payload: { url: 'https://www.xz-land.com.cn/' } },
    });
    const log = parseRequest(
      req('interaction/log', { url: 'https://x.cn/', customerId: 3, draft: { kind: 'call', summary: '  hi  ' } }),
    );
    // The shared schema trims text on the way in.
    expect(log).toMatchObject({
      ok: true,
      request: { payload: { customerId: 3, draft: { kind: 'call', summary: 'hi' } } },
    });
    expect(parseRequest(req('capture/start', { url: 'https://x.cn/', tabId: 4 }))).toMatchObject({ ok: true });
  });

  it('ignores messages that are not ours', () => {
    expect(parseRequest({ type: 'context/get' })).toEqual({ ok: false, ignore: true });
    expect(parseRequest('hello')).toEqual({ ok: false, ignore: true });
    expect(parseRequest({ channel: EVENT_CHANNEL, event: 'context/changed' })).toEqual({ ok: false, ignore: true });
  });

  it('refuses unknown types and malformed payloads with a reason', () => {
    expect(parseRequest(req('customers/delete-all', {}))).toEqual({
      ok: false,
      error: 'unknown request customers/delete-all',
    });
    expect(parseRequest(req('__proto__', {}))).toMatchObject({ ok: false, error: expect.stringContaining('unknown') });
    const bad = parseRequest(req('interaction/log', { url: 'x', customerId: -1, draft: { kind: 'fax' } }));
    expect(bad).toMatchObject({ ok: false, error: expect.stringContaining('bad interaction/log payload') });
    // The background, not the panel, sets the key and the time.
    const sneaky = parseRequest(
      req('interaction/log', { url: 'x', customerId: 1, draft: { kind: 'call', idempotencyKey: 'mine-mine-mine' } }),
    );
    expect(
      sneaky.ok && sneaky.request.type === 'interaction/log' && 'idempotencyKey' in sneaky.request.payload.draft,
    ).toBe(false);
  });
});

describe('parseAnswer', () => {
  it('returns the typed answer or throws the error the background sent', () => {
    expect(parseAnswer('capture/start', { ok: true, answer: { acknowledged: true } })).toEqual({ acknowledged: true });
    expect(parseAnswer('context/get', { ok: true, answer: { state: 'browser' } })).toEqual({ state: 'browser' });
    expect(() => parseAnswer('context/get', { ok: false, error: 'too late to undo' })).toThrow('too late to undo');
    expect(() => parseAnswer('context/get', { ok: true, answer: { state: 'nonsense' } })).toThrow();
    expect(() => parseAnswer('context/get', undefined)).toThrow('no valid reply');
  });
});

describe('parseEvent', () => {
  it('accepts context changes and nothing else', () => {
    const e = { channel: EVENT_CHANNEL, event: 'context/changed', key: 'x.cn', view: { state: 'browser' } };
    expect(parseEvent(e)).toEqual({ event: 'context/changed', key: 'x.cn', view: { state: 'browser' } });
    expect(parseEvent({ ...e, channel: REQUEST_CHANNEL })).toBeNull();
    expect(parseEvent({ ...e, view: { state: 'weird' } })).toBeNull();
  });
});
