import { rgb } from './helpers/browser.ts';
import { dueLine, expect, expectCustomer, test } from './helpers/fixtures.ts';

test('calls logged while the server is down survive a browser restart and arrive exactly once', async ({ dossier }) => {
  const { ext, server, seeded } = dossier;
  const site = await ext.openSite('https://www.xz-land.com.cn/');
  let panel = await ext.openPanel();
  await site.bringToFront();
  await expectCustomer(panel, '徐州某某置业有限公司', 'A');
  const before = server.interactionRows(seeded.xz.id).length;

  await server.stop();
  const logCall = panel.getByRole('button', { name: 'Log call' });
  await logCall.click();
  await expect(logCall).toBeEnabled();
  await logCall.click();
  await expect(panel.getByRole('status')).toContainText('2 waiting to sync');
  // Optimistic all the same: the card moved on.
  await expect(dueLine(panel, 'call')).toContainText('in 7 days');
  // The badge counts the waiting writes while the server can't be reached.
  await expect.poll(() => ext.badge(site)).toEqual({ text: '2', color: rgb('#b45309') });

  // Browser restart (same profile), then the server comes back on the same port and data.
  await ext.restart();
  await server.start();
  const again = await ext.openSite('https://www.xz-land.com.cn/');

  await expect.poll(() => server.interactionRows(seeded.xz.id).length, { timeout: 60_000 }).toBe(before + 2);
  const rows = server.interactionRows(seeded.xz.id).slice(before);
  expect(rows.map((r) => r.kind)).toEqual(['call', 'call']);
  expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(2);

  // Nothing else trickles in afterwards (no replays turned into new rows).
  await again.waitForTimeout(1500);
  expect(server.interactionRows(seeded.xz.id)).toHaveLength(before + 2);

  panel = await ext.openPanel();
  await again.bringToFront();
  await expect(panel.getByRole('status')).toContainText('All changes saved');
  await expect.poll(async () => (await ext.badge(again)).text).toBe('A');
});

test('a write the server refuses is kept for the user to fix or discard', async ({ dossier }) => {
  const { ext, server, seeded } = dossier;
  const site = await ext.openSite('https://www.xz-land.com.cn/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await expectCustomer(panel, '徐州某某置业有限公司', 'A');

  // The customer is deleted on the server meanwhile (another device): the log gets a 404.
  const res = await fetch(`${server.url}/api/customers/${seeded.xz.id}`, {
    method: 'DELETE',
    headers: { Authorization: 'Bearer e2e-token-7f3c9a1d5b' },
  });
  expect(res.ok).toBe(true);
  await panel.getByRole('button', { name: 'Log call' }).click();
  await expect(panel.getByRole('status')).toContainText('1 change refused by the server');
  await expect(panel.getByText(/Call: .*not found/i)).toBeVisible();
  await panel.getByRole('button', { name: 'Discard' }).click();
  await expect(panel.getByRole('status')).toContainText('All changes saved');
});
