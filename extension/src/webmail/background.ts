import type { Capture } from '@dossier/shared';
import { browser } from '#imports';
import type { ContextService } from '../card/service.ts';
import { WebmailFollower } from './follow.ts';
import { webmailHandlers } from './handlers.ts';
import { isWebmailUrl } from './webmail.ts';

/** The background's webmail: the panel's reads of a message, and the tabs whose badge follows theirs. */
export function startWebmail(deps: {
  read: (tabId: number, frames: { allFrames: boolean }) => Promise<Capture | null>;
  contexts: ContextService;
}) {
  const follower = new WebmailFollower(deps);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (!change.url || !follower.following(tabId)) return;
    if (isWebmailUrl(change.url)) void follower.changed(tabId, change.url);
    else follower.forget(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => follower.forget(tabId));
  return { handlers: webmailHandlers({ ...deps, follow: (tabId) => follower.follow(tabId) }) };
}
