import type { Page } from '@playwright/test';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';
import type { DossierServer } from './helpers/server.ts';

/** A third customer with a person who is not a key person (the seed's people are all key people). */
async function seedXzjh(server: DossierServer) {
  return server.createCustomer({
    name: '徐州嘉华置业有限公司',
    tier: 'A',
    status: 'active',
    keys: [{ kind: 'domain', value: 'xzjh-home.com' }],
    people: [
      { name: '张伟', title: '总经理', mobile: '138 0516 0101', keyPerson: true },
      { name: '刘洋', title: '项目经理', mobile: '139 5200 0202', keyPerson: false },
    ],
  });
}

const searchBox = (panel: Page) => panel.getByRole('searchbox', { name: 'Find a customer' });

test('the panel search finds a customer by pinyin initials on any page and opens its card', async ({ dossier }) => {
  const { ext, server } = dossier;
  await seedXzjh(server);
  const site = await ext.openSite('https://www.nobody-here.com/');
  const panel = await ext.pressButton(site);
  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();

  await searchBox(panel).fill('xzjh');
  const results = panel.getByRole('list', { name: 'Find a customer' });
  await expect(results.getByRole('listitem').first()).toContainText('pinyin initials');
  await results.getByRole('button', { name: '徐州嘉华置业有限公司' }).click();
  await expectCustomer(panel, '徐州嘉华置业有限公司', 'A');

  // Back to the page's own card.
  await panel.getByRole('button', { name: 'Back to this page' }).click();
  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();

  // A phone however written finds the file as well.
  await searchBox(panel).fill('13952000202');
  await expect(results.getByRole('button', { name: '徐州嘉华置业有限公司' })).toBeVisible();
});

test('a search result without a website opens its card in the panel, where a call is logged', async ({ dossier }) => {
  const { ext, server } = dossier;
  // Known by its company mailbox only (an address book import): no website to open a card on.
  const steel = await server.createCustomer({
    name: '徐州永泰钢材有限公司',
    tier: 'B',
    status: 'active',
    keys: [{ kind: 'email_domain', value: 'xzyt-steel.com' }],
    people: [{ name: '周涛', title: '销售经理', mobile: '137 7000 1234', keyPerson: true }],
  });
  const site = await ext.openSite('https://www.nobody-here.com/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();

  await searchBox(panel).fill('永泰');
  await panel
    .getByRole('list', { name: 'Find a customer' })
    .getByRole('button', { name: '徐州永泰钢材有限公司' })
    .click();
  await expectCustomer(panel, '徐州永泰钢材有限公司', 'B');
  expect(ext.context.pages().some((p) => p.url().includes('dashboard.html'))).toBe(false);

  await panel.getByRole('button', { name: 'Log call', exact: true }).click();
  await expect(panel.getByText('徐州永泰钢材有限公司: Call logged.')).toBeVisible();
  await expect
    .poll(async () => JSON.stringify(await server.interactions(steel.id)), { timeout: 15_000 })
    .toContain('"kind":"call"');
  await panel.getByRole('button', { name: 'Back to this page' }).click();
  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();
});

test('the log form lists a person who is not a key person; "by cadence" leaves the appointment empty', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  const xzjh = await seedXzjh(server);
  const liu = xzjh.people.find((p) => p.name === '刘洋');
  const site = await ext.openSite('https://www.xzjh-home.com/');
  const panel = await ext.pressButton(site);
  await expectCustomer(panel, '徐州嘉华置业有限公司', 'A');
  // The card lists key people only.
  await expect(panel.getByText('刘洋')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Log other…' }).click();
  const kinds = await panel.getByLabel('Kind').locator('option').allTextContents();
  expect(kinds.slice(0, 2)).toEqual(['Call', 'Visit']);
  await expect(panel.getByLabel('Kind')).toHaveValue('call');
  const person = panel.getByLabel('Person');
  await expect(person.locator('option', { hasText: '刘洋 · 项目经理' })).toHaveCount(1);
  await person.selectOption({ label: '刘洋 · 项目经理' });

  // Quick picks: "tomorrow" fills the next contact; "by cadence" empties it and says so.
  await panel.getByRole('button', { name: 'Tomorrow' }).click();
  await expect(panel.getByLabel('Next contact')).not.toHaveValue('');
  await panel.getByRole('button', { name: 'By cadence' }).click();
  await expect(panel.getByLabel('Next contact')).toHaveValue('');
  await expect(panel.getByText('the tier’s cadence sets when the next call and visit are due')).toBeVisible();
  await panel.getByRole('button', { name: 'Log', exact: true }).click();

  // The toast names the customer, offers Undo and can be closed.
  await expect(panel.getByText('徐州嘉华置业有限公司: Call logged.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect
    .poll(async () => (await server.context('https://www.xzjh-home.com/')).lastInteractions[0]?.personId)
    .toBe(liu?.id);
  const last = (await server.context('https://www.xzjh-home.com/')).lastInteractions[0];
  expect(last).toMatchObject({ kind: 'call', appointment: null });
  await panel.getByRole('button', { name: 'Dismiss' }).click();
  await expect(panel.getByRole('button', { name: 'Undo' })).toBeHidden();
});

test('an unreachable server is shown on the panel, with the way to the settings', async ({ dossier }) => {
  test.setTimeout(150_000);
  const { ext, server } = dossier;
  await server.stop();
  const site = await ext.openSite('https://www.jhrt-build.com/');
  const panel = await ext.pressButton(site);
  await expect(panel.getByRole('alert').filter({ hasText: 'The Dossier server is not answering.' })).toBeVisible();
  // The outbox line does not claim that everything is saved.
  const outboxLine = panel.locator('.outbox[role="status"]');
  await expect(outboxLine).toContainText('Server not reachable');
  await expect(outboxLine).not.toContainText('All changes saved');

  await expect(panel.getByRole('button', { name: 'Open settings' })).toBeVisible();

  // Back up: the card shows.
  await server.start();
  await panel.getByRole('button', { name: 'Try again' }).click();
  await expectCustomer(panel, '江苏嘉华融通建设有限公司', 'B');

  // Down again: once the card is due a re-read, it is shown as kept from before, not as current.
  await server.stop();
  await new Promise((r) => setTimeout(r, 31_000));
  const other = await ext.openSite('https://www.nobody-here.com/');
  await other.bringToFront();
  await site.bringToFront();
  const notice = panel.getByRole('alert').filter({ hasText: 'reach the Dossier server' });
  await expect(notice).toBeVisible();
  await expectCustomer(panel, '江苏嘉华融通建设有限公司', 'B');
  await expect(notice.getByRole('button', { name: 'Open settings' })).toBeVisible();

  // Try again while still down: still said so.
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(notice).toBeVisible();
  await expect(outboxLine).toContainText('Server not reachable');

  // A call logged meanwhile is shown waiting, with the reason.
  await panel.getByRole('button', { name: 'Log call', exact: true }).click();
  await expect(outboxLine).toContainText('1 waiting to sync');
  await expect(outboxLine).toContainText('server not reachable');
  await expect(outboxLine).not.toContainText('All changes saved');

  // The server back: the card is current again (at once, or after Try again).
  await server.start();
  const again = notice.getByRole('button', { name: 'Try again' });
  await expect(async () => {
    if (await again.isVisible()) await again.click({ timeout: 1000 });
    await expect(notice).toBeHidden({ timeout: 1000 });
  }).toPass();
  await expectCustomer(panel, '江苏嘉华融通建设有限公司', 'B');
  // The call logged while it was down has arrived.
  await expect(outboxLine).toContainText('All changes saved', { timeout: 30_000 });
});

test('webmail: the toolbar shows the sender’s customer tier and the card their own numbers', async ({ dossier }) => {
  const { ext } = dossier;
  const gmail = await ext.openSite('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKlmnWangJianguo');
  const panel = await ext.pressButton(gmail);
  const sender = panel.getByRole('region', { name: 'From' });
  await expect(sender).toContainText('王建国 · 总经理 at 徐州某某置业有限公司');
  await expect(sender.getByRole('list', { name: '王建国' })).toContainText('Mobile');
  await expect(sender.getByRole('button', { name: 'Copy 138 0516 0001' })).toBeVisible();
  await expect.poll(async () => (await ext.badge(gmail)).text).toBe('A');
});

test('webmail: with the panel closed, the badge follows the next message opened in the tab', async ({ dossier }) => {
  const { ext } = dossier;
  const gmail = await ext.openSite('https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKlmnWangJianguo');
  const panel = await ext.pressButton(gmail);
  await expect(panel.getByRole('region', { name: 'From' })).toContainText('王建国');
  await expect.poll(async () => (await ext.badge(gmail)).text).toBe('A');
  await panel.evaluate(() => window.close());
  await expect.poll(() => panel.isClosed()).toBe(true);

  // Another message opened, as Gmail does it: the URL's fragment changes, the message is redrawn.
  await gmail.evaluate(() => {
    const from = document.querySelector('.adn .gD');
    const address = document.querySelector('.adn .go');
    if (!from || !address) throw new Error('fixture changed');
    for (const a of ['email', 'data-hovercard-id']) from.setAttribute(a, 'limin@jhrt-build.com');
    from.setAttribute('name', '李敏');
    from.textContent = '李敏';
    address.textContent = '<limin@jhrt-build.com>';
    const subject = document.querySelector('h2.hP');
    if (subject) subject.textContent = '报价单修订';
    location.hash = '#inbox/FMfcgzQXKlmnLiMin';
  });
  await expect.poll(async () => (await ext.badge(gmail)).text, { timeout: 15_000 }).toBe('B');
});

test('New customer on an unknown site: the website prefilled, tier C; a taken website offers its file', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  const site = await ext.openSite('https://www.xz-newco.com/');
  const panel = await ext.pressButton(site);
  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();
  await panel.getByRole('button', { name: 'New customer' }).click();
  const form = panel.getByRole('form', { name: 'New customer file' });
  await expect(form.getByLabel('Website')).toHaveValue('xz-newco.com');
  await expect(form.getByLabel('Tier')).toHaveValue('C');
  await form.getByLabel('Name').fill('徐州新科建材有限公司');
  await form.getByRole('button', { name: 'Create' }).click();
  await expectCustomer(panel, '徐州新科建材有限公司', 'C');
  expect((await server.context('https://www.xz-newco.com/')).customer?.name).toBe('徐州新科建材有限公司');

  // The website of a file already there: refused, and that file offered.
  const other = await ext.openSite('https://shop.xz-newco.com.cn/');
  await other.bringToFront();
  await panel.getByRole('button', { name: 'New customer' }).click();
  await form.getByLabel('Website').fill('www.xz-land.com.cn');
  await form.getByLabel('Name').fill('徐州某某置业');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByRole('alert')).toContainText('徐州某某置业有限公司');
  await form.getByRole('button', { name: 'Open that file' }).click();
  await expectCustomer(panel, '徐州某某置业有限公司', 'A');
});

test('after a capture is saved, the confirmation opens the file it went to', async ({ dossier }) => {
  const { ext, server } = dossier;
  const page = 'https://www.jiahe-build.com.cn/contact.html';
  const site = await ext.openSite(page);
  const panel = await ext.pressButton(site);
  await panel.getByRole('button', { name: 'Capture this page' }).click();
  await expect(panel.getByRole('heading', { name: 'Capture preview' })).toBeVisible();
  await panel.getByRole('button', { name: 'Save as new customer' }).click();
  await expectCustomer(panel, '徐州嘉禾建设工程有限公司', 'C');
  const id = (await server.context(page)).customer?.id;
  await panel.getByRole('button', { name: 'Open the file' }).click();
  await expect
    .poll(() => ext.context.pages().some((p) => p.url().includes(`dashboard.html#customer/${id}`)))
    .toBe(true);
});
