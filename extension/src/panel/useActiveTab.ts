import { useEffect, useState } from 'react';
import { browser } from '#imports';

export interface ActiveTab {
  tabId: number | undefined;
  url: string | undefined;
}

/**
 * The active tab of the window this panel lives in, following tab switches, navigations and
 * window focus. Takes the URL straight from the event where it can: every query saved is
 * latency between the click on a tab and the card.
 */
export function useActiveTab(): ActiveTab | null {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  useEffect(() => {
    let windowId: number | undefined;
    let alive = true;
    const set = (t: Browser.tabs.Tab | undefined) => {
      if (alive && t) setTab({ tabId: t.id, url: t.url ?? t.pendingUrl });
    };
    const requery = () => browser.tabs.query({ active: true, windowId: windowId }).then(([t]) => set(t));
    browser.windows.getCurrent().then((w) => {
      windowId = w.id;
      void requery();
    });
    const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
      if (windowId !== undefined && info.windowId !== windowId) return;
      browser.tabs.get(info.tabId).then(set, () => {});
    };
    const onUpdated = (_id: number, change: Browser.tabs.OnUpdatedInfo, t: Browser.tabs.Tab) => {
      if (!t.active || (windowId !== undefined && t.windowId !== windowId)) return;
      if (change.url || change.status === 'complete') set(t);
    };
    const onFocus = () => void requery();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows.onFocusChanged.addListener(onFocus);
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows.onFocusChanged.removeListener(onFocus);
    };
  }, []);
  return tab;
}
