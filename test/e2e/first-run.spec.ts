import type { Page } from '@playwright/test';
import { ExtensionBrowser } from './helpers/browser.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';
import { DossierServer, seed, TOKEN } from './helpers/server.ts';

// The one extension API this spec adds to helpers/chrome.d.ts's few.
declare global {
  namespace chrome {
    namespace runtime {
      function openOptionsPage(): Promise<void>;
    }
  }
}

/**
 * The README's first hour, in a browser that has never seen Dossier: the server runs, the
 * extension is loaded unpacked; the user opens its options, enters the server URL and the token
 * `pnpm start` printed, presses Test connection — and nothing else — and the side panel shows
 * the customer of the page that is open.
 */
test.describe('first run', () => {
  let server: DossierServer;
  let ext: ExtensionBrowser;

  test.beforeEach(async ({ sites }) => {
    server = new DossierServer();
    await server.start();
    await seed(server);
    ext = await ExtensionBrowser.launch(sites.chromiumArgs);
  });

  test.afterEach(async () => {
    await ext.close();
    await server.dispose();
  });

  /** The options page as the browser opens it (the extension's "Options" entry). */
  async function openOptions() {
    await ext.worker.evaluate(() => chrome.runtime.openOptionsPage());
    const find = () => ext.context.pages().find((p) => p.url().endsWith('/options.html'));
    await expect.poll(() => find() !== undefined).toBe(true);
    const page = find() as Page;
    await page.waitForLoadState('domcontentloaded');
    return page;
  }

  const stored = () =>
    ext.worker.evaluate(async () => {
      const { serverUrl, token } = await chrome.storage.local.get(null);
      return { serverUrl, token };
    });

  test('Test connection alone sets the extension up; the panel shows a known customer', async () => {
    const site = await ext.openSite('https://www.xz-land.com.cn/');
    const panel = await ext.openPanel();
    await site.bringToFront();
    await expect(panel.getByText('Set the server URL and token first.')).toBeVisible();

    const options = await openOptions();
    await expect(options.getByText(/^Not set up yet/)).toBeVisible();
    // "http//" for "http://": repaired, not stored as http://http//…
    await options.getByLabel('Server URL').fill(`http//127.0.0.1:${server.port}`);
    await options.getByLabel('Token').fill(TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();
    const status = options.getByRole('status');
    await expect(status).toContainText('Connected to Dossier');
    await expect(status).toContainText('Saved: Dossier is set up.');
    await expect(options.getByLabel('Server URL')).toHaveValue(server.url);
    await expect(options.getByText(`Set up: the extension uses the Dossier server at ${server.url}`)).toBeVisible();
    expect(await stored()).toEqual({ serverUrl: server.url, token: TOKEN });

    // No Save pressed: the open panel follows the stored settings.
    await site.bringToFront();
    await expectCustomer(panel, '徐州某某置业有限公司', 'A');

    // Read back after a reload: the page says it is set up, with the values it stored.
    await options.reload();
    await expect(options.getByText(`Set up: the extension uses the Dossier server at ${server.url}`)).toBeVisible();
    await expect(options.getByLabel('Token')).toHaveValue(TOKEN);
  });

  test('a bare host and port is completed; a failed test stores nothing; garbage is refused in words', async () => {
    const options = await openOptions();
    const status = options.getByRole('status');
    const url = options.getByLabel('Server URL');
    const before = await stored();

    await url.fill(`127.0.0.1:${server.port}`);
    await options.getByLabel('Token').fill('not-the-token');
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(status).toContainText('Wrong token');
    expect(await stored()).toEqual(before);

    await url.fill('asdf');
    await options.getByLabel('Token').fill(TOKEN);
    await options.getByRole('button', { name: 'Test connection' }).click();
    await expect(status).toHaveText(/^Wrong URL: that is not a server address/);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(status).toHaveText(/^Wrong URL: that is not a server address/);
    expect(await stored()).toEqual(before);

    // Save stores what was typed and says so, then says whether it works.
    await url.fill(`127.0.0.1:${server.port}/`);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(status).toHaveText(
      new RegExp(`^Saved: server ${server.url.replace(/\./g, '\\.')} and the token\\. Connected to Dossier`),
    );
    expect(await stored()).toEqual({ serverUrl: server.url, token: TOKEN });

    // The same words in Chinese.
    await options.getByLabel('Language').selectOption('zh-CN');
    await expect(options.getByText(/^已设置：扩展使用/)).toBeVisible();
    await options.getByLabel('服务器地址').fill('ftp://files.example.com');
    await options.getByRole('button', { name: '测试连接' }).click();
    await expect(status).toHaveText(/^地址错误：地址以 http:\/\/ 或 https:\/\/ 开头/);
  });
});
