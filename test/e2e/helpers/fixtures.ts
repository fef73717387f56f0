import { test as base, expect, type Page } from '@playwright/test';
import { ExtensionBrowser } from './browser.ts';
import { DossierServer, type Seeded, seed, TOKEN } from './server.ts';
import { type Sites, startSites } from './sites.ts';

export interface Dossier {
  server: DossierServer;
  seeded: Seeded;
  ext: ExtensionBrowser;
}

/**
 * Per test: a fresh server with two customers, a fresh Chromium profile with the extension
 * configured through its options page. Per worker: the https fixture sites.
 */
export const test = base.extend<{ dossier: Dossier }, { sites: Sites }>({
  sites: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their deps as a pattern.
    async ({}, use) => {
      const sites = await startSites();
      await use(sites);
      await sites.close();
    },
    { scope: 'worker' },
  ],
  dossier: async ({ sites }, use) => {
    const server = new DossierServer();
    await server.start();
    const seeded = await seed(server);
    const ext = await ExtensionBrowser.launch(sites.chromiumArgs);
    await ext.configure(server.url, TOKEN);
    await use({ server, seeded, ext });
    await ext.close();
    await server.dispose();
  },
});

export { expect };

/** The panel's card for the customer, once the tier is showing. */
export async function expectCustomer(panel: Page, name: string, tier: 'A' | 'B' | 'C') {
  await expect(panel.getByRole('heading', { name })).toBeVisible();
  await expect(panel.getByRole('img', { name: `Tier ${tier}` })).toBeVisible();
}

export const dueLine = (panel: Page, which: 'call' | 'visit') =>
  panel.getByRole('group', { name: which === 'call' ? 'Next call due' : 'Next visit due' });
