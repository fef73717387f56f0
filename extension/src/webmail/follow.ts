import type { Capture } from '@dossier/shared';
import { senderKey, senderQuery } from '../card/keys.ts';
import type { ContextService } from '../card/service.ts';
import { webmailNeedsAllFrames } from './webmail.ts';

/** Webmail apps render the message a moment after the URL changes: read again for a few seconds. */
export const FOLLOW_DELAYS_MS = [300, 1000, 2500] as const;

export interface FollowDeps {
  read: (tabId: number, frames: { allFrames: boolean }) => Promise<Capture | null>;
  contexts: Pick<ContextService, 'lookup' | 'senderShown'>;
  wait?: (ms: number) => Promise<void>;
}

/**
 * The toolbar badge of a webmail tab follows its open message, panel open or not: each time the
 * tab's URL changes (another message opened) the message is read again and its sender's card
 * painted. Only in tabs the extension may already read — the toolbar button was pressed there
 * (activeTab, which lasts while the tab stays on that mail site) or the site was allowed —
 * and only once the panel has read a message there: the browser refuses the read otherwise
 * and the tab is no longer followed, so no new access is ever asked for here.
 */
export class WebmailFollower {
  /** Tabs whose message the panel read, with the URL being read now (a newer URL wins). */
  private readonly tabs = new Map<number, string | null>();

  constructor(private readonly deps: FollowDeps) {}

  /** The panel read a message in this tab: follow its next messages too. */
  follow(tabId: number): void {
    if (!this.tabs.has(tabId)) this.tabs.set(tabId, null);
  }

  forget(tabId: number): void {
    this.tabs.delete(tabId);
  }

  following(tabId: number): boolean {
    return this.tabs.has(tabId);
  }

  /** The tab's URL changed. Resolves when the sender was painted, nothing was found, or the tab dropped. */
  async changed(tabId: number, url: string): Promise<void> {
    if (!this.tabs.has(tabId)) return;
    this.tabs.set(tabId, url);
    const wait = this.deps.wait ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (const delay of FOLLOW_DELAYS_MS) {
      await wait(delay);
      if (this.tabs.get(tabId) !== url) return; // another message opened meanwhile: that read wins
      let capture: Capture | null;
      try {
        capture = await this.deps.read(tabId, { allFrames: webmailNeedsAllFrames(url) });
      } catch {
        // No access any more (another site, or the grant ended): the badge goes by the URL again.
        this.tabs.delete(tabId);
        return;
      }
      const from = capture?.message?.fromEmail;
      if (!from) continue;
      if (this.tabs.get(tabId) !== url) return;
      const lookup = { card: senderKey(from), query: senderQuery(from) };
      await this.deps.contexts.lookup(lookup);
      this.deps.contexts.senderShown(tabId, url, lookup);
      return;
    }
  }
}
