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
  // English as dashboard-<view>.png, Chinese as dashboard-<view>.zh-CN.png.
  for (const [language, suffix] of [
    ['en', ''],
    ['zh-CN', '.zh-CN'],
  ] as const) {
    await page.goto(ext.extensionUrl('options.html'));
    await page.locator('select').first().selectOption(language);
    const shot = async (view: string, name: string, ready: () => Promise<unknown>) => {
      await page.goto(ext.extensionUrl(`dashboard.html#${view}`));
      await ready();
      await page.waitForTimeout(400);
      const file = join(out, `dashboard-${name}${suffix}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    };
    await shot('board', 'board', () => page.locator('.column-overdue .due-card').first().waitFor());
    await shot('sheet', 'sheet', () => page.locator('td.mark').first().waitFor());
    await shot('reclass', 'reclass', () => page.locator('section.distribution').waitFor());
    // The file of the first overdue customer on the board.
    await page.goto(ext.extensionUrl('dashboard.html#board'));
    const href = await page.locator('.column-overdue .customer-link').first().getAttribute('href');
    await shot(href?.replace(/^#/, '') ?? 'customers', 'file', () =>
      page.locator('section[aria-labelledby="history-h"]').waitFor(),
    );
  }
} finally {
  await ext.close();
  await server.dispose();
}
