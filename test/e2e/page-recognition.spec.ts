import type { CustomerDetail } from '@dossier/shared';
import { api } from './helpers/api.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';

// A business-registry page (served locally under a registry-like host): not the company's site.
const REGISTRY = 'https://www.gsxt-registry.cn/firm';
const CODE = '91320303MA20KJ7L8L';

test('a registry page showing a known customer’s credit code: the panel shows that customer, matched by it', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  const jiahe = await server.createCustomer({
    name: '徐州嘉禾建设工程有限公司',
    tier: 'B',
    status: 'active',
    keys: [{ kind: 'credit_code', value: CODE }],
  });
  const site = await ext.openSite(`${REGISTRY}/jiahe.html`);
  const panel = await ext.pressButton(site);

  await expectCustomer(panel, '徐州嘉禾建设工程有限公司', 'B');
  await expect(panel.getByText(`Matched by credit code: ${CODE}`)).toBeVisible();
  // The toolbar badge still goes by the URL alone: nothing is read from pages for it.
  expect((await ext.badge(site)).text).toBe('');

  // A call logged from that card is the customer's.
  await panel.getByRole('button', { name: 'Log call' }).click();
  await expect(panel.getByText('Call logged.')).toBeVisible();
  await expect.poll(() => server.interactionRows(jiahe.id).map((r) => r.kind)).toEqual(['call']);

  // Clipping the registry page adds to that customer by default, and the registry's domain is
  // not offered as the customer's website.
  await panel.getByRole('button', { name: 'Capture this page' }).click();
  await expect(panel.getByText(`same credit code ${CODE}`)).toBeVisible();
  const add = panel.getByRole('button', { name: 'Add to 徐州嘉禾建设工程有限公司' });
  await expect(add).toHaveClass(/\bprimary\b/);
  await expect(panel.getByRole('checkbox', { name: /Recognise www\.gsxt-registry\.cn/ })).not.toBeChecked();
  await add.click();
  await expect(panel.getByText('Capture stored in the customer file.')).toBeVisible();
  const detail = await api<CustomerDetail>(server, 'GET', `/api/customers/${jiahe.id}`);
  expect(detail.keys.map((k) => k.kind)).not.toContain('domain');
});

test('a page naming a customer exactly, without a key: a suggestion marked "same name", not a match', async ({
  dossier,
}) => {
  const { ext } = dossier;
  const site = await ext.openSite(`${REGISTRY}/jhrt.html`);
  const panel = await ext.pressButton(site);

  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();
  await expect(panel.getByText('This page shows: 江苏嘉华融通建设有限公司')).toBeVisible();
  const maybe = panel.getByRole('list', { name: 'Possibly the same company:' });
  await expect(maybe.getByRole('listitem')).toHaveCount(1);
  await expect(maybe.getByRole('listitem')).toContainText('江苏嘉华融通建设有限公司');
  await expect(maybe.getByRole('listitem')).toContainText('same name');
  await expect(panel.getByRole('img', { name: /Tier/ })).toHaveCount(0);
});

test('a page naming a customer by the name it had before a rename: a suggestion marked "formerly so named"', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  const files = await api<{ customers: { id: number; name: string }[] }>(server, 'GET', '/api/customers');
  const jhrt = files.customers.find((c) => c.name === '江苏嘉华融通建设有限公司');
  expect(jhrt).toBeDefined();
  await api(server, 'PATCH', `/api/customers/${jhrt?.id}`, { name: '江苏融通城建集团有限公司' });
  const site = await ext.openSite(`${REGISTRY}/jhrt.html`);
  const panel = await ext.pressButton(site);

  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();
  const maybe = panel.getByRole('list', { name: 'Possibly the same company:' });
  await expect(maybe.getByRole('listitem')).toHaveCount(1);
  await expect(maybe.getByRole('listitem')).toContainText('江苏融通城建集团有限公司');
  await expect(maybe.getByRole('listitem')).toContainText('formerly so named');
});
