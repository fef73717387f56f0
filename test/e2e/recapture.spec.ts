import type { Customer } from '@dossier/shared';
import { api } from './helpers/api.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';

type CustomerList = { customers: Customer[]; total: number };
const count = async (server: Parameters<typeof api>[0]) =>
  (await api<CustomerList>(server, 'GET', '/api/customers?limit=500')).total;

test('re-capturing a known company’s page defaults to adding to it; "save as new" asks once', async ({ dossier }) => {
  const { ext, server } = dossier;
  const site = await ext.openSite('https://www.xz-land.com.cn/');
  const panel = await ext.pressButton(site);
  await expectCustomer(panel, '徐州某某置业有限公司', 'A');

  await panel.getByRole('button', { name: 'Capture this page' }).click();
  await expect(panel.getByRole('heading', { name: 'Capture preview' })).toBeVisible();
  await expect(panel.getByText('same domain xz-land.com.cn')).toBeVisible();
  // Adding to the file on record is the primary action; a new file is not.
  const add = panel.getByRole('button', { name: 'Add to 徐州某某置业有限公司' });
  const saveNew = panel.getByRole('button', { name: 'Save as new customer' });
  await expect(add).toHaveClass(/\bprimary\b/);
  await expect(saveNew).not.toHaveClass(/\bprimary\b/);

  // "Save as new" asks first; going back leaves nothing saved.
  await saveNew.click();
  const ask = panel.getByRole('alert').filter({ hasText: 'Already on file' });
  await expect(ask).toContainText('徐州某某置业有限公司');
  await expect(ask.getByRole('button', { name: 'Create anyway' })).toBeVisible();
  await ask.getByRole('button', { name: 'Add to it' }).click();

  // The server stored it in the file on record (the toast says so once it has), and made no other.
  await expect(panel.getByText('Capture stored in the customer file.')).toBeVisible();
  await expectCustomer(panel, '徐州某某置业有限公司', 'A');
  expect(await count(server)).toBe(2);
});

test('a page with exactly a file’s name: "same name", adding to it is the default, a new file needs a confirm', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  const site = await ext.openSite('https://www.gsxt-registry.cn/firm/jhrt.html');
  const panel = await ext.pressButton(site);
  await panel.getByRole('button', { name: 'Capture this page' }).click();

  const match = panel.getByRole('listitem').filter({ hasText: '江苏嘉华融通建设有限公司' }).first();
  await expect(match).toContainText('same name');
  await expect(match).not.toContainText('similar name');
  await expect(match.getByRole('button', { name: 'Add to 江苏嘉华融通建设有限公司' })).toHaveClass(/\bprimary\b/);

  await panel.getByRole('button', { name: 'Save as new customer' }).click();
  const ask = panel.getByRole('alert').filter({ hasText: 'is already in your files' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Back' }).click();
  await expect(ask).toHaveCount(0);
  expect(await count(server)).toBe(2);

  // Asked once: confirming makes the second file.
  await panel.getByRole('button', { name: 'Save as new customer' }).click();
  await panel.getByRole('button', { name: 'Save as new anyway' }).click();
  await expect.poll(() => count(server)).toBe(3);
});
