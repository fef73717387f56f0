// A company renamed in its file keeps its old name (曾用名): shown with the file and on its card,
// and the file is still found by it (the day of use found a renamed file lost to search and land
// results).
import { api } from './helpers/api.ts';
import { openDashboard } from './helpers/dashboard.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';

test('renaming a company in its file keeps the old name among its former names, shown on its card, and search still finds it by it', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  const before = (await api<{ name: string }>(server, 'GET', `/api/customers/${seeded.xz.id}`)).name;
  const page = await openDashboard(ext, `customer/${seeded.xz.id}`);
  const form = page.getByRole('form', { name: 'Customer file' });
  await expect(form.getByLabel('Former names')).toHaveValue('');
  await form.getByLabel('Company name').fill('徐州云龙城市发展有限公司');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Saved')).toBeVisible();
  await expect(form.getByLabel('Former names')).toHaveValue(before);

  const file = await api<{ name: string; formerNames: string[] }>(server, 'GET', `/api/customers/${seeded.xz.id}`);
  expect(file).toMatchObject({ name: '徐州云龙城市发展有限公司', formerNames: [before] });
  const found = await api<{ results: { id: number; name: string }[] }>(
    server,
    'GET',
    `/api/search?q=${encodeURIComponent(before.slice(0, 6))}`,
  );
  expect(found.results).toEqual([expect.objectContaining({ id: seeded.xz.id, name: '徐州云龙城市发展有限公司' })]);

  // On the company's site, the card under its new name says what it was called.
  const site = await ext.openSite('https://www.xz-land.com.cn/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await expectCustomer(panel, '徐州云龙城市发展有限公司', 'A');
  await expect(panel.getByText(`Formerly ${before}`)).toBeVisible();
});
