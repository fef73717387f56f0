import { createHandlers } from '@/src/background/handlers';
import { closeStorageToContentScripts, injectCapture } from '@/src/capture/inject';
import { startSelectionMenu } from '@/src/capture/menu';
import { CaptureService } from '@/src/capture/service';
import { startBadges } from '@/src/card/badge/updater';
import { createCardActions } from '@/src/card/card-actions';
import { ContextService } from '@/src/card/service';
import { startDashboardServices } from '@/src/dashboard/background';
import { InteractionLog } from '@/src/log/service';
import { createBackgroundOutbox } from '@/src/outbox/background';
import { outboxItem, summarise } from '@/src/outbox/store';
import { openPanelOnActionClick } from '@/src/panel/open-on-action';
import { currentApi } from '@/src/platform/api/current';
import { settingsSource } from '@/src/platform/api/settings-cache';
import { broadcast, handleRequests } from '@/src/platform/messages/transport';
import { watchConnection } from '@/src/platform/storage';

// Wiring only: each piece lives in src/<feature>/.
export default defineBackground(() => {
  void closeStorageToContentScripts();
  openPanelOnActionClick();

  const outbox = createBackgroundOutbox();
  let log: InteractionLog | undefined;
  const contexts = new ContextService({
    fetchAnswer: async (query) => (await currentApi())?.context(query) ?? null,
    fetchBadge: async (url) => (await currentApi())?.contextBadge(url) ?? null,
    unconfirmed: async (customerId) => log?.unconfirmed(await outbox.state(), customerId) ?? { logs: [], pending: [] },
    settings: settingsSource(currentApi),
    onReachable: () => void outbox.flush({ force: true }),
    onChanged: (key, view) => {
      broadcast({ event: 'context/changed', key, view });
      void badges.updateAll(key);
    },
    onBadgeStale: (key) => void badges.updateAll(key),
  });
  log = new InteractionLog(outbox, contexts);
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
  const captures = new CaptureService({ inject: injectCapture, api: currentApi, outbox, contexts, broadcast });
  startSelectionMenu((tabId, frameId) => captures.captureSelection(tabId, frameId));
  const cards = createCardActions({ api: currentApi, contexts });
  handleRequests(createHandlers({ contexts, log, outbox, captures, cards }));
  startDashboardServices({ outbox, contexts });
});
