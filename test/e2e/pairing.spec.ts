import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_KEY } from '../../extension/manifest-key.ts';
import { PINNED_EXTENSION_ID } from '../../server/src/env.ts';
import { ExtensionBrowser } from './helpers/browser.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';
import { chromeBuild } from './helpers/paths.ts';
import { DossierServer, seed, TOKEN } from './helpers/server.ts';

/** What Chrome does with a manifest `key`: SHA-256 of the DER key, 32 hex digits as a–p. */
const idOfKey = (key: string) =>
  [...createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)]
    .map((d) => String.fromCharCode(97 + Number.parseInt(d, 16)))
    .join('');

/** What a content script gets when it asks storage.local for everything (run in the page's isolated world). */
async function contentScriptReadsStorage(ext: ExtensionBrowser, tabId: number): Promise<string> {
  const [r] = await ext.worker.evaluate(
    (id) =>
      chrome.scripting.executeScript({
        target: { tabId: id },
        func: async () => {
          try {
            const all = await chrome.storage.local.get(null);
            return `read: ${Object.keys(all).sort().join(',')}`;
          } catch (e) {
            return `refused: ${e instanceof Error ? e.message : String(e)}`;
          }
        },
      }),
    tabId,
  );
  return String(r?.result);
}

test.describe('the extension id and pairing', () => {
  test('the Chrome build has the pinned id, which the server accepts without configuration', async ({ dossier }) => {
    const { ext } = dossier;
    expect(idOfKey(MANIFEST_KEY)).toBe(PINNED_EXTENSION_ID);
    expect(ext.extensionId).toBe(PINNED_EXTENSION_ID);
    // The fixture's server has no DOSSIER_EXTENSION_ORIGINS: the panel works all the same.
    const site = await ext.openSite('https://www.xz-land.com.cn/');
    const panel = await ext.openPanel();
    await site.bringToFront();
    await expectCustomer(panel, '徐州某某置业有限公司', 'A');
    expect(dossier.server.pairedOrigins()).toEqual([]);
  });

  test('another id is refused until the options page pairs it with the owner token; a web page cannot', async ({
    sites,
  }) => {
    // The same build without its key: Chrome gives it an id of its own (from the folder's path).
    const build = mkdtempSync(join(tmpdir(), 'dossier-e2e-unpinned-'));
    cpSync(chromeBuild, build, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
    delete manifest.key;
    writeFileSync(join(build, 'manifest.json'), JSON.stringify(manifest));
    const server = new DossierServer();
    await server.start();
    await seed(server);
    const ext = await ExtensionBrowser.launch(sites.chromiumArgs, undefined, build);
    try {
      expect(ext.extensionId).not.toBe(PINNED_EXTENSION_ID);
      const origin = `chrome-extension://${ext.extensionId}`;
      const options = await ext.context.newPage();
      await options.goto(ext.extensionUrl('options.html'));
      // A write from the extension: Chrome sends its Origin on POSTs (its GETs to a host it may
      // reach carry none, and are judged by the token alone, as a script's would be).
      const write = (name: string) =>
        options.evaluate(
          async ([u, t, n]) =>
            (
              await fetch(`${u}/api/customers`, {
                method: 'POST',
                headers: { Authorization: `Bearer ${t}`, 'content-type': 'application/json' },
                body: JSON.stringify({ name: n, tier: 'C' }),
              })
            ).status,
          [server.url, TOKEN, name],
        );
      expect(await write('配对前有限公司')).toBe(403);

      // A web page with the token in hand still can't pair itself: its Origin is its own.
      const page = await ext.openSite('https://www.xz-land.com.cn/');
      const fromPage = await page.evaluate(
        async ([u, t]) =>
          fetch(u as string, { method: 'POST', headers: { Authorization: `Bearer ${t}` } }).then(
            (r) => `HTTP ${r.status}`,
            (e: unknown) => `failed: ${String(e)}`,
          ),
        [`${server.url}/api/extension/pair`, TOKEN],
      );
      expect(fromPage).not.toBe('HTTP 200');
      expect(server.pairedOrigins()).toEqual([]);

      const result = options.getByRole('status');
      await options.getByLabel('Server URL').fill(server.url);
      await options.getByLabel('Token').fill('not-the-token');
      await options.getByRole('button', { name: 'Test connection' }).click();
      await expect(result).toContainText('Wrong token');
      expect(server.pairedOrigins()).toEqual([]);

      await options.getByLabel('Token').fill(TOKEN);
      await options.getByRole('button', { name: 'Test connection' }).click();
      await expect(result).toContainText('Connected to Dossier');
      await expect(result).toContainText('This browser is now paired with the server.');
      expect(server.pairedOrigins()).toEqual([origin]);
      expect(await write('配对后有限公司')).toBe(201);

      // Saved, the panel works as with the pinned build; a second test pairs nothing new.
      await options.getByRole('button', { name: 'Save' }).click();
      await expect(result).toContainText('Saved');
      await options.getByRole('button', { name: 'Test connection' }).click();
      await expect(result).toHaveText(/^Connected to Dossier [^ ]+\. The token is accepted\.$/);
      await page.bringToFront();
      const panel = await ext.openPanel();
      await page.bringToFront();
      await expectCustomer(panel, '徐州某某置业有限公司', 'A');
    } finally {
      await ext.close();
      await server.dispose();
      rmSync(build, { recursive: true, force: true });
    }
  });

  test('the token is kept where content scripts cannot read it, and survives a browser restart', async ({
    dossier,
  }) => {
    const { ext } = dossier;
    const site = await ext.openSite('https://www.xz-land.com.cn/');
    // The toolbar button lets the extension into the page (activeTab): the probe runs there.
    await ext.pressButton(site);
    const tabId = await ext.tabId(site);
    expect(await contentScriptReadsStorage(ext, tabId)).toMatch(/^refused: /);
    // Not vacuous: opened to content scripts, the same probe reads the token's key.
    await ext.worker.evaluate(() =>
      chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }),
    );
    expect(await contentScriptReadsStorage(ext, tabId)).toContain('token');
    await ext.worker.evaluate(() => chrome.storage.local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }));

    await ext.restart();
    const again = await ext.openSite('https://www.xz-land.com.cn/');
    await ext.pressButton(again);
    expect(await contentScriptReadsStorage(ext, await ext.tabId(again))).toMatch(/^refused: /);
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await expect(options.getByLabel('Token')).toHaveValue(TOKEN);
    const panel = await ext.openPanel();
    await again.bringToFront();
    await expectCustomer(panel, '徐州某某置业有限公司', 'A');
  });
});
