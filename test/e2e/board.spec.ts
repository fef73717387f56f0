import { api } from './helpers/api.ts';
import { openDashboard, SERVER_TZ } from './helpers/dashboard.ts';
import { expect, test } from './helpers/fixtures.ts';

const JHRT = '江苏嘉华融通建设有限公司';

/** Today's month and day where the server counts days, as a birthday of that day. */
const birthdayToday = () => {
  const md = new Intl.DateTimeFormat('en-CA', { timeZone: SERVER_TZ, month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  return `1985-${md}`;
};

test('the board shows today’s birthday with the number to call, one card per customer with all its reasons, and a tier filter', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  // A person of the overdue customer has her birthday today.
  await api(server, 'POST', `/api/customers/${seeded.jhrt.id}/people`, {
    name: '周婷',
    title: '总经理助理',
    mobile: '13800001111',
    birthday: birthdayToday(),
  });
  // The same customer has an appointment in two days besides its overdue call.
  await server.logInteraction({
    customerId: seeded.jhrt.id,
    kind: 'email',
    appointment: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    idempotencyKey: 'e2e-board-appointment-1',
  });

  const page = await openDashboard(ext, 'board');
  const today = page.getByRole('region', { name: "Today's birthdays and greetings" });
  const birthday = today.getByRole('listitem').filter({ hasText: '周婷' });
  await expect(birthday).toContainText('Birthday');
  await expect(birthday).toContainText(JHRT);
  const herPhone = birthday.getByRole('link', { name: '138 0000 1111' });
  await expect(herPhone).toHaveAttribute('href', 'tel:13800001111');

  // One card for the customer, in the column of its earliest reason, holding the call and the appointment.
  const cards = page.locator('.board').getByRole('article', { name: new RegExp(JHRT) });
  await expect(cards).toHaveCount(1);
  const card = page.getByRole('region', { name: 'Overdue' }).getByRole('article', { name: new RegExp(JHRT) });
  await expect(card).toHaveAccessibleName(`${JHRT} — Call · Appointment`);
  await expect(card.getByRole('region', { name: 'Call' })).toBeVisible();
  await expect(card.getByRole('region', { name: 'Appointment' })).toBeVisible();
  // The person to call, and the number in the one display format.
  await expect(card).toContainText('Call 李敏:');
  await expect(card.getByRole('link', { name: '139 1234 5678' })).toHaveAttribute('href', 'tel:13912345678');
  await page.screenshot({ path: test.info().outputPath('board-en.png'), fullPage: true });

  // "Log other…" offers every person of the file, 周婷 (not a key person) included.
  await card.getByRole('region', { name: 'Call' }).getByRole('button', { name: 'Log other…' }).click();
  const person = card.getByRole('combobox', { name: 'Person' });
  await expect(person.locator('option', { hasText: '周婷' })).toHaveCount(1);
  await expect(person.locator('option', { hasText: '李敏' })).toHaveCount(1);
  await card.getByRole('button', { name: 'Cancel', exact: true }).click();

  // The tier filter: only A customers leaves the B customer out.
  await page.getByRole('combobox', { name: 'Tier' }).selectOption('A');
  await expect(cards).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Tier' }).selectOption('');
  await expect(cards).toHaveCount(1);
});
