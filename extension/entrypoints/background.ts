import { startCaptures } from '@/src/capture/background';
import { readTab } from '@/src/capture/inject';
import { startCards } from '@/src/card/background';
import { logHandlers } from '@/src/log/handlers';
import { LogOverlay } from '@/src/log/overlay';
import { InteractionLog } from '@/src/log/service';
import { startNotifications } from '@/src/notifications/background';
import { createBackgroundOutbox } from '@/src/outbox/background';
import { outboxHandlers } from '@/src/outbox/handlers';
import { openPanelOnActionClick } from '@/src/panel/open-on-action';
import { handleRequests } from '@/src/platform/messages/transport';
import { closeStorageToContentScripts } from '@/src/platform/storage/items';
import { protocol } from '@/src/protocol';
import { startWebmail } from '@/src/webmail/background';

// Wiring only: each feature lives in src/<feature>/ and answers its own requests.
export default defineBackground(() => {
  void closeStorageToContentScripts();
  openPanelOnActionClick();
  const outbox = createBackgroundOutbox();
  const overlay = new LogOverlay();
  const card = startCards({
    outbox,
    unconfirmed: async (customerId) => overlay.unconfirmed(await outbox.state(), customerId),
    readTop: (tabId) => readTab(tabId, { allFrames: false }),
  });
  const log = new InteractionLog(outbox, card.contexts, overlay);
  const capture = startCaptures({ outbox, contexts: card.contexts });
  const webmail = startWebmail({ read: readTab, contexts: card.contexts });
  startNotifications();
  handleRequests(protocol, {
    ...card.handlers,
    ...webmail.handlers,
    ...logHandlers({ log, outbox }),
    ...outboxHandlers({ outbox }),
    ...capture.handlers,
  });
});
