import { captureRequests } from './capture/requests.ts';
import { cardRequests } from './card/requests.ts';
import { logRequests } from './log/requests.ts';
import { outboxRequests } from './outbox/requests.ts';
import type { Requests } from './platform/messages/protocol.ts';
import type { Handlers } from './platform/messages/transport.ts';
import { webmailRequests } from './webmail/requests.ts';

/** Merges features' requests; a type two features both declare is a mistake, refused at start. */
function assemble<D extends Requests[]>(...parts: D): UnionToIntersection<D[number]> {
  const all: Requests = {};
  for (const part of parts) {
    for (const [type, def] of Object.entries(part)) {
      if (Object.hasOwn(all, type)) throw new Error(`request ${type} declared twice`);
      all[type] = def;
    }
  }
  return all as UnionToIntersection<D[number]>;
}
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The one message protocol between the extension's pages (panel, dashboard, options) and its
 * background: every feature's requests, answered by the handlers the background entrypoint
 * composes from each feature.
 */
export const protocol = assemble(cardRequests, webmailRequests, logRequests, outboxRequests, captureRequests);
export type Protocol = typeof protocol;
export type ProtocolHandlers = Handlers<Protocol>;
