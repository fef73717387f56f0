import { browser } from '#imports';
import type { PageReadableEvent } from '../card/requests.ts';
import { broadcast } from '../platform/messages/transport.ts';

interface FirefoxSidebar {
  sidebarAction?: { toggle(): Promise<void> };
  browserAction?: { onClicked: { addListener(cb: (tab: { id?: number }) => void): void } };
}

/**
 * The toolbar button opens the panel, and is how the user lets Dossier read the page: the
 * click grants activeTab for that tab. Chrome's own `openPanelOnActionClick` opens the panel
 * without that grant (the extension holds no host permission for sites), so the click is taken
 * here and the panel opened from it — still a user action, as sidePanel.open requires.
 * Firefox's MV2 build toggles its sidebar the same way.
 */
export function openPanelOnActionClick(): void {
  const pressed = (tabId: number | undefined) => {
    if (tabId !== undefined) broadcast({ event: 'page/readable', tabId } satisfies PageReadableEvent);
  };
  if (browser.sidePanel) {
    // The behaviour is kept by the browser across updates: an earlier build set it to true.
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => {});
    browser.action.onClicked.addListener((tab) => {
      // Called before anything is awaited: the click's gesture ends with the first await.
      if (tab.windowId !== undefined) browser.sidePanel.open({ windowId: tab.windowId }).catch(() => {});
      pressed(tab.id);
    });
    return;
  }
  const ff = browser as unknown as FirefoxSidebar;
  if (ff.sidebarAction && ff.browserAction) {
    const sidebar = ff.sidebarAction;
    ff.browserAction.onClicked.addListener((tab) => {
      void sidebar.toggle();
      pressed(tab.id);
    });
  }
}
