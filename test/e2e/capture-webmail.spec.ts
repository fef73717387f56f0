import { expect, expectCustomer, test } from './helpers/fixtures.ts';

const KNOWN = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXKlmnWangJianguo';
const UNKNOWN = 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQXJWxkRnbCgTqVtKmwPRLdNSZz';

test('Gmail: the open message’s sender is named with their customer; Log call with the subject prefilled', async ({
  dossier,
}) => {
  const { ext, server, seeded } = dossier;
  const gmail = await ext.openSite(KNOWN);
  const panel = await ext.pressButton(gmail);

  // By the sender's address: customer, person and the subject, not mail.google.com's "unknown".
  const sender = panel.getByRole('region', { name: 'From' });
  await expect(sender).toContainText('王建国 <wang.jianguo@xz-land.com.cn>');
  await expect(sender).toContainText('云龙地块测量方案的反馈');
  await expect(sender).toContainText('王建国 · 总经理 at 徐州某某置业有限公司');
  await expectCustomer(panel, '徐州某某置业有限公司', 'A');
  await expect(panel.getByText('Matched by e-mail address: wang.jianguo@xz-land.com.cn')).toBeVisible();
  await expect(panel.getByLabel('Note for the log')).toHaveValue('云龙地块测量方案的反馈');
  await expect(panel.getByRole('button', { name: 'Log email' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Log visit' })).toHaveCount(0);

  await panel.getByRole('button', { name: 'Log call' }).click();
  await expect(panel.getByText('Call logged.')).toBeVisible();
  await expect(panel.getByRole('group', { name: 'Next call due' })).toContainText('in 7 days');

  // Through the outbox to the server: a call with the subject, linked to the sender.
  const wang = seeded.xz.people.find((p) => p.name === '王建国');
  await expect
    .poll(async () => (await server.context('https://www.xz-land.com.cn/')).lastInteractions[0]?.summary)
    .toBe('云龙地块测量方案的反馈');
  const last = (await server.context('https://www.xz-land.com.cn/')).lastInteractions[0];
  expect(last).toMatchObject({ kind: 'call', personId: wang?.id, customerId: seeded.xz.id });
  expect(last?.sourceUrl).toBe(KNOWN);
  // The logged call lands and the sender's card shows it.
  await expect(panel.getByText('云龙地块测量方案的反馈').last()).toBeVisible();
});

test('Gmail: an unknown sender is added to a customer picked by search', async ({ dossier }) => {
  const { ext, server, seeded } = dossier;
  const gmail = await ext.openSite(UNKNOWN);
  const panel = await ext.pressButton(gmail);

  await expect(panel.getByRole('region', { name: 'From' })).toContainText('李明 <li.ming@xz-steel.com>');
  await expect(panel.getByRole('heading', { name: 'Sender not in your files' })).toBeVisible();
  await panel.getByRole('button', { name: 'Add sender to a customer' }).click();

  // The preview of the message: sender, signature (title, phones) and the company from it.
  await expect(panel.getByRole('heading', { name: 'Capture preview' })).toBeVisible();
  const person = panel.getByRole('group', { name: /Person 1/ });
  await expect(person.getByLabel('Name', { exact: true })).toHaveValue('李明');
  await expect(person.getByLabel('Title', { exact: true })).toHaveValue('华东区销售经理');
  await expect(person.getByLabel('Mobile', { exact: true })).toHaveValue('139 5200 8866');
  // A webmail page's domain is never offered as the customer's website.
  await expect(panel.getByRole('checkbox', { name: /Recognise/ })).toHaveCount(0);

  // Pinyin initials find 江苏嘉华融通建设.
  await panel.getByLabel('Add to another customer').fill('jhrt');
  await panel.getByRole('button', { name: 'Add to 江苏嘉华融通建设有限公司' }).click();

  // Saved through the outbox; the sender's card now names the customer and person.
  await expectCustomer(panel, '江苏嘉华融通建设有限公司', 'B');
  await expect(panel.getByRole('region', { name: 'From' })).toContainText(
    '李明 · 华东区销售经理 at 江苏嘉华融通建设有限公司',
  );
  const detail = await server.context('https://www.jhrt-build.com/');
  expect(detail.customer?.id).toBe(seeded.jhrt.id);
  const byMail = await fetch(`${server.url}/api/context?email=li.ming%40xz-steel.com`, {
    headers: { Authorization: 'Bearer e2e-token-7f3c9a1d5b' },
  }).then((r) => r.json());
  expect(byMail).toMatchObject({ customer: { id: seeded.jhrt.id }, person: { name: '李明', title: '华东区销售经理' } });
});

test('QQ Mail classic: the message is read from its frame; the sender’s company is found by e-mail domain', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  const hx = await server.createCustomer({
    name: '徐州恒信混凝土有限公司',
    tier: 'C',
    status: 'active',
    keys: [{ kind: 'email_domain', value: 'hx-concrete.com' }],
  });
  const qq = await ext.openSite('https://mail.qq.com/cgi-bin/frame_html?sid=Qx8zL2mN4pR6tV1w');
  await qq.frameLocator('#mainFrame').getByText('2024年第一季度混凝土供货计划').waitFor();
  const panel = await ext.pressButton(qq);

  await expect(panel.getByRole('region', { name: 'From' })).toContainText('孙立军 <sales@hx-concrete.com>');
  await expectCustomer(panel, '徐州恒信混凝土有限公司', 'C');
  await expect(panel.getByText('Matched by e-mail domain: hx-concrete.com')).toBeVisible();
  await panel.getByRole('button', { name: 'Log email' }).click();
  await expect(panel.getByText('E-mail logged.')).toBeVisible();
  await expect
    .poll(async () => (await server.interactions(hx.id)) as { interactions: Array<{ kind: string; summary?: string }> })
    .toMatchObject({ interactions: [{ kind: 'email', summary: '2024年第一季度混凝土供货计划' }] });
});
