import { dueLine, expect, expectCustomer, test } from './helpers/fixtures.ts';

test.describe('context card in the real side panel', () => {
  test('follows the active tab: customer on any sub-domain, unknown site, back again', async ({ dossier }) => {
    const { ext } = dossier;
    const home = await ext.openSite('https://www.xz-land.com.cn/');
    const panel = await ext.openPanel();

    // The opener tab (an extension page) was active: a quiet empty state, no card.
    await home.bringToFront();
    await expectCustomer(panel, '徐州某某置业有限公司', 'A');
    await expect(dueLine(panel, 'call')).toContainText('in 5 days');
    await expect(dueLine(panel, 'visit')).toContainText('in 40 days');
    await expect(panel.getByText('Matched by domain: xz-land.com.cn')).toBeVisible();
    // Key people, click-to-copy phone and mailto; the last contacts; the follow-up count.
    await expect(panel.getByRole('button', { name: 'Copy 138 0516 0001' })).toBeVisible();
    await expect(panel.getByRole('link', { name: 'wang.jianguo@xz-land.com.cn' })).toHaveAttribute(
      'href',
      'mailto:wang.jianguo@xz-land.com.cn',
    );
    await expect(panel.getByText('Proposal for the land survey sent')).toBeVisible();
    await expect(panel.getByText('2 follow-ups')).toBeVisible();

    // Another sub-domain of the same company.
    const jobs = await ext.openSite('https://hr.xz-land.com.cn/jobs');
    await jobs.bringToFront();
    await expectCustomer(panel, '徐州某某置业有限公司', 'A');
    await expect(dueLine(panel, 'call')).toContainText('in 5 days');

    // A site nobody has on file.
    const unknown = await ext.openSite('https://www.some-builder-unknown.com.cn/');
    await unknown.bringToFront();
    await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Capture this page' })).toBeVisible();
    await expect(panel.getByRole('img', { name: /^Tier / })).toHaveCount(0);

    // Back to the customer: from cache, at once.
    await home.bringToFront();
    await expectCustomer(panel, '徐州某某置业有限公司', 'A');
  });

  test('browser pages get a quiet empty state; Capture this page is acknowledged', async ({ dossier }) => {
    const { ext } = dossier;
    const unknown = await ext.openSite('https://www.some-builder-unknown.com.cn/');
    const blank = await ext.openSite('about:blank');
    const panel = await ext.openPanel();
    await blank.bringToFront();
    await expect(panel.getByText('Open a company website or a webmail message')).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Log call' })).toHaveCount(0);

    await ext.pressButton(unknown);
    await panel.getByRole('button', { name: 'Capture this page' }).click();
    await expect(panel.getByText('Capture started.')).toBeVisible();
  });
});
