import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CaptureEvent } from './capture/requests.ts';
import { CardEvent } from './card/requests.ts';
import {
  EVENT_CHANNEL,
  parseAnswer as parseAnswerOf,
  parseEvent as parseEventOf,
  parseRequest as parseRequestOf,
  REQUEST_CHANNEL,
  type RequestType,
} from './platform/messages/protocol.ts';
import { type Protocol, protocol } from './protocol.ts';

// The one protocol, as the background parses it: every feature's requests, every event.
const parseRequest = (message: unknown) => parseRequestOf(protocol, message);
const parseAnswer = <T extends RequestType<Protocol>>(type: T, reply: unknown) => parseAnswerOf(protocol, type, reply);
const parseEvent = (message: unknown) => parseEventOf(z.union([CardEvent, CaptureEvent]), message);

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
    // The background, not the panel, sets the key.
    const sneaky = parseRequest(
      req('interaction/log', { url: 'x', customerId: 1, draft: { kind: 'call', idempotencyKey: 'mine-mine-mine' } }),
    );
    expect(
      sneaky.ok && sneaky.request.type === 'interaction/log' && 'idempotencyKey' in sneaky.request.payload.draft,
    ).toBe(false);
  });
});

describe('card actions', () => {
  it('cancels an appointment or reopens a file for one customer, from a page or a sender', () => {
    for (const type of ['appointment/cancel', 'customer/reopen']) {
      expect(parseRequest(req(type, { url: 'https://www.xz-land.com.cn/', customerId: 3 }))).toMatchObject({
        ok: true,
        request: { type, payload: { customerId: 3 } },
      });
      expect(
        parseRequest(req(type, { url: 'https://mail.google.com/', customerId: 3, sender: 'wang@xz-land.com.cn' })),
      ).toMatchObject({ ok: true });
      expect(parseRequest(req(type, { url: 'https://x.cn/', customerId: 0 }))).toMatchObject({ ok: false });
    }
  });

  it('confirms a phone or e-mail of the card still right, and refuses one without a kind or value', () => {
    const url = 'https://www.xz-land.com.cn/';
    const point = { kind: 'phone', value: '+86 139 5200 0001', personId: 7 };
    expect(parseRequest(req('contact-point/confirm', { url, customerId: 3, point }))).toMatchObject({
      ok: true,
      request: { type: 'contact-point/confirm', payload: { customerId: 3, point } },
    });
    for (const bad of [{ kind: 'fax', value: '1' }, { kind: 'email', value: '' }, undefined]) {
      expect(parseRequest(req('contact-point/confirm', { url, customerId: 3, point: bad }))).toMatchObject({
        ok: false,
      });
    }
  });

  it('takes a contact made earlier with its time, and the outcome of an appointment', () => {
    const at = '2026-11-30T02:00:00.000Z';
    expect(
      parseRequest(
        req('interaction/log', { url: 'x', customerId: 1, draft: { kind: 'call', at, meetsAppointment: true } }),
      ),
    ).toMatchObject({ ok: true, request: { payload: { draft: { at, meetsAppointment: true } } } });
  });
});

describe('parseAnswer', () => {
  it('returns the typed answer or throws the error the background sent', () => {
    const capture = {
      url: 'https://www.jiahe-build.com.cn/',
      kind: 'company',
      adapter: 'generic',
      company: null,
      people: [],
      message: null,
      parcels: [],
    };
    const started = {
      capture,
      rest: null,
      inspect: { url: capture.url, queries: [{ url: capture.url }], compare: true },
    };
    expect(parseAnswer('capture/start', { ok: true, answer: started })).toEqual(started);
    // A capture is parsed with the shared schema on the way in: no foreign shapes reach the preview.
    expect(() =>
      parseAnswer('capture/start', { ok: true, answer: { ...started, capture: { ...capture, kind: 'x' } } }),
    ).toThrow();
    expect(parseAnswer('context/get', { ok: true, answer: { state: 'browser' } })).toEqual({ state: 'browser' });
    expect(() => parseAnswer('context/get', { ok: false, error: 'too late to undo' })).toThrow('too late to undo');
    expect(() => parseAnswer('context/get', { ok: true, answer: { state: 'nonsense' } })).toThrow();
    expect(() => parseAnswer('context/get', undefined)).toThrow('no valid reply');
  });
});

describe('capture requests', () => {
  const capture = {
    url: 'https://mail.google.com/mail/u/0/#inbox/abc',
    kind: 'webmail',
    adapter: 'gmail',
    company: null,
    people: [],
    message: { fromEmail: 'wang@xz-land.com.cn', subject: '报价' },
    parcels: [],
  };

  it('saves to a customer, a new file or (land) the winners; never with a key chosen by the panel', () => {
    for (const target of [{ customerId: 3 }, { new: { name: '嘉禾建设', tier: 'B' } }, { land: { tier: 'C' } }]) {
      expect(
        parseRequest(req('capture/save', { capture, target, addDomainKey: false, sender: 'wang@xz-land.com.cn' })),
      ).toMatchObject({ ok: true });
    }
    expect(
      parseRequest(req('capture/save', { capture, target: { customerId: -1 }, addDomainKey: false })),
    ).toMatchObject({
      ok: false,
    });
    const sneaky = parseRequest(
      req('capture/save', {
        capture,
        target: { customerId: 3 },
        addDomainKey: false,
        idempotencyKey: 'mine-mine-mine',
      }),
    );
    expect(sneaky.ok && 'idempotencyKey' in sneaky.request.payload).toBe(false);
  });

  it('logs from webmail with the sender, reads webmail per tab', () => {
    expect(
      parseRequest(
        req('interaction/log', {
          url: capture.url,
          customerId: 1,
          draft: { kind: 'call', summary: '报价' },
          sender: 'wang@xz-land.com.cn',
        }),
      ),
    ).toMatchObject({ ok: true, request: { payload: { sender: 'wang@xz-land.com.cn' } } });
    expect(parseRequest(req('webmail/read', { url: capture.url, tabId: 4 }))).toMatchObject({ ok: true });
    expect(parseRequest(req('webmail/read', { url: capture.url }))).toMatchObject({ ok: false });
  });
});

describe('parseEvent', () => {
  it('accepts capture events with their typed payloads', () => {
    expect(parseEvent({ channel: EVENT_CHANNEL, event: 'capture/ready', tabId: 4 })).toEqual({
      event: 'capture/ready',
      tabId: 4,
    });
    expect(parseEvent({ channel: EVENT_CHANNEL, event: 'capture/saved', outboxId: 'x', saved: {} })).toBeNull();
  });

  it('accepts context changes and nothing else', () => {
    const e = { channel: EVENT_CHANNEL, event: 'context/changed', card: 'x.cn', view: { state: 'browser' } };
    expect(parseEvent(e)).toEqual({ event: 'context/changed', card: 'x.cn', view: { state: 'browser' } });
    expect(parseEvent({ ...e, channel: REQUEST_CHANNEL })).toBeNull();
    expect(parseEvent({ ...e, view: { state: 'weird' } })).toBeNull();
  });
});
