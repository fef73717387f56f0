import { browser } from '#imports';
import { formatRoute, type Route } from './router.ts';

/** Opens the dashboard at a view, reusing its tab when one is open already. */
export async function openDashboard(route: Route = { view: 'board' }): Promise<void> {
  const base = browser.runtime.getURL('/dashboard.html');
  const url = `${base}${formatRoute(route)}`;
  const tab = (await browser.tabs.query({})).find((t) => t.url?.startsWith(base));
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { url, active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url });
}
