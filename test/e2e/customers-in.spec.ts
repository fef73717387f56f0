import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api } from './helpers/api.ts';
import { openDashboard } from './helpers/dashboard.ts';
import { expect, test } from './helpers/fixtures.ts';
import { repoRoot } from './helpers/paths.ts';

// Issue 16: customers in by hand, from the files people already have, and duplicates merged.
// The samples are read where they are (../shared/fixtures/contact-exports), never copied.
const samples = join(repoRoot, '../shared/fixtures/contact-exports');

/** Chooses a file on the import screen and waits for its preview, nothing set by hand. */
async function choose(page: Page, file: string) {
  await page.getByLabel('Choose a file').setInputFiles(join(samples, file));
  await expect(page.getByText(`File: ${file}`)).toBeVisible();
  await expect(page.getByText('Nothing to set: read as detected.')).toBeVisible();
}

test('the Excel sample imports through the dashboard with nothing set by hand, and its overdue customers are on the board', async ({
  dossier,
}) => {
  const page = await openDashboard(dossier.ext, 'customers');
  await page.getByRole('button', { name: 'Import customers' }).click();
  await expect(page.getByRole('heading', { name: 'Import customers' })).toBeVisible();
  await choose(page, 'account-manager-book.xlsx');

  // How it was read: the title row passed over, the headings mapped, 上次联系 as the last contact.
  await expect(page.getByText('Read as: Excel workbook')).toBeVisible();
  await expect(page.getByLabel('Header row')).toHaveValue('2');
  const mapping = page.getByRole('table', { name: 'Columns' });
  await expect(mapping.getByRole('row', { name: /上次联系/ }).getByRole('combobox')).toHaveValue('lastContact');
  await expect(mapping.getByRole('row', { name: /客户名称/ }).getByRole('combobox')).toHaveValue('name');
  // What the commit will do, and why.
  await expect(page.getByText('5 new customers')).toBeVisible();
  const merge = page.getByRole('region', { name: 'Will be added to a file' });
  await expect(merge).toContainText('Row 4');
  await expect(merge).toContainText('same company as row 3 (e-mail domain hdzy-xz.com)');
  await expect(page.getByRole('region', { name: 'Will be created' })).toContainText('南京紫金建设集团有限公司');

  await page.getByRole('button', { name: 'Import 6 rows' }).click();
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report).toContainText('account-manager-book.xlsx');
  await expect(report.getByRole('row', { name: /南京紫金建设集团有限公司/ })).toContainText('created');
  const download = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Download the report (CSV)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^account-manager-book-import-\d{4}-\d{2}-\d{2}\.csv$/);

  // 上次联系 became a logged contact: the B customers last called in October and on 20 November are overdue.
  await report.getByRole('button', { name: 'See them on the board' }).click();
  const overdue = page.getByRole('region', { name: 'Overdue' });
  await expect(overdue.getByRole('article', { name: /南京紫金建设集团有限公司/ })).toBeVisible();
  await expect(overdue.getByRole('article', { name: /常州龙城置业有限公司/ })).toBeVisible();
});

test('every other sample imports with nothing set by hand, each as its format says', async ({ dossier }) => {
  // dedupe.csv is meant for a book that already has this customer and person.
  await dossier.server.createCustomer({
    name: '辽宁华远置业集团股份有限公司',
    tier: 'A',
    people: [{ name: '王建国', mobile: '139 0400 1234' }],
  });
  const page = await openDashboard(dossier.ext, 'import');
  const expected: [string, string[]][] = [
    ['google-contacts.csv', ['2 new customers', '1 row added to a file', '1 person without a company']],
    // John Smith's mobile is the test seed's 李敏 at 江苏嘉华融通, but his row names Contoso: a new
    // file, that one only offered (a person who moved, or a number passed on).
    ['outlook-contacts-utf8.csv', ['2 new customers', '1 row added to a file']],
    // The same contacts from Chinese Windows (GBK): all already on file, nothing doubled.
    ['outlook-contacts-gbk.csv', ['3 rows already on file']],
    // 刘建华's card says more than his Google row did (his decision chain, his Wednesdays): added to his notes.
    ['apple-contacts.vcf', ['2 rows added to files']],
    ['android-contacts.vcf', ['1 row added to a file', '1 row already on file']],
    ['android-short-qp.vcf', ['1 row already on file']],
    // No ORG: joined to 青岛海逸 by the company e-mail domain.
    ['android-21.vcf', ['1 row added to a file']],
    // The mobile written differently merges; the similar name is offered, not merged.
    ['dedupe.csv', ['2 new customers', '1 row added to a file']],
  ];
  for (const [file, counts] of expected) {
    await choose(page, file);
    const shown = page.locator('.import-outline .import-counts');
    for (const c of counts) await expect(shown, file).toContainText(c);
    await expect(shown.getByRole('listitem')).toHaveCount(counts.length);
    if (file === 'google-contacts.csv') {
      await expect(page.getByRole('region', { name: /People without a company/ })).toContainText('王小红');
    }
    if (file === 'outlook-contacts-utf8.csv') {
      await expect(page.getByRole('region', { name: 'Will be created' })).toContainText(
        'is on record with 江苏嘉华融通建设有限公司 — the person may have moved',
      );
    }
    if (file === 'dedupe.csv') {
      const created = page.getByRole('region', { name: 'Will be created' });
      await expect(created).toContainText('a file with a similar name is on record: 辽宁华远置业集团股份有限公司');
      await expect(created.getByRole('button', { name: 'Add to that file instead' })).toBeVisible();
    }
    const commit = page.locator('.import-commit');
    if (await commit.getByRole('button').count()) {
      await commit.getByRole('button').click();
      await expect(page.getByRole('region', { name: 'Import report' })).toContainText(file);
    }
    await page.getByRole('button', { name: 'Choose another file' }).first().click();
  }
});

test('a hand-made sheet’s group headings and its total are listed as what they are, not as problems', async ({
  dossier,
}) => {
  const page = await openDashboard(dossier.ext, 'import');
  const sheet = [
    '序号,单位名称,联系人,手机',
    '一、房地产开发企业,,,',
    '1,徐州恒达置业有限公司,周建国,13905161234',
    '2,南京紫金建设集团有限公司,孙伟,18951871234',
    '二、物业服务企业,,,',
    '3,苏州金鸡湖物业管理有限公司,李娜,15862431234',
    '合计：3家单位,,,',
  ].join('\r\n');
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name: '重点客户.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  const counts = page.locator('.import-outline .import-counts');
  await expect(counts).toHaveText('3 new customers3 headings and totals');
  const lines = page.getByRole('region', { name: 'Headings and totals of the sheet (no customers)' });
  await expect(lines).toContainText('"一、房地产开发企业" is a heading of the sheet');
  await expect(lines).toContainText('"合计：3家单位" is a total or a footer of the report');
  await expect(page.getByRole('region', { name: /Rows with problems/ })).toHaveCount(0);
  await page.locator('.import-commit').getByRole('button').click();
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.locator('.import-counts')).toHaveText('3 new customers3 headings and totals');
  // Each group's name went to the notes of its rows.
  const found = await api<{ results: { id: number; name: string }[] }>(
    dossier.server,
    'GET',
    `/api/search?q=${encodeURIComponent('金鸡湖')}`,
  );
  expect(found.results.map((r) => r.name)).toEqual(['苏州金鸡湖物业管理有限公司']);
  const file = await api<{ notes: string }>(dossier.server, 'GET', `/api/customers/${found.results[0]?.id}`);
  expect(file.notes).toBe('分组：物业服务企业');
});

test('what the user changes is read again: a column left out, a similar name merged, a person placed', async ({
  dossier,
}) => {
  await dossier.server.createCustomer({
    name: '辽宁华远置业集团股份有限公司',
    tier: 'A',
    people: [{ name: '王建国', mobile: '139 0400 1234' }],
  });
  const page = await openDashboard(dossier.ext, 'import');
  await choose(page, 'dedupe.csv');
  const counts = page.locator('.import-outline .import-counts');
  await expect(counts).toHaveText('2 new customers1 row added to a file');
  // Without the mobiles nothing ties row 2 to the file on record but its name: offered, not merged.
  const mobile = page.getByRole('table', { name: 'Columns' }).getByRole('row', { name: /手机/ }).getByRole('combobox');
  await mobile.selectOption({ label: 'Not imported' });
  await expect(page.getByText('1 setting changed by hand.')).toBeVisible();
  await expect(counts).toHaveText('3 new customers');
  await mobile.selectOption('person.mobile');
  await expect(page.getByText('Nothing to set: read as detected.')).toBeVisible();
  await expect(counts).toHaveText('2 new customers1 row added to a file');
  // 华远置业(沈阳) is judged the same company.
  await page
    .getByRole('region', { name: 'Will be created' })
    .getByRole('button', { name: 'Add to that file instead' })
    .click();
  await expect(page.getByText('1 setting changed by hand.')).toBeVisible();
  await expect(counts).toHaveText('1 new customer2 rows added to files');
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(
    page.getByRole('region', { name: 'Import report' }).getByRole('row', { name: /华远置业\(沈阳\)/ }),
  ).toContainText('added to');

  // A person without a company given a file of their own, then (the choice undone) placed in a file found by search.
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await choose(page, 'google-contacts.csv');
  const unplaced = page.getByRole('region', { name: /People without a company/ });
  await unplaced.getByRole('button', { name: 'or give them a file of their own' }).click();
  await expect(counts).toHaveText('3 new customers1 row added to a file');
  const created = page.getByRole('region', { name: 'Will be created' });
  const own = created.getByRole('listitem').filter({ hasText: '王小红' });
  await expect(own).toContainText('→ a file of their own');
  await own.getByRole('button', { name: 'Cancel' }).click();
  await expect(counts).toHaveText('2 new customers1 row added to a file1 person without a company');
  await unplaced.getByLabel('Place in').fill('华远');
  await unplaced.getByRole('button', { name: /辽宁华远置业集团股份有限公司/ }).click();
  await expect(counts).toHaveText('2 new customers2 rows added to files');
  await expect(page.getByRole('region', { name: 'Will be added to a file' })).toContainText(
    '→ 辽宁华远置业集团股份有限公司',
  );

  // A store's list of private customers: each given a file of their own at once.
  await page.getByRole('button', { name: 'Choose another file' }).click();
  const list = '客户姓名,车型,上次到店时间\n张三,宝马 3系 2020款,2025-03-10\n李四,奔驰 C200L,2025-05-22\n';
  await page
    .getByLabel('Choose a file')
    .setInputFiles({ name: '客户信息表.csv', mimeType: 'text/csv', buffer: Buffer.from(list) });
  await expect(counts).toHaveText('2 people without a company');
  await page.getByRole('button', { name: 'Give each of the 2 a file of their own' }).click();
  await expect(counts).toHaveText('2 new customers');
  await expect(
    page.getByRole('region', { name: 'Will be created' }).getByRole('listitem').filter({ hasText: '张三' }),
  ).toContainText('→ a file of their own');
});

test('a duplicate found in the finder is merged, then undone', async ({ dossier }) => {
  const { ext, server, seeded } = dossier;
  // A second file for 徐州某某置业, made on purpose: the same key person's mobile, written another way.
  const twin = await server.createCustomer({
    name: '徐州某某置业',
    tier: 'C',
    people: [{ name: '王总', mobile: '+86 138-0516-0001' }],
    allowDuplicate: true,
  });
  const page = await openDashboard(ext, 'duplicates');
  await expect(page.getByRole('heading', { name: 'Duplicates' })).toBeVisible();
  const group = page.locator('.duplicate-group').filter({ hasText: '徐州某某置业有限公司' });
  await expect(group).toContainText('same phone 13805160001');
  await expect(group).toContainText('same name');
  await group.getByRole('button', { name: 'Merge…' }).click();

  const screen = page.getByRole('region', { name: 'Merge customer files' });
  // The file with more people stays; what moves is listed before anything is done.
  await expect(screen.getByRole('radio', { name: /徐州某某置业有限公司/ })).toBeChecked();
  await expect(screen.getByRole('region', { name: 'What moves from 徐州某某置业' })).toContainText('王总');
  await screen.getByRole('button', { name: 'Merge 徐州某某置业 into 徐州某某置业有限公司' }).click();

  const toast = page.locator('.toast');
  await expect(toast).toContainText('徐州某某置业 merged into 徐州某某置业有限公司.');
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.locator('.duplicate-group').filter({ hasText: '徐州某某置业有限公司' })).toHaveCount(0);
  await expect(api(server, 'GET', `/api/customers/${twin.id}`)).rejects.toThrow(/404/);

  // Undo from the view (the toast goes; the view keeps it until the deadline).
  const recent = page.getByRole('region', { name: 'Merged just now' });
  await recent.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.toast')).toContainText('徐州某某置业 is back as its own file.');
  await expect(page.locator('.duplicate-group').filter({ hasText: '徐州某某置业有限公司' })).toHaveCount(1);
  await expect(recent).toHaveCount(0);
  await api(server, 'GET', `/api/customers/${twin.id}`);
  expect((await api<{ people: unknown[] }>(server, 'GET', `/api/customers/${seeded.xz.id}`)).people).toHaveLength(2);
});

test('a new customer whose mobile is on file: the board’s form names the file, and Create anyway makes the new one', async ({
  dossier,
}) => {
  const page = await openDashboard(dossier.ext, 'board');
  await page.getByRole('button', { name: 'New customer' }).click();
  const form = page.getByRole('form', { name: 'New customer file' });
  await form.getByLabel('Company name').fill('徐州某某置业（新）');
  await form.getByLabel('Phone').fill('138 0516 0001');
  await form.getByRole('button', { name: 'Create' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Already on file');
  await expect(alert).toContainText('The mobile 138 0516 0001 belongs to 徐州某某置业有限公司.');
  await expect(alert.getByRole('button', { name: 'Open it' })).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Add to it' })).toBeVisible();
  await alert.getByRole('button', { name: 'Create anyway' }).click();
  await expect(page.getByRole('heading', { name: '徐州某某置业（新）' })).toBeVisible();
});

test('New customer on an unknown site whose website the user types is taken: Add this site to it', async ({
  dossier,
}) => {
  const { ext, server } = dossier;
  const site = await ext.openSite('https://shop.xz-newco.com.cn/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await panel.getByRole('button', { name: 'New customer' }).click();
  const form = panel.getByRole('form', { name: 'New customer file' });
  await expect(form.getByLabel('Website')).toHaveValue('xz-newco.com.cn');
  await form.getByLabel('Website').fill('www.xz-land.com.cn');
  await form.getByLabel('Name').fill('徐州某某置业商城');
  await form.getByRole('button', { name: 'Create' }).click();
  await expect(form.getByRole('alert')).toContainText('徐州某某置业有限公司');
  await form.getByRole('button', { name: 'Add this site to it' }).click();
  await expect(panel.getByRole('heading', { name: '徐州某某置业有限公司' })).toBeVisible();
  expect((await server.context('https://shop.xz-newco.com.cn/')).customer?.name).toBe('徐州某某置业有限公司');
});
