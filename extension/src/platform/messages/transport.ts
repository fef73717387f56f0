import { browser } from '#imports';
import {
  type Answer,
  EVENT_CHANNEL,
  type Event,
  type ParsedRequest,
  type Payload,
  parseAnswer,
  parseEvent,
  parseRequest,
  REQUEST_CHANNEL,
  type Reply,
  type RequestType,
} from './protocol.ts';

/** Sends a typed request to the background and parses its answer. */
export async function request<T extends RequestType>(type: T, payload: Payload<T>): Promise<Answer<T>> {
  const reply: unknown = await browser.runtime.sendMessage({ channel: REQUEST_CHANNEL, type, payload });
  return parseAnswer(type, reply);
}

export type Handlers = {
  [T in RequestType]: (
    payload: Extract<ParsedRequest, { type: T }>['payload'],
    sender: Browser.runtime.MessageSender,
  ) => Promise<Answer<T>>;
};

/**
 * Background side. Uses sendResponse + `return true` rather than a returned promise: that
 * form works in every Chrome and Firefox version we target.
 */
export function handleRequests(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const parsed = parseRequest(message);
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
export function broadcast(event: Event): void {
  browser.runtime.sendMessage({ channel: EVENT_CHANNEL, ...event }).catch(() => {});
}

export function onEvent(listener: (e: Event) => void): () => void {
  const fn = (message: unknown) => {
    const e = parseEvent(message);
    if (e) listener(e);
    return undefined;
  };
  browser.runtime.onMessage.addListener(fn);
  return () => browser.runtime.onMessage.removeListener(fn);
}
