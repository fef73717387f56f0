import type { Capture } from '@dossier/shared';
import type { Outbox } from '../outbox/queue.ts';
import { outboxItem, summarise } from '../outbox/store.ts';
import { currentApi } from '../platform/api/current.ts';
import { settingsSource } from '../platform/api/settings-cache.ts';
import { broadcast } from '../platform/messages/transport.ts';
import { watchConnection } from '../platform/storage/items.ts';
import { startBadges } from './badge-updater.ts';
import { createCardActions } from './card-actions.ts';
import { createFiles } from './files.ts';
import { cardHandlers } from './handlers.ts';
import { PageCards } from './page-card.ts';
import type { CardEvent } from './requests.ts';
import { ContextService, type Unconfirmed } from './service.ts';

/**
 * The background's cards: their cache over the one API client, the toolbar badges painted
 * from it, and the answers to the card's requests. `unconfirmed`: the logs a card overlays
 * (the log feature's); `readTop`: a tab's top frame read with the capture script.
 */
export function startCards(deps: {
  outbox: Outbox;
  unconfirmed: (customerId: number) => Promise<Unconfirmed>;
  readTop: (tabId: number) => Promise<Capture | null>;
}) {
  const { outbox } = deps;
  const settings = settingsSource(currentApi);
  const contexts = new ContextService({
    fetchAnswer: async (query) => (await currentApi())?.context(query) ?? null,
    fetchBadge: async (url) => (await currentApi())?.contextBadge(url) ?? null,
    unconfirmed: deps.unconfirmed,
    settings,
    onReachable: () => void outbox.flush({ force: true }),
    onChanged: (card, view) => broadcast({ event: 'context/changed', card, view } satisfies CardEvent),
  });
  const badges = startBadges(contexts, async () => {
    const s = summarise(await outbox.state());
    return { waiting: s.waiting, stalled: s.unreachable || s.blocked };
  });
  outboxItem.watch(() => void badges.updateAll());
  watchConnection(() => {
    contexts.clear();
    void outbox.flush({ force: true });
    void badges.updateAll();
  });
  const cards = createCardActions({ api: currentApi, contexts });
  const pageCards = new PageCards({ readTop: deps.readTop, contexts });
  const files = createFiles({ api: currentApi, settings });
  return { contexts, handlers: cardHandlers({ contexts, cards, pageCards, files }) };
}
