import type { z } from 'zod';
import { browser } from '#imports';
import {
  type Answer,
  EVENT_CHANNEL,
  type ParsedPayload,
  type Payload,
  parseAnswer,
  parseEvent,
  parseRequest,
  REQUEST_CHANNEL,
  type Reply,
  type Requests,
  type RequestType,
} from './protocol.ts';

/** A typed sender of a feature's requests: each answer parsed with the request's own schema. */
export function requester<D extends Requests>(requests: D) {
  return async <T extends RequestType<D>>(type: T, payload: Payload<D, T>): Promise<Answer<D, T>> => {
    const reply: unknown = await browser.runtime.sendMessage({ channel: REQUEST_CHANNEL, type, payload });
    return parseAnswer(requests, type, reply);
  };
}

export type Handlers<D extends Requests> = {
  [T in RequestType<D>]: (payload: ParsedPayload<D, T>, sender: Browser.runtime.MessageSender) => Promise<Answer<D, T>>;
};

/**
 * Background side. Uses sendResponse + `return true` rather than a returned promise: that
 * form works in every Chrome and Firefox version we target.
 */
export function handleRequests<D extends Requests>(requests: D, handlers: Handlers<D>): void {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const parsed = parseRequest(requests, message);
    if (!parsed.ok) {
      if ('ignore' in parsed) return undefined;
      sendResponse({ ok: false, error: parsed.error } satisfies Reply);
      return undefined;
    }
    const { type, payload } = parsed.request;
    const handler = handlers[type] as (p: typeof payload, s: typeof sender) => Promise<unknown>;
    handler(payload, sender).then(
      (answer) => sendResponse({ ok: true, answer } satisfies Reply),
      (e: unknown) => sendResponse({ ok: false, error: e instanceof Error ? e.message : String(e) } satisfies Reply),
    );
    return true;
  });
}

/** Background → pages. Nobody listening (panel closed) is normal, not an error. */
export function broadcast<E extends { event: string }>(event: E): void {
  browser.runtime.sendMessage({ channel: EVENT_CHANNEL, ...event }).catch(() => {});
}

/** Pages: a listener of one feature's events (`schema`); returns its removal. */
export function eventListener<E extends z.ZodType>(schema: E) {
  return (listener: (e: z.output<E>) => void): (() => void) => {
    const fn = (message: unknown) => {
      const e = parseEvent(schema, message);
      if (e) listener(e);
      return undefined;
    };
    browser.runtime.onMessage.addListener(fn);
    return () => browser.runtime.onMessage.removeListener(fn);
  };
}
