import { browser } from '#imports';

interface FirefoxSidebar {
  sidebarAction?: { toggle(): Promise<void> };
  browserAction?: { onClicked: { addListener(cb: () => void): void } };
}

/**
 * The toolbar button opens the panel: Chrome does it itself once told; Firefox's MV2 build
 * toggles its sidebar from the click (a user action, as sidebarAction requires).
 */
export function openPanelOnActionClick(): void {
  if (browser.sidePanel) {
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return;
  }
  const ff = browser as unknown as FirefoxSidebar;
  if (ff.sidebarAction && ff.browserAction) {
    const sidebar = ff.sidebarAction;
    ff.browserAction.onClicked.addListener(() => void sidebar.toggle());
  }
}
