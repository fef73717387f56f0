import type { Capture } from '@dossier/shared';
import type { Answer } from '../platform/messages/protocol.ts';
import { type PageKeys, pageCardKey, pageKeys, pageQuery } from './page-keys.ts';
import type { CardRequests } from './requests.ts';
import type { ContextService } from './service.ts';

/** How long, and for how many pages, the keys read from a page are kept. */
const PAGE_KEYS_MS = 5 * 60_000;
const PAGE_KEYS_KEPT = 50;

/**
 * The card of the company a page is about, by the keys the page shows (page-keys.ts); only
 * for a web page whose URL matched nobody, read with the capture script in its top frame
 * (`readTop`, given by the background: the capture feature's tab reader).
 */
export class PageCards {
  /** The keys read from pages lately, by URL, oldest first. */
  private readonly pageKeys = new Map<string, { keys: PageKeys; at: number }>();

  constructor(
    private readonly deps: { readTop: (tabId: number) => Promise<Capture | null>; contexts: ContextService },
  ) {}

  async read(tabId: number, url: string, refresh: boolean): Promise<Answer<CardRequests, 'context/page'>> {
    // Switching back to a tab is not a reason to read its page again: its keys are kept a while.
    const had = this.pageKeys.get(url);
    const keys =
      !refresh && had && Date.now() - had.at < PAGE_KEYS_MS ? had.keys : pageKeys(await this.deps.readTop(tabId));
    this.pageKeys.delete(url);
    this.pageKeys.set(url, { keys, at: had?.keys === keys ? had.at : Date.now() });
    for (const k of this.pageKeys.keys()) if (this.pageKeys.size > PAGE_KEYS_KEPT) this.pageKeys.delete(k);
    const query = pageQuery(url, keys);
    if (!query) return { keys, view: null };
    return { keys, view: await this.deps.contexts.lookup({ card: pageCardKey(url), query }, { refresh }) };
  }
}
