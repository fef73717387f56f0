/**
 * Writes the README's panel screenshots from the real side panel against the real server:
 * docs/screenshots/panel-customer.png, panel-unknown.png, panel-overdue.png in English and
 * panel-<shot>.zh-CN.png in Chinese (as dashboard-screenshots.ts does for the dashboard).
 * Run: pnpm --filter @dossier/e2e screenshots (builds nothing: run `pnpm --filter
 * @dossier/extension build` first).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ExtensionBrowser } from '../e2e/helpers/browser.ts';
import { repoRoot } from '../e2e/helpers/paths.ts';
import { DossierServer, daysAgo, seed, TOKEN } from '../e2e/helpers/server.ts';
import { startSites } from '../e2e/helpers/sites.ts';

const out = join(repoRoot, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const sites = await startSites();
const server = new DossierServer();
await server.start();
const { xz } = await seed(server);
// An e-mail yesterday fixed a meeting in three days: the card shows the appointment too.
await server.logInteraction({
  customerId: xz.id,
  kind: 'email',
  at: daysAgo(1),
  personId: xz.people[1]?.id,
  summary: '陈经理确认周四下午到现场踏勘。',
  appointment: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  idempotencyKey: 'shot-xz-email-1',
});

const ext = await ExtensionBrowser.launch(sites.chromiumArgs);
try {
  await ext.configure(server.url, TOKEN);
  // What shows once each card is there, in each language (the panel's words).
  const languages = [
    { language: 'en', suffix: '', ready: ['Tier A', 'Tier B', 'Not in your files'] },
    { language: 'zh-CN', suffix: '.zh-CN', ready: ['A 类客户', 'B 类客户', '档案中没有此客户'] },
  ] as const;
  const shots = [
    ['panel-customer', 'https://www.xz-land.com.cn/'],
    ['panel-overdue', 'https://www.jhrt-build.com/'],
    ['panel-unknown', 'https://www.some-builder-unknown.com.cn/'],
  ] as const;
  const pages = [];
  for (const [, url] of shots) pages.push(await ext.openSite(url));
  const options = await ext.context.newPage();
  let panel = null;
  for (const { language, suffix, ready } of languages) {
    await options.goto(ext.extensionUrl('options.html'));
    await options.locator('select').first().selectOption(language);
    await options.waitForTimeout(300);
    panel ??= await ext.openPanel();
    // The panel follows the language setting as it changes; read afresh all the same.
    await panel.reload();
    for (const [i, [name]] of shots.entries()) {
      await pages[i]?.bringToFront();
      const waitFor = ready[i] ?? '';
      await panel
        .getByText(waitFor)
        .or(panel.getByRole('img', { name: waitFor }))
        .first()
        .waitFor();
      await panel.waitForTimeout(300);
      const file = join(out, `${name}${suffix}.png`);
      await panel.screenshot({ path: file });
      console.log(file);
    }
  }
} finally {
  await ext.close();
  await server.dispose();
  await sites.close();
}
