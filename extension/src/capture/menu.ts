import { browser } from '#imports';
import { browserLanguages, resolveLocale } from '../platform/i18n/locale.ts';
import { languageItem } from '../platform/storage/items.ts';
import { captureWords } from './words.ts';

export const SELECTION_MENU_ID = 'dossier-add-selection';

interface FirefoxSidebar {
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the panel from a click on the menu. Must run before anything is awaited: the user's
 * gesture (which sidePanel.open and sidebarAction.open require) ends with the first await.
 */
function openPanel(windowId: number | undefined): void {
  if (browser.sidePanel && windowId !== undefined) {
    browser.sidePanel.open({ windowId }).catch(() => {});
    return;
  }
  (browser as unknown as FirefoxSidebar).sidebarAction?.open().catch(() => {});
}

/**
 * The context menu "Add selection to customer file", in the user's language. A click opens
 * the panel and hands the selected text's capture to it (`onSelection`).
 */
export function startSelectionMenu(onSelection: (tabId: number, frameId: number) => Promise<unknown>): void {
  const create = async () => {
    const locale = resolveLocale(await languageItem.getValue(), browserLanguages());
    await browser.contextMenus.removeAll();
    browser.contextMenus.create({
      id: SELECTION_MENU_ID,
      title: captureWords[locale].capture.menuTitle,
      contexts: ['selection'],
    });
  };
  void create().catch((e) => console.error('[dossier] context menu', e));
  languageItem.watch(() => void create().catch(() => {}));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SELECTION_MENU_ID || tab?.id === undefined) return;
    openPanel(tab.windowId);
    onSelection(tab.id, info.frameId ?? 0).catch((e) => console.error('[dossier] capture selection', e));
  });
}
