// Issue 12, "the day's data is right": what the account manager sees on the panel, the toolbar
// badge and the board once appointments stand until met, lost files are lost, and the
// reclassification judges whole months.
import type { Page } from '@playwright/test';
import { rgb } from './helpers/browser.ts';
import { apiGet, openDashboard, SERVER_TZ, seedReclassCandidate } from './helpers/dashboard.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';

const XZ = '徐州某某置业有限公司';
const JHRT = '江苏嘉华融通建设有限公司';
// The colours of extension/src/card/badge-state.ts.
const LOST = rgb('#9ca3af');
const OVERDUE = rgb('#dc2626');

/** The month (YYYY-MM) `by` months from the current one, where the server counts days. */
function serverMonth(by = 0): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: SERVER_TZ, year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const d = new Date(Date.UTC(year, month - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * Answers yes to the confirm() the page asks next (Cancel appointment asks first). Answered in the
 * page itself: a CDP dialog handler raced the page in one CI run ("No dialog is showing").
 */
const acceptNextDialog = (page: Page) =>
  page.evaluate(() => {
    const ask = window.confirm;
    window.confirm = () => {
      window.confirm = ask;
      return true;
    };
  });

test('an appointment still stands on the panel and the board after an e-mail is logged; cancelled, it goes', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  // 王总 agreed on the phone to meet the day after tomorrow.
  const appointment = new Date(Date.now() + 2 * 86_400_000).toISOString();
  await server.logInteraction({
    customerId: seeded.xz.id,
    kind: 'call',
    at: new Date(Date.now() - 60_000).toISOString(),
    summary: 'Agreed to meet about the survey.',
    appointment,
    idempotencyKey: 'e2e-appointment-call-1',
  });

  const site = await ext.openSite('https://www.xz-land.com.cn/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await expectCustomer(panel, XZ, 'A');
  const fixed = panel.getByRole('group', { name: 'Appointment' });
  await expect(fixed).toContainText('in 2 days');

  // The proposal goes out by e-mail: logged from the panel's form.
  await panel.getByRole('button', { name: 'Log other…' }).click();
  await panel.getByLabel('Kind').selectOption('email');
  // The form offers to log the appointment's outcome; an e-mail before it is not.
  await expect(panel.getByRole('checkbox', { name: /Keeps the appointment/ })).not.toBeChecked();
  await panel.getByLabel('Note').fill('Sent the survey plan.');
  await panel.getByRole('button', { name: 'Log', exact: true }).click();
  await expect(panel.getByText('E-mail logged.')).toBeVisible();
  await expect(panel.getByRole('status')).toContainText('All changes saved');

  // The server has the e-mail and still the appointment; so does the card, once re-read.
  await expect
    .poll(async () => (await server.context('https://www.xz-land.com.cn/')).lastInteractions[0]?.kind)
    .toBe('email');
  expect((await server.context('https://www.xz-land.com.cn/')).appointment).toBe(appointment);
  await expect(fixed).toContainText('in 2 days');
  await expect(panel.getByRole('button', { name: 'Cancel appointment' })).toBeVisible();

  // The board lists it among the appointments of the week.
  const board = await openDashboard(ext, 'board');
  const card = board.getByRole('article', { name: `${XZ} — Appointment` });
  await expect(card).toBeVisible();

  // Cancelled explicitly from the board: off the board, off the server, off the panel.
  await acceptNextDialog(board);
  await card.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(board.getByText('Appointment cancelled.')).toBeVisible();
  await expect(card).toHaveCount(0);
  expect((await server.context('https://www.xz-land.com.cn/')).appointment).toBeNull();
  await site.bringToFront();
  await expect(fixed).toHaveCount(0, { timeout: 40_000 });
});

test('a lost customer’s site shows 已流失 with its reason and a neutral badge; Reopen makes its call due today', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  // 嘉华融通's call is 5 days overdue: a red badge, until the file is marked lost.
  const site = await ext.openSite('https://www.jhrt-build.com/');
  await expect.poll(() => ext.badge(site)).toEqual({ text: 'B', color: OVERDUE });
  // Marked lost in its file on the dashboard, with the reason (seed 003).
  const file = await openDashboard(ext, `customer/${seeded.jhrt.id}`);
  await file.getByRole('button', { name: 'Mark lost' }).click();
  const form = file.getByRole('form', { name: 'Mark lost' });
  await form.getByLabel('Reason').selectOption('price');
  await form.getByLabel('What happened').fill('选择了报价更低的南京公司');
  await form.getByRole('button', { name: 'Mark as lost' }).click();
  // The file: neutral, no due dates, no Log call; Reopen instead.
  await expect(file.getByText('Lost on')).toBeVisible();
  await expect(file.getByRole('img', { name: 'Tier B' })).toHaveClass(/tier-lost/);
  await expect(file.getByRole('button', { name: 'Log call' })).toHaveCount(0);
  await expect(file.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await file.close();
  // The toolbar badge follows at once: grey, not red.
  await expect.poll(() => ext.badge(site)).toEqual({ text: 'B', color: LOST });

  // The user reads Chinese.
  const options = await ext.context.newPage();
  await options.goto(ext.extensionUrl('options.html'));
  await options.getByLabel('Language').selectOption('zh-CN');
  await expect(options.getByRole('heading', { name: 'Dossier 设置' })).toBeVisible();
  await options.close();

  const panel = await ext.openPanel();
  await site.bringToFront();
  await expect(panel.getByRole('heading', { name: JHRT })).toBeVisible();
  const lost = panel.getByRole('region', { name: '已流失' });
  await expect(lost).toContainText('已流失');
  await expect(lost).toContainText('价格');
  await expect(lost).toContainText('选择了报价更低的南京公司');
  // Neutral, not red: no overdue ring on the card, no due dates, no Log call.
  const tier = panel.getByRole('img', { name: 'B 类客户' });
  await expect(tier).toHaveClass(/tier-lost/);
  await expect(tier).not.toHaveClass(/tier-overdue/);
  await expect(panel.getByRole('group', { name: '下次电话' })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: '记录电话' })).toHaveCount(0);
  await expect.poll(() => ext.badge(site)).toEqual({ text: 'B', color: LOST });

  // The dashboard's list shows it the same neutral way.
  const list = await openDashboard(ext, 'customers');
  const row = list.getByRole('listitem').filter({ hasText: JHRT });
  await expect(row).toContainText('已流失');
  await expect(row.getByRole('img', { name: 'B 类客户' })).toHaveClass(/tier-lost/);
  await list.close();

  // Reopened from the panel: active again and due as a new file is — its call today, not
  // overdue since the call before the loss (the badge neither grey nor red).
  await site.bringToFront();
  await panel.getByRole('button', { name: '重新开启' }).click();
  await expect(panel.getByText('已重新开启')).toBeVisible();
  await expect(panel.getByRole('group', { name: '下次电话' })).toContainText('今天');
  await expect(panel.getByRole('group', { name: '下次电话' })).not.toContainText('逾期');
  await expect(panel.getByRole('button', { name: '记录电话' })).toBeVisible();
  expect((await apiGet<{ status: string }>(server, `/api/customers/${seeded.jhrt.id}`)).status).toBe('active');
  await expect.poll(async () => (await ext.badge(site)).color).not.toEqual(LOST);
  await expect.poll(async () => (await ext.badge(site)).color).not.toEqual(OVERDUE);
});

test('the reclassification page opens on the last complete month; the current month is marked partial', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  await seedReclassCandidate(server);
  const page = await openDashboard(ext, 'reclass');
  await expect(page.getByLabel('Month', { exact: true })).toHaveValue(serverMonth(-1));
  await expect(page.getByRole('note')).toHaveCount(0);

  await page.getByRole('button', { name: 'Next month' }).click();
  await expect(page.getByLabel('Month', { exact: true })).toHaveValue(serverMonth(0));
  await expect(page.getByRole('note')).toContainText('This month is not over yet: judged up to');
  // This month's call with high intention is judged as far as the month has gone.
  await expect(page.getByRole('listitem', { name: 'Northwind Trading Co., Ltd.' })).toBeVisible();
});

test('the options page sets the first call of a new file and the working week for everyone', async ({ dossier }) => {
  const { ext, server } = dossier;
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const days = page.getByLabel('Days from a new file to its first call');
  await expect(days).toHaveValue('0');
  await expect(page.getByLabel('Working days')).toHaveValue('none');
  // More than a year: the field refuses it and nothing is sent.
  await days.fill('400');
  await page.getByRole('button', { name: 'Apply due-date rules' }).click();
  expect(await days.evaluate((e) => (e as HTMLInputElement).validity.valid)).toBe(false);
  expect((await apiGet<{ firstCallDays: number }>(server, '/api/settings')).firstCallDays).toBe(0);
  await days.fill('3');
  await page.getByLabel('Working days').selectOption('mainland');
  await page.getByRole('button', { name: 'Apply due-date rules' }).click();
  await expect(page.getByText('Saved: every file’s due dates follow.')).toBeVisible();
  expect(await apiGet<{ firstCallDays: number; workdays: string }>(server, '/api/settings')).toMatchObject({
    firstCallDays: 3,
    workdays: 'mainland',
  });
});
