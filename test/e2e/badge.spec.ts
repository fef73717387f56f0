import { rgb } from './helpers/browser.ts';
import { expect, test } from './helpers/fixtures.ts';

// The colours of extension/src/card/badge-state.ts, as the user sees them.
const TIER_A = rgb('#1d4ed8');
const OVERDUE = rgb('#dc2626');

test('toolbar badge per tab from the URL alone, with the panel closed', async ({ dossier }) => {
  const { ext } = dossier;
  const home = await ext.openSite('https://www.xz-land.com.cn/');
  const jobs = await ext.openSite('https://hr.xz-land.com.cn/jobs');
  const overdue = await ext.openSite('https://www.jhrt-build.com/');
  const unknown = await ext.openSite('https://www.some-builder-unknown.com.cn/');

  // Tier letter on the tier colour for a customer on time, on every sub-domain.
  await expect.poll(() => ext.badge(home)).toEqual({ text: 'A', color: TIER_A });
  await expect.poll(() => ext.badge(jobs)).toEqual({ text: 'A', color: TIER_A });
  // Red for a customer whose call is overdue.
  await expect.poll(() => ext.badge(overdue)).toEqual({ text: 'B', color: OVERDUE });
  // Nothing on a site that is not on file.
  await expect.poll(async () => (await ext.badge(unknown)).text).toBe('');

  // Still right after navigating within the tab to another customer.
  await unknown.goto('https://www.jhrt-build.com/');
  await expect.poll(() => ext.badge(unknown)).toEqual({ text: 'B', color: OVERDUE });
});
