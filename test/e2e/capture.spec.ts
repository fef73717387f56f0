import type { Customer, CustomerDetail } from '@dossier/shared';
import { api } from './helpers/api.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';

const JIAHE = 'https://www.jiahe-build.com.cn/contact.html';
const LAND = 'https://ggzy.xuzhou.gov.cn/xzggzy/jyxx/tdky/cjgs/20240112/a3f1c2d4.html';
type CustomerList = { customers: Customer[]; total: number };

test('capture a company page into a new customer; the card then shows it with its tier', async ({ dossier }) => {
  const { ext, server } = dossier;
  const site = await ext.openSite(JIAHE);
  const panel = await ext.pressButton(site);
  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();

  await panel.getByRole('button', { name: 'Capture this page' }).click();
  await expect(panel.getByRole('heading', { name: 'Capture preview' })).toBeVisible();
  // Read from the page: Chinese labels, phones as dialled at home, the footer's ICP number.
  await expect(panel.getByLabel('Company name', { exact: true })).toHaveValue('徐州嘉禾建设工程有限公司');
  await expect(panel.getByLabel('Credit code', { exact: true })).toHaveValue('91320303MA20KJ7L8L');
  await expect(panel.getByLabel('ICP number', { exact: true })).toHaveValue('苏ICP备13045678号');
  await expect(panel.getByLabel('Phone 1', { exact: true })).toHaveValue('400-655-8899');
  await expect(panel.getByLabel('Phone 2', { exact: true })).toHaveValue('0516-85886600');
  await expect(panel.getByLabel('Fax 1', { exact: true })).toHaveValue('0516-85886601');
  const person = panel.getByRole('group', { name: /Person 1/ });
  await expect(person.getByLabel('Name', { exact: true })).toHaveValue('赵志强');
  await expect(person.getByLabel('Title', { exact: true })).toHaveValue('经营部经理');
  await expect(person.getByLabel('Mobile', { exact: true })).toHaveValue('138 5200 7788');
  await expect(panel.getByText('No customer in your files matches.')).toBeVisible();

  // Correct and leave out: the hotline is not the company's own number; the title is edited.
  await panel.getByRole('checkbox', { name: 'Keep Phone 1' }).uncheck();
  await person.getByLabel('Title', { exact: true }).fill('经营部总经理');
  await panel.getByLabel('Tier', { exact: true }).selectOption('B');
  await panel.getByRole('button', { name: 'Save as new customer' }).click();

  await expectCustomer(panel, '徐州嘉禾建设工程有限公司', 'B');
  await expect(panel.getByText('Matched by domain: jiahe-build.com.cn')).toBeVisible();
  await expect(panel.getByText('赵志强')).toBeVisible();

  // On the server: the file, its keys, people and numbers, without what was left out.
  const answer = await server.context(JIAHE);
  const detail = await api<CustomerDetail>(server, 'GET', `/api/customers/${answer.customer?.id}`);
  expect(detail).toMatchObject({ name: '徐州嘉禾建设工程有限公司', tier: 'B' });
  expect(detail.phones).toEqual(['0516-85886600']);
  expect(detail.people.map((p) => [p.name, p.title])).toEqual([['赵志强', '经营部总经理']]);
  expect(detail.keys.map((k) => k.kind)).toEqual(expect.arrayContaining(['credit_code', 'icp', 'domain']));

  // Capturing again: the file is found by its strongest key, and what changed is shown.
  await panel.getByRole('button', { name: 'Capture this page' }).click();
  await expect(panel.getByText(/same credit code 91320303MA20KJ7L8L/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Add to 徐州嘉禾建设工程有限公司' })).toBeVisible();
  const changes = panel.getByRole('heading', { name: /What changed since the capture of/ });
  await expect(changes).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: '400-655-8899' })).toContainText('new');
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expectCustomer(panel, '徐州嘉禾建设工程有限公司', 'B');
});

test('a capture saved while the server is down waits in the outbox and arrives once', async ({ dossier }) => {
  const { ext, server } = dossier;
  const site = await ext.openSite(JIAHE);
  const panel = await ext.pressButton(site);
  await panel.getByRole('button', { name: 'Capture this page' }).click();
  await expect(panel.getByLabel('Company name', { exact: true })).toHaveValue('徐州嘉禾建设工程有限公司');
  await expect(panel.getByText('No customer in your files matches.')).toBeVisible();
  // The preview's own lookups must be over before the server goes, or the button stays busy.
  const save = panel.getByRole('button', { name: 'Save as new customer' });
  await expect(save).toBeEnabled();

  await server.stop();
  await save.click();
  await expect(panel.getByRole('status')).toContainText('1 waiting to sync');

  await server.start();
  // The outbox tries again by itself; a user who still sees it waiting presses "Sync now" (the
  // button goes as soon as a retry of its own succeeds, so a click may find it gone).
  const sync = panel.getByRole('button', { name: 'Sync now' });
  await expect(async () => {
    if (await sync.isVisible()) await sync.click({ timeout: 1_000 }).catch(() => {});
    await expect(panel.getByRole('status')).toContainText('All changes saved', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expectCustomer(panel, '徐州嘉禾建设工程有限公司', 'C');
  const list = await api<CustomerList>(server, 'GET', '/api/customers?limit=500');
  expect(list.customers.filter((c) => c.name === '徐州嘉禾建设工程有限公司')).toHaveLength(1);
});

test('save a land result page: parcels stored, each winner a prospect with its first call due today', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  const site = await ext.openSite(LAND);
  const panel = await ext.pressButton(site);
  await panel.getByRole('button', { name: 'Capture this page' }).click();

  // The preview lists the parcels with number, location, area, use, prices, deal date and winner.
  const first = panel.getByRole('group', { name: /Parcel 1/ });
  await expect(first.getByLabel('Parcel no.')).toHaveValue('徐土2023-58号');
  await expect(first.getByLabel('Location')).toHaveValue('铜山区北京北路东、汉源大道南');
  await expect(first.getByLabel('Area (m²)')).toHaveValue('56721');
  await expect(first.getByLabel('Use')).toHaveValue('商住用地');
  await expect(first.getByLabel('Deal price (yuan)')).toHaveValue('523500000');
  await expect(first.getByLabel('Deal date')).toHaveValue('2024-01-10');
  await expect(first.getByLabel('Winner')).toHaveValue('徐州嘉华置业有限公司');
  await expect(panel.getByRole('group', { name: /Parcel 3/ }).getByLabel('Winner')).toHaveValue('徐州鼎盛物流有限公司');
  // No "new customer" here: the winners are the customers.
  await expect(panel.getByRole('button', { name: 'Save as new customer' })).toHaveCount(0);
  // Leave out the joint winners' industrial parcel.
  await panel.getByRole('checkbox', { name: 'Keep Parcel 2' }).uncheck();

  await panel.getByRole('button', { name: 'Save parcels and winners' }).click();
  await expect(panel.getByText('2 parcels saved; 2 new prospects.')).toBeVisible();

  const prospects = await api<CustomerList>(server, 'GET', '/api/customers?status=prospect&limit=500');
  const winner = prospects.customers.find((c) => c.name === '徐州鼎盛物流有限公司');
  expect(winner).toMatchObject({ status: 'prospect', stage: 'land_won', tier: 'C' });
  expect(prospects.customers.map((c) => c.name)).not.toContain(
    '江苏恒远新材料科技有限公司、徐州恒远投资发展有限公司（联合竞得）',
  );
  // First call due today: by the end of the day in the server's time zone, so within a day.
  const dueIn = new Date(winner?.nextDue ?? 0).getTime() - Date.now();
  expect(dueIn).toBeLessThanOrEqual(86_400_000);
  expect(dueIn).toBeGreaterThan(-60_000);
});

test('the capture script reads only the selected text when asked for a selection', async ({ dossier }) => {
  const { ext } = dossier;
  const site = await ext.openSite(JIAHE);
  // Select the contact person's two lines, as a user would before "Add selection to customer file".
  await site.evaluate(() => {
    const lines = [...document.querySelectorAll('.contact p')];
    const from = lines.find((p) => p.textContent?.startsWith('联 系 人'));
    const to = lines.find((p) => p.textContent?.startsWith('手'));
    if (!from || !to) throw new Error('fixture changed');
    const range = document.createRange();
    range.setStartBefore(from);
    range.setEndAfter(to);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
  });
  // The context menu's click grants activeTab as the toolbar button's does: the button stands in for it.
  await ext.pressButton(site);
  const tabId = await ext.tabId(site);
  // The injections the background makes for the context menu (src/capture/injection.ts): the
  // script loaded (it keeps its entry and reads nothing), then the kept entry run with the mode
  // as the call's argument. The panel the press opened reads the page meanwhile (a whole-page
  // read): the mode never passes through the page, so that read cannot take it.
  const result = await ext.worker.evaluate(async (id) => {
    const target = { tabId: id, frameIds: [0] };
    await chrome.scripting.executeScript({ target, files: ['/content-scripts/capture.js'] });
    const [r] = await chrome.scripting.executeScript({
      target,
      func: (m: string) =>
        (globalThis as { __dossierCapture?: { run(mode: string): unknown } }).__dossierCapture?.run(m),
      args: ['selection'],
    });
    return r?.result;
  }, tabId);
  expect(result).toMatchObject({
    url: JIAHE,
    adapter: 'selection',
    people: [{ name: '赵志强', title: '经营部经理', mobile: '+8613852007788' }],
  });
  // Nothing from outside the selection: no company name, credit code or ICP number.
  const company = (result as { company: Record<string, unknown> | null }).company;
  expect(company?.name).toBeUndefined();
  expect(company?.creditCode).toBeUndefined();
  expect(company?.icp).toBeUndefined();
});
