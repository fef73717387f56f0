import { createRequire } from 'node:module';
import { join } from 'node:path';
import { api } from './helpers/api.ts';
import { openDashboard } from './helpers/dashboard.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';

// Issue 16, seed 002: data goes stale. A number not seen or confirmed for over a year is marked
// "verify before calling" on the panel's card and in the file; "still right" clears the mark.

type Db = { prepare(sql: string): { run(...p: unknown[]): unknown }; close(): void };
const Sqlite = createRequire(new URL('../../server/package.json', import.meta.url))('better-sqlite3') as new (
  file: string,
) => Db;

/** Makes every record of the file as old as `months` (the server's clock cannot be moved from here). */
function ageRecords(dataDir: string, customerId: number, months: number) {
  const at = new Date();
  at.setUTCMonth(at.getUTCMonth() - months);
  const db = new Sqlite(join(dataDir, 'dossier.sqlite'));
  try {
    db.prepare(
      'update contact_points set seen_at = ?, confirmed_at = null, confirmed_by = null where customer_id = ?',
    ).run(at.toISOString(), customerId);
  } finally {
    db.close();
  }
}

interface Points {
  contactPoints: { value: string; verify: boolean; confirmedBy: string | null; source: string }[];
}

test('the card marks a number over a year old "verify before calling"; "still right" clears it, on the server too', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  const id = seeded.jhrt.id;
  ageRecords(server.dataDir, id, 14);

  const site = await ext.openSite('https://www.jhrt-build.com/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await expectCustomer(panel, '江苏嘉华融通建设有限公司', 'B');
  const person = panel.getByRole('listitem').filter({ hasText: '李敏' });
  const mobile = person.getByRole('listitem').filter({ hasText: '139 1234 5678' });
  const mail = person.getByRole('listitem').filter({ hasText: 'limin@jhrt-build.com' });
  await expect(mobile).toContainText('14 months ago · typed in');
  await expect(mobile).toContainText('verify before calling');
  await expect(mail).toContainText('verify before calling');

  await mobile.getByRole('button', { name: '139 1234 5678 is still right' }).click();
  await expect(panel.getByText('Marked as still right.')).toBeVisible();
  await expect(mobile).toContainText('today · typed in · confirmed');
  await expect(mobile).not.toContainText('verify before calling');
  await expect(mail).toContainText('verify before calling');
  const after = await api<Points>(server, 'GET', `/api/customers/${id}/contact-points`);
  expect(after.contactPoints.find((p) => p.value === '139 1234 5678')).toMatchObject({
    verify: false,
    confirmedBy: 'click',
    source: 'hand',
  });

  // The file in the dashboard says the same, and confirms the e-mail too.
  const file = await openDashboard(ext, `customer/${id}`);
  const section = file.getByRole('region', { name: 'How old the numbers are' });
  const fileMail = section.getByRole('listitem').filter({ hasText: 'limin@jhrt-build.com' });
  await expect(fileMail).toContainText('verify before calling');
  await fileMail.getByRole('button', { name: 'limin@jhrt-build.com is still right' }).click();
  await expect(fileMail).not.toContainText('verify before calling');
  await expect
    .poll(
      async () =>
        (await api<Points>(server, 'GET', `/api/customers/${id}/contact-points`)).contactPoints.filter((p) => p.verify)
          .length,
    )
    .toBe(0);
});
