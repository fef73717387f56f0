import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './helpers/fixtures.ts';
import { chromeBuild } from './helpers/paths.ts';

const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

test('installed with loopback and activeTab only: no site is granted, no script registered', async ({ dossier }) => {
  const { ext } = dossier;
  const manifest = JSON.parse(readFileSync(join(chromeBuild, 'manifest.json'), 'utf8'));
  expect(manifest.host_permissions).toEqual(LOOPBACK);
  expect(manifest.permissions).toContain('activeTab');
  expect(manifest.content_scripts ?? []).toEqual([]);
  expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);

  const held = await ext.worker.evaluate(async () => ({
    origins: (await chrome.permissions.getAll()).origins ?? [],
    scripts: await chrome.scripting.getRegisteredContentScripts(),
    team: await chrome.permissions.contains({ origins: ['https://dossier.example-corp.internal/*'] }),
    site: await chrome.permissions.contains({ origins: ['https://www.xz-land.com.cn/*'] }),
  }));
  expect(held.origins.sort()).toEqual([...LOOPBACK].sort());
  expect(held.scripts).toEqual([]);
  // The team server and customers' sites are not held already: asking for one really asks.
  expect(held.team).toBe(false);
  expect(held.site).toBe(false);
});

test('a team server URL asks for that one origin', async ({ dossier }) => {
  const { ext } = dossier;
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  // The browser's prompt cannot be answered headless: the request is recorded and refused here.
  await page.evaluate(() => {
    const asked: unknown[] = [];
    (globalThis as { __asked?: unknown[] }).__asked = asked;
    chrome.permissions.request = (async (p: chrome.permissions.Permissions) => {
      asked.push(p);
      return false;
    }) as typeof chrome.permissions.request;
  });
  await page.getByLabel('Server URL').fill('https://dossier.example-corp.internal');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect
    .poll(() => page.evaluate(() => (globalThis as { __asked?: unknown[] }).__asked))
    .toEqual([{ origins: ['https://dossier.example-corp.internal/*'] }]);
});

test('a page is read after the toolbar button is pressed on it (activeTab), not before', async ({ dossier }) => {
  const { ext } = dossier;
  const site = await ext.openSite('https://www.jiahe-build.com.cn/contact.html');
  const panel = await ext.openPanel();
  await site.bringToFront();
  // Opened without the toolbar button: the browser refuses the read, and the panel says how to allow it.
  await panel.getByRole('button', { name: 'Capture this page' }).click();
  const access = panel.getByRole('alert').filter({ hasText: 'press the Dossier button' });
  await expect(access).toBeVisible();
  await expect(access.getByRole('button', { name: 'Allow www.jiahe-build.com.cn' })).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();

  // The toolbar button on the page: the same capture reads it.
  await ext.pressButton(site);
  await panel.getByRole('button', { name: 'Capture this page' }).click();
  await expect(panel.getByRole('heading', { name: 'Capture preview' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Save as new customer' })).toBeVisible();
});
