import { readFileSync } from 'node:fs';
import {
  apiGet,
  type CustomerState,
  openDashboard,
  readXlsx,
  seedReclassCandidate,
  serverDay,
} from './helpers/dashboard.ts';
import { expect, test } from './helpers/fixtures.ts';

const JHRT = '江苏嘉华融通建设有限公司';
const XZ = '徐州某某置业有限公司';

test('the board shows the overdue customer; Log call on its card takes it off and reaches the server', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  const page = await openDashboard(ext, 'board');
  const overdue = page.getByRole('region', { name: 'Overdue' });
  const card = overdue.getByRole('article', { name: `${JHRT} — Call` });
  await expect(card).toBeVisible();
  await expect(card.getByRole('img', { name: 'Tier B' })).toBeVisible();
  await expect(card).toContainText('overdue 5 days');
  // The A customer called two days ago is due in five days, not overdue: this week (Monday–Sunday)
  // or, past Sunday, in the next-week column.
  await expect(
    page
      .getByRole('region', { name: /^(This week|Next week and later)$/ })
      .getByRole('article', { name: `${XZ} — Call` }),
  ).toBeVisible();
  const before = server.interactionRows(seeded.jhrt.id).length;

  await card.getByRole('button', { name: 'Log call' }).click();
  await expect(overdue.getByRole('article', { name: new RegExp(JHRT) })).toHaveCount(0);
  await expect(page.getByText('Call logged.')).toBeVisible();
  await expect.poll(() => server.interactionRows(seeded.jhrt.id).length).toBe(before + 1);
  expect(server.interactionRows(seeded.jhrt.id).at(-1)?.kind).toBe('call');
  // The server's own board agrees once re-read.
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(page.getByRole('status')).toContainText('All changes saved');
  await expect(overdue.getByRole('article', { name: new RegExp(JHRT) })).toHaveCount(0);

  // The contact sheet has the V on today's date (in the server's zone), the call as its tooltip.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Contact sheet' }).click();
  const row = page.getByRole('row').filter({ hasText: JHRT });
  const today = row.locator(`td[data-day="${serverDay()}"]`);
  await expect(today).toHaveText('V');
  await expect(today).toHaveAttribute('title', /^Call/);
  await expect(row.locator('td.mark')).toHaveCount(
    // The seeded call twelve days ago is on this month's sheet too when it fell in this month.
    serverDay(new Date(Date.now() - 12 * 86_400_000)) < serverDay() ? 2 : 1,
  );
});

test('the contact sheet exports the month to XLSX with the same marks', async ({ dossier }) => {
  const { ext, server, seeded } = dossier;
  await server.logInteraction({
    customerId: seeded.xz.id,
    kind: 'call',
    summary: '确认方案',
    idempotencyKey: 'e2e-sheet-call-1',
  });
  const page = await openDashboard(ext, 'sheet');
  const row = page.getByRole('row').filter({ hasText: XZ });
  await expect(row.locator(`td[data-day="${serverDay()}"]`)).toHaveText('V');
  await row.getByRole('textbox', { name: `Remarks for ${XZ}` }).fill('方案已发');
  await row.getByRole('textbox', { name: `Remarks for ${XZ}` }).press('Enter');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export XLSX' }).click();
  const file = await (await download).path();
  const grid = await readXlsx(file);
  const header = grid[0] ?? [];
  const xzRow = grid.find((r) => r.includes(XZ)) ?? [];
  const col = header.indexOf(String(serverDay()));
  expect(col).toBeGreaterThan(0);
  expect(xzRow[col]).toBe('V');
  expect(xzRow.at(-1)).toBe('方案已发');

  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  expect(readFileSync(await (await csv).path(), 'utf8')).toContain(XZ);
});

test('accepting a reclassification proposal changes the tier and writes the tier history', async ({ dossier }) => {
  const { ext, server } = dossier;
  const northwind = await seedReclassCandidate(server);
  const page = await openDashboard(ext, 'reclass');
  // The page opens on the last complete month; this month's call is judged in the current one.
  await page.getByRole('button', { name: 'Next month' }).click();
  const proposal = page.getByRole('listitem', { name: 'Northwind Trading Co., Ltd.' });
  await expect(proposal.getByRole('img', { name: 'Tier A' })).toHaveCount(0);
  await expect(proposal.getByLabel('Tier C to B')).toBeVisible();
  await expect(proposal).toContainText('high intention shown once');
  // The distribution against the 20/40/40 guide.
  await expect(page.getByRole('region', { name: 'Tier distribution' })).toContainText('20%');

  await proposal.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByText('Northwind Trading Co., Ltd. is now tier B.')).toBeVisible();
  await expect(proposal).toHaveCount(0);
  expect((await apiGet<CustomerState>(server, `/api/customers/${northwind.id}`)).tier).toBe('B');

  await page.goto(ext.extensionUrl(`dashboard.html#customer/${northwind.id}`));
  await expect(page.getByRole('heading', { name: 'Northwind Trading Co., Ltd.' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Tier history' })).toContainText('Tier C → B');
  await expect(page.getByRole('region', { name: 'Tier history' })).toContainText('Monthly reclassification');
  await expect(page.getByRole('region', { name: 'Tier history' })).toContainText('high intention shown');
  await expect(page.getByRole('region', { name: 'Tier history' })).not.toContainText('intention_high');
});

test('the greetings view offers a personal draft per key person, an sms: link, and logs one greeting', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  const page = await openDashboard(ext, 'greetings');
  const card = page.getByRole('article', { name: `王建国, ${XZ}` }).first();
  const draft = card.getByRole('textbox', { name: 'Draft for 王建国' });
  await expect(draft).toHaveValue(/^王总，/);
  const sms = card.getByRole('link', { name: 'Send SMS' });
  await expect(sms).toHaveAttribute('href', /^sms:13805160001\?body=%E7%8E%8B%E6%80%BB/);
  // Never a bulk send: one recipient per link, and no "send all".
  await expect(page.getByRole('button', { name: /all/i })).toHaveCount(0);

  await card.getByRole('button', { name: 'Log greeting' }).click();
  await expect(page.getByText('Greeting to 王建国 logged.')).toBeVisible();
  await expect.poll(() => server.interactionRows(seeded.xz.id).filter((r) => r.kind === 'greeting').length).toBe(1);
  const history = await apiGet<{ interactions: Array<{ kind: string; personId: number | null; summary: string }> }>(
    server,
    `/api/customers/${seeded.xz.id}/interactions`,
  );
  expect(history.interactions[0]).toMatchObject({ kind: 'greeting', personId: seeded.xz.people[0]?.id });
  expect(history.interactions[0]?.summary).toContain('王总');
});

test('customers: A–Z by pinyin initial, search by initials, the file editable, marking lost asks why', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  const page = await openDashboard(ext, 'customers');
  // 江苏… files under J, 徐州… under X.
  await expect(page.getByRole('region', { name: 'J', exact: true })).toContainText(JHRT);
  await expect(page.getByRole('region', { name: 'X', exact: true })).toContainText(XZ);
  await expect(page.getByRole('navigation', { name: 'A–Z index' }).getByRole('button', { name: 'B' })).toBeDisabled();

  await page.getByLabel('Region').selectOption('华东');
  await expect(page.getByRole('region', { name: 'X', exact: true })).toContainText(XZ);
  await expect(page.getByRole('region', { name: 'J', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();

  await page.getByRole('searchbox', { name: 'Search customers' }).fill('jhrt');
  await page.getByRole('region', { name: 'Search results' }).getByRole('link', { name: JHRT }).click();
  await expect(page.getByRole('heading', { name: JHRT })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contact history' })).toContainText('Asked for the revised quote.');

  await page.getByLabel('Industry', { exact: true }).fill('Construction');
  await page.getByLabel('Industry position and trends').fill('Regional builder, top 10 in Jiangsu');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved.')).toBeVisible();

  await page.getByRole('button', { name: 'Mark lost' }).click();
  const form = page.getByRole('form', { name: 'Mark lost' });
  await expect(form.getByRole('button', { name: 'Mark as lost' })).toBeDisabled();
  await form.getByLabel('Reason').selectOption('competitor');
  await form.getByLabel('What happened').fill('Signed with a Nanjing firm on price.');
  await form.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(page.getByText('Lost on')).toBeVisible();
  const c = await apiGet<CustomerState & { industry: string; trends: string }>(
    server,
    `/api/customers/${seeded.jhrt.id}`,
  );
  expect(c).toMatchObject({
    status: 'lost',
    lostReasonCode: 'competitor',
    lostReason: 'Signed with a Nanjing firm on price.',
    industry: 'Construction',
    trends: 'Regional builder, top 10 in Jiangsu',
  });

  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Lost customers' }).click();
  await expect(page.getByRole('region', { name: 'By reason' })).toContainText('Went to a competitor');
  await expect(page.getByRole('row').filter({ hasText: JHRT })).toContainText('Signed with a Nanjing firm on price.');
});

test('a visit record is saved through the outbox and printable; the digest shows on browser start', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  const page = await openDashboard(ext, `visit/${seeded.xz.id}`);
  await expect(page.getByRole('form', { name: 'Visit record' })).toContainText(XZ);
  await page.getByLabel('Needs analysed').fill('A survey before the Yunlong auction.');
  await page.getByLabel('Environment assessed').fill('Two competitors bid; the board decides in May.');
  await page.getByLabel('Service entry point').fill('Survey within two weeks.');
  await page.getByLabel('People met').fill('王建国 (总经理), 陈丽');
  await page.getByLabel('Next step', { exact: true }).fill('Send the survey plan by Friday.');
  await page.getByRole('button', { name: 'Save visit' }).click();
  await expect(page.getByRole('region', { name: 'Customer visit record' })).toContainText('Survey within two weeks.');
  await expect
    .poll(async () => {
      const h = await apiGet<{ interactions: Array<{ kind: string; visit: Record<string, string> | null }> }>(
        server,
        `/api/customers/${seeded.xz.id}/interactions`,
      );
      return h.interactions[0]?.visit?.entryPoint;
    })
    .toBe('Survey within two weeks.');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Browser start: the morning digest lists the overdue B customer.
  await ext.restart();
  await expect
    .poll(async () => ext.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())), {
      timeout: 15_000,
    })
    .toContain('dossier-digest');
});

test('the options page sets the digest hour and tiers; the daily alarm follows', async ({ dossier }) => {
  const { ext } = dossier;
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const digest = page.getByRole('group', { name: 'Daily digest' });
  await expect(digest.getByLabel('Tier A')).toBeChecked();
  await expect(digest.getByLabel('Tier B')).toBeChecked();
  await expect(digest.getByLabel('Tier C')).not.toBeChecked();
  await digest.getByLabel('At', { exact: true }).selectOption('7');
  await digest.getByLabel('Tier B').uncheck();
  await digest.getByLabel('Tier C').check();
  await expect
    .poll(() =>
      ext.worker.evaluate(async () => {
        const a = await chrome.alarms.get('dossier-digest');
        return a ? [new Date(a.scheduledTime).getHours(), new Date(a.scheduledTime).getMinutes()] : null;
      }),
    )
    .toEqual([7, 0]);
  expect(await ext.worker.evaluate(async () => (await chrome.storage.local.get('digestTiers')).digestTiers)).toEqual([
    'A',
    'C',
  ]);
  await digest.getByLabel(/Show a digest/).uncheck();
  await expect
    .poll(() => ext.worker.evaluate(async () => (await chrome.alarms.get('dossier-digest')) ?? null))
    .toBeNull();
});
