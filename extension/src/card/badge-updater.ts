import { browser } from '#imports';
import { type BadgeFacts, factsOf } from './badge-facts.ts';
import { type BadgeState, badgeFor, type OutboxBadgeInput } from './badge-state.ts';
import type { CardKey } from './keys.ts';
import { classifyPage } from './page.ts';
import type { ContextService, Lookup } from './service.ts';

// MV3 has `action`; Firefox's MV2 build has `browserAction` with the same badge methods.
const action = () => browser.action ?? browser.browserAction;

async function paint(tabId: number, b: BadgeState): Promise<void> {
  try {
    await action().setBadgeText({ tabId, text: b.text });
    if (b.text) await action().setBadgeBackgroundColor({ tabId, color: b.color });
  } catch {
    // The tab closed meanwhile.
  }
}

/**
 * Keeps every tab's badge in step with its URL's card. Per-tab badges (not a global one) so
 * each window shows the right letter for its own active tab.
 */
export function startBadges(contexts: ContextService, outbox: () => Promise<OutboxBadgeInput>) {
  /** Webmail tabs showing a message: the sender's card, for as long as the tab stays on that URL. */
  const senders = new Map<number, { url: string; lookup: Lookup }>();

  const factsFor = async (url: string | undefined, tabId?: number): Promise<BadgeFacts | null> => {
    const sender = tabId === undefined ? undefined : senders.get(tabId);
    if (sender && sender.url === url) return factsOf(await contexts.lookup(sender.lookup));
    if (sender) senders.delete(tabId as number);
    const page = classifyPage(url);
    if (page.kind === 'browser') return null;
    return contexts.badge(page.url);
  };

  const updateTab = async (tabId: number, url: string | undefined) => {
    const [facts, box] = await Promise.all([factsFor(url, tabId), outbox()]);
    await paint(tabId, badgeFor(facts, box));
  };

  const updateAll = async (onlyCard?: CardKey) => {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map((t) => {
        if (t.id === undefined) return undefined;
        if (onlyCard && senders.get(t.id)?.lookup.card === onlyCard) return updateTab(t.id, t.url);
        if (onlyCard) {
          const page = classifyPage(t.url);
          if (page.kind !== 'web' || page.card !== onlyCard) return undefined;
        }
        return updateTab(t.id, t.url);
      }),
    );
  };

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url || change.status) void updateTab(tabId, tab.url);
  });
  browser.tabs.onActivated.addListener(({ tabId }) => {
    browser.tabs.get(tabId).then(
      (tab) => updateTab(tabId, tab.url),
      () => {},
    );
  });
  browser.tabs.onReplaced?.addListener((tabId) => {
    browser.tabs.get(tabId).then(
      (tab) => updateTab(tabId, tab.url),
      () => {},
    );
  });
  // A card changed, or a badge-sized answer was forgotten: that card key's tabs are painted again.
  contexts.listen({
    onChanged: (card) => void updateAll(card),
    onBadgeStale: (card) => void updateAll(card),
    onSenderShown: (tabId, url, lookup) => {
      senders.set(tabId, { url, lookup });
      void updateTab(tabId, url);
    },
  });
  browser.tabs.onRemoved?.addListener((tabId) => senders.delete(tabId));
  void updateAll();
  return { updateAll, updateTab };
}
