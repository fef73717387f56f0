/**
 * Writes the dashboard screenshots of the README from the real extension against the real
 * server filled with the demo data set: docs/screenshots/dashboard-board.png,
 * dashboard-sheet.png, dashboard-file.png, dashboard-reclass.png.
 * Run (after `pnpm --filter @dossier/extension run build`):
 *   cd test && npx tsx e2e/helpers/dashboard-screenshots.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ExtensionBrowser } from './browser.ts';
import { repoRoot } from './paths.ts';
import { DossierServer, TOKEN } from './server.ts';

const out = join(repoRoot, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const server = new DossierServer();
const demo = spawnSync('pnpm', ['--filter', '@dossier/server', 'run', 'cli', 'demo', '--data-dir', server.dataDir], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (demo.status !== 0) throw new Error('demo data failed');
await server.start();

const ext = await ExtensionBrowser.launch([]);
try {
  await ext.configure(server.url, TOKEN);
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  const shot = async (view: string, file: string, ready: () => Promise<unknown>, fullPage = false) => {
    await page.goto(ext.extensionUrl(`dashboard.html#${view}`));
    await ready();
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, file), fullPage });
    console.log(join(out, file));
  };
  await shot('board', 'dashboard-board.png', () => page.getByRole('region', { name: 'Overdue' }).waitFor());
  await shot('sheet', 'dashboard-sheet.png', () => page.locator('td.mark').first().waitFor());
  await shot('reclass', 'dashboard-reclass.png', () =>
    page.getByRole('region', { name: 'Tier distribution' }).waitFor(),
  );
  await page.goto(ext.extensionUrl('dashboard.html#customers'));
  await page.getByRole('region', { name: 'A', exact: true }).getByRole('link').first().click();
  await page.getByRole('region', { name: 'Contact history' }).waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(out, 'dashboard-file.png') });
  console.log(join(out, 'dashboard-file.png'));
} finally {
  await ext.close();
  await server.dispose();
}
