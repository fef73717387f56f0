// A promise made to a customer is kept, moved or withdrawn from the file (the day of use found
// promises that could only be kept): what the account manager does and what the server then says.
import { api } from './helpers/api.ts';
import { openDashboard, SERVER_TZ } from './helpers/dashboard.ts';
import { expect, test } from './helpers/fixtures.ts';

type Promise_ = { id: number; text: string; dueAt: string; withdrawnAt: string | null; withdrawnReason: string | null };
const DAY = 86_400_000;

test('a promise is moved to another day and another withdrawn with why, from the customer file', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  const add = (text: string, dueAt: number) =>
    api<Promise_>(server, 'POST', '/api/commitments', {
      customerId: seeded.xz.id,
      text,
      dueAt: new Date(dueAt).toISOString(),
    });
  const quote = await add('发送报价单', Date.now() - DAY);
  const sample = await add('寄样品', Date.now() + 2 * DAY);
  const page = await openDashboard(ext, `customer/${seeded.xz.id}`);
  const section = page.getByRole('region', { name: 'Commitments' });
  await expect(section.getByRole('listitem').filter({ hasText: '发送报价单' })).toHaveClass('overdue');

  // Moved to the day after tomorrow, 10:00 in the browser's zone: no longer overdue.
  await section.getByRole('button', { name: 'New due time for: 发送报价单' }).click();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: SERVER_TZ }).format(Date.now() + 2 * DAY);
  const local = `${day}T10:00`;
  await section.getByLabel('New due time for: 发送报价单').fill(local);
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Commitment moved.')).toBeVisible();
  await expect(section.getByRole('listitem').filter({ hasText: '发送报价单' })).not.toHaveClass('overdue');

  await section.getByRole('button', { name: 'Why is “寄样品” withdrawn? (optional)' }).click();
  await section.getByLabel('Why is “寄样品” withdrawn? (optional)').fill('客户说不需要了');
  await section.getByRole('button', { name: 'Withdraw', exact: true }).click();
  await expect(page.getByText('Commitment withdrawn.')).toBeVisible();
  await expect(section.getByRole('listitem').filter({ hasText: '寄样品' })).toContainText(/withdrawn .*客户说不需要了/);

  const { commitments } = await api<{ commitments: Promise_[] }>(
    server,
    'GET',
    `/api/customers/${seeded.xz.id}/commitments`,
  );
  const byId = new Map(commitments.map((c) => [c.id, c]));
  // That wall time as the browser reads it (the test runner's zone may be another).
  expect(byId.get(quote.id)?.dueAt).toBe(await page.evaluate((at) => new Date(at).toISOString(), local));
  expect(byId.get(quote.id)?.withdrawnAt).toBeNull();
  expect(byId.get(sample.id)?.withdrawnReason).toBe('客户说不需要了');
});
