/**
 * Writes the README's panel screenshots from the real side panel against the real server:
 * docs/screenshots/panel-customer.png, panel-unknown.png, panel-overdue.png.
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
  const shots: Array<[string, string, string]> = [
    ['panel-customer.png', 'https://www.xz-land.com.cn/', 'Tier A'],
    ['panel-overdue.png', 'https://www.jhrt-build.com/', 'Tier B'],
    ['panel-unknown.png', 'https://www.some-builder-unknown.com.cn/', 'Not in your files'],
  ];
  const pages = [];
  for (const [, url] of shots) pages.push(await ext.openSite(url));
  const panel = await ext.openPanel();
  for (const [i, [file, , waitFor]] of shots.entries()) {
    await pages[i]?.bringToFront();
    await panel
      .getByText(waitFor)
      .or(panel.getByRole('img', { name: waitFor }))
      .first()
      .waitFor();
    await panel.waitForTimeout(300);
    await panel.screenshot({ path: join(out, file) });
    console.log(join(out, file));
  }
} finally {
  await ext.close();
  await server.dispose();
  await sites.close();
}
