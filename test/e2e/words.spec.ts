import { api } from './helpers/api.ts';
import { openDashboard } from './helpers/dashboard.ts';
import { expect, test } from './helpers/fixtures.ts';

const JHRT = '江苏嘉华融通建设有限公司';

test('the file view in Chinese: money in 亿元, phones in one format, reasons and owner in words, the save bar over no field', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  // A land result won by the customer: 412,600,000 yuan.
  const saved = await api<{ customerIds: number[] }>(server, 'POST', '/api/captures', {
    capture: {
      url: 'https://www.landchina.com/result/2026-01',
      kind: 'land',
      adapter: 'land',
      company: null,
      people: [],
      message: null,
      parcels: [{ parcelNo: '徐土 2026-01', location: '云龙区', areaM2: 52000, dealPrice: 412_600_000, winner: JHRT }],
    },
    target: { land: { tier: 'B' } },
    idempotencyKey: 'e2e-words-land-0001',
  });
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  await options.getByLabel('Language').selectOption('zh-CN');
  await expect(options.getByRole('heading', { name: 'Dossier 设置' })).toBeVisible();
  await options.close();
  // The winner is the customer already on file (same name): its parcel is on its file.
  expect(saved.customerIds).toEqual([seeded.jhrt.id]);

  const page = await openDashboard(ext, `customer/${seeded.jhrt.id}`);
  await page.setViewportSize({ width: 1200, height: 640 });
  await expect(page.getByRole('heading', { name: JHRT })).toBeVisible();
  await expect(page.getByRole('region', { name: '宗地' })).toContainText('4.126 亿元');
  // Typed as "139 1234 5678", shown in the one format; the owner named, not the word `owner`.
  await expect(page.getByRole('link', { name: '139 1234 5678' }).first()).toBeVisible();
  await expect(page.getByText(/负责人：本机所有者/)).toBeVisible();
  const history = page.getByRole('region', { name: '等级变更' });
  await expect(history).toContainText('建档');
  await expect(history).not.toContainText('created');
  await expect(page.getByLabel('所属行业')).toBeVisible();
  await expect(page.getByLabel('行业地位及发展趋势')).toBeVisible();

  // Every field reached with the keyboard is above the save bar, not under it.
  const bar = page.locator('.sticky-actions');
  const fields = page.locator('form.fields').locator('input, select, textarea');
  const n = await fields.count();
  expect(n).toBeGreaterThan(5);
  for (let i = 0; i < n; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible())) continue;
    await field.focus();
    const [f, b] = await Promise.all([field.boundingBox(), bar.boundingBox()]);
    if (!f || !b) continue;
    expect(f.y + f.height, `field ${i} ends above the save bar`).toBeLessThanOrEqual(b.y + 1);
  }
});
