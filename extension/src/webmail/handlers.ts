import type { Capture } from '@dossier/shared';
import { senderKey, senderQuery } from '../card/keys.ts';
import type { ContextService } from '../card/service.ts';
import type { Handlers } from '../platform/messages/transport.ts';
import type { WebmailRequests } from './requests.ts';
import { webmailNeedsAllFrames } from './webmail.ts';

/**
 * The background's answer to `webmail/read`: the open message of a tab (`read`: the capture
 * feature's tab reader, every frame on QQ Mail) and its sender's card, cached per address.
 * `read`ing a tab once makes it followed (`follow`, follow.ts): its badge keeps naming the
 * sender's tier as other messages are opened, with the panel closed too.
 */
export function webmailHandlers(deps: {
  read: (tabId: number, frames: { allFrames: boolean }) => Promise<Capture | null>;
  contexts: ContextService;
  follow?: (tabId: number) => void;
}): Handlers<WebmailRequests> {
  return {
    'webmail/read': async ({ tabId, url, refresh }) => {
      const capture = await deps.read(tabId, { allFrames: webmailNeedsAllFrames(url) });
      deps.follow?.(tabId);
      const from = capture?.message?.fromEmail;
      if (!capture || !from) return { capture, view: null };
      const lookup = { card: senderKey(from), query: senderQuery(from) };
      const view = await deps.contexts.lookup(lookup, { refresh: refresh ?? false });
      deps.contexts.senderShown(tabId, url, lookup);
      return { capture, view };
    },
  };
}
