import { landPage } from '../../extension/bench/page.ts';
import { expect, test } from './helpers/fixtures.ts';

const URL = 'https://www.xzggzy.cn/jyxx/td/result.html';

test('a long land list: the preview shows its first 50 parcels, more on demand, and saves them all', async ({
  dossier,
}) => {
  const { ext } = dossier;
  const { html, parcels } = landPage(28_000); // ~120 rows
  await ext.context.route(URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const site = await ext.openSite(URL);
  const panel = await ext.pressButton(site);
  await panel.getByRole('button', { name: 'Capture this page' }).click();

  await expect(panel.getByRole('group', { name: /Parcel 50 ·/ })).toBeVisible();
  await expect(panel.getByRole('group', { name: /Parcel 51 ·/ })).toHaveCount(0);
  const note = panel.getByRole('note');
  await expect(note).toContainText(`Showing the first 50 of ${parcels}; the others are saved as read.`);
  await note.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(panel.getByRole('group', { name: /Parcel 100 ·/ })).toBeVisible();
  await expect(note).toContainText(`Showing the first 100 of ${parcels}`);

  // Left out one that was shown; those never shown are saved as read.
  await panel.getByRole('checkbox', { name: 'Keep Parcel 1', exact: true }).uncheck();
  await panel.getByRole('button', { name: 'Save parcels and winners' }).click();
  await expect(panel.getByText(`${parcels - 1} parcels saved;`, { exact: false })).toBeVisible();
});

test('a capture of a huge page cancelled while it is read: no preview comes, the card is back', async ({ dossier }) => {
  const { ext } = dossier;
  const { html } = landPage(4 * 1024 * 1024);
  await ext.context.route(URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  const site = await ext.openSite(URL);
  const panel = await ext.pressButton(site);
  await panel.getByRole('button', { name: 'Capture this page' }).click();
  await expect(panel.getByText('Reading the page…')).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();

  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();
  // Long enough for the read to have finished: its result is dropped, not shown.
  await panel.waitForTimeout(3000);
  await expect(panel.getByRole('heading', { name: 'Capture preview' })).toHaveCount(0);
  await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();
});
