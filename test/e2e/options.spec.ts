import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './helpers/fixtures.ts';
import { TOKEN } from './helpers/server.ts';

test.describe('options page: Test connection', () => {
  test('tells ok, wrong token, server not running and wrong URL apart', async ({ dossier }) => {
    const { ext, server } = dossier;
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    const result = page.getByRole('status');
    const test = page.getByRole('button', { name: 'Test connection' });

    // Saved by the fixture through this same page.
    await expect(page.getByLabel('Server URL')).toHaveValue(server.url);
    await test.click();
    await expect(result).toContainText('Connected to Dossier');

    await page.getByLabel('Token').fill('not-the-token');
    await test.click();
    await expect(result).toContainText('Wrong token');

    await page.getByLabel('Token').fill(TOKEN);
    await page.getByLabel('Server URL').fill('http://127.0.0.1:9');
    await test.click();
    await expect(result).toContainText('Server not running');

    // Something answers there, but it is not Dossier: another local web server…
    const other = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<h1>It works!</h1>');
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
    await page.getByLabel('Server URL').fill(`http://127.0.0.1:${(other.address() as AddressInfo).port}`);
    await test.click();
    await expect(result).toContainText('Wrong URL');
    await expect(result).toContainText('not a Dossier server');
    other.close();

    // …or a web site that won't even let the extension read it (no CORS). A server beyond this
    // computer is first asked of the browser, whose prompt nobody answers headless: the user's yes
    // is given here (permissions.spec.ts checks what is asked).
    await page.evaluate(() => {
      chrome.permissions.request = (async () => true) as typeof chrome.permissions.request;
    });
    await page.getByLabel('Server URL').fill('https://www.xz-land.com.cn');
    await test.click();
    await expect(result).toContainText('not a Dossier server');

    await page.getByLabel('Server URL').fill('ftp://files.example.com');
    await test.click();
    await expect(result).toContainText('Wrong URL');
  });

  test('a wrong token saved shows the clear error in the panel too', async ({ dossier }) => {
    const { ext, server } = dossier;
    await ext.configure(server.url, 'not-the-token');
    const site = await ext.openSite('https://www.xz-land.com.cn/');
    const panel = await ext.openPanel();
    await site.bringToFront();
    await expect(panel.getByText('The server refused the token. Check the settings.')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Open settings' })).toBeVisible();
  });

  test('the language follows the choice: 简体中文', async ({ dossier }) => {
    const { ext } = dossier;
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('button', { name: '测试连接' })).toBeVisible();
    const site = await ext.openSite('https://www.xz-land.com.cn/');
    const panel = await ext.openPanel();
    await site.bringToFront();
    await expect(panel.getByRole('img', { name: 'A 类客户' })).toBeVisible();
    await expect(panel.getByRole('group', { name: '下次电话' })).toContainText('5 天后');
  });
});
