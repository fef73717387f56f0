import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PINNED_EXTENSION_ID } from '../../server/src/env.ts';
import { ExtensionBrowser } from './helpers/browser.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';
import { extensionDir, repoRoot } from './helpers/paths.ts';
import { DossierServer, seed, TOKEN } from './helpers/server.ts';

const version = (JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8')) as { version: string }).version;
const zipOf = (browser: string) => join(extensionDir, '.output', `dossier-${version}-${browser}.zip`);

/** The store zips as `pnpm package` writes them (`pnpm test` makes them before the suite; run alone, this does). */
function packaged(browser: 'chrome' | 'firefox'): string {
  if (!existsSync(zipOf(browser))) {
    const r = spawnSync('pnpm', ['package'], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('pnpm package failed');
  }
  return zipOf(browser);
}

function unzip(zip: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-zip-'));
  const r = spawnSync('unzip', ['-q', zip, '-d', dir]);
  if (r.status !== 0) throw new Error(`unzip ${zip}: ${r.stderr}`);
  return dir;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

interface Manifest {
  version: string;
  key?: string;
  icons: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
  browser_specific_settings?: { gecko?: { id?: string } };
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

function expectIcons(dir: string, m: Manifest) {
  expect(Object.keys(m.icons).sort((a, b) => Number(a) - Number(b))).toEqual(['16', '32', '48', '128']);
  for (const [size, file] of Object.entries(m.icons)) expect(pngSize(join(dir, file))).toEqual([+size, +size]);
  const button = m.action ?? m.browser_action;
  expect(button?.default_icon).toEqual({ 16: m.icons['16'], 32: m.icons['32'] });
}

test.describe('pnpm package', () => {
  test('the Firefox zip carries the package version, the icons and an add-on id', () => {
    const dir = unzip(packaged('firefox'));
    try {
      const m = manifestOf(dir);
      expect(m.version).toBe(version);
      expect(m.browser_specific_settings?.gecko?.id).toBeTruthy();
      expectIcons(dir, m);
      expect(existsSync(join(extensionDir, '.output', `dossier-${version}-sources.zip`))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the Chrome Web Store zip, unzipped, loads in Chromium and is set up from its options page', async ({
    sites,
  }) => {
    const dir = unzip(packaged('chrome'));
    const m = manifestOf(dir);
    expect(m.version).toBe(version);
    // The store refuses a manifest `key`; it gives the extension its own id, which pairs.
    expect(m.key).toBeUndefined();
    expectIcons(dir, m);

    const server = new DossierServer();
    await server.start();
    await seed(server);
    const ext = await ExtensionBrowser.launch(sites.chromiumArgs, undefined, dir);
    try {
      expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
      expect(ext.extensionId).not.toBe(PINNED_EXTENSION_ID);
      const options = await ext.context.newPage();
      await options.goto(ext.extensionUrl('options.html'));
      await expect(options.getByRole('heading', { name: 'Dossier settings' })).toBeVisible();
      await options.getByLabel('Server URL').fill(server.url);
      await options.getByLabel('Token').fill(TOKEN);
      await options.getByRole('button', { name: 'Test connection' }).click();
      const status = options.getByRole('status');
      await expect(status).toContainText('Connected to Dossier');
      await expect(status).toContainText('This browser is now paired with the server.');
      await expect(status).toContainText('Saved: Dossier is set up.');
      expect(server.pairedOrigins()).toEqual([`chrome-extension://${ext.extensionId}`]);

      const site = await ext.openSite('https://www.xz-land.com.cn/');
      const panel = await ext.openPanel();
      await site.bringToFront();
      await expectCustomer(panel, '徐州某某置业有限公司', 'A');
    } finally {
      await ext.close();
      await server.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
