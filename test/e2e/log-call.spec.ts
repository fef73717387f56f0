import { dueLine, expect, expectCustomer, test } from './helpers/fixtures.ts';

test('Log call moves the next call by the tier’s call days; undo takes it back', async ({ dossier }) => {
  const { ext, server, seeded } = dossier;
  const site = await ext.openSite('https://www.jhrt-build.com/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await expectCustomer(panel, '江苏嘉华融通建设有限公司', 'B');
  // Tier B calls weekly; the last call was 12 days ago.
  await expect(dueLine(panel, 'call')).toContainText('overdue 5 days');
  await expect(dueLine(panel, 'call')).toHaveClass(/overdue/);
  const before = server.interactionRows(seeded.jhrt.id).length;

  await panel.getByRole('button', { name: 'Log call' }).click();
  await expect(dueLine(panel, 'call')).toContainText('in 7 days');
  await expect(dueLine(panel, 'call')).not.toHaveClass(/overdue/);
  await expect(panel.getByText('Call logged.')).toBeVisible();

  // The server agrees, and so does the badge (no longer red).
  await expect.poll(() => server.interactionRows(seeded.jhrt.id).length).toBe(before + 1);
  const answer = await server.context('https://www.jhrt-build.com/');
  expect(answer.overdue.call).toBe(false);
  await expect.poll(async () => (await ext.badge(site)).color).toEqual([15, 118, 110, 255]);

  // Undo within 5 seconds: the card and the server go back.
  await panel.getByRole('button', { name: 'Undo' }).click();
  await expect(dueLine(panel, 'call')).toContainText('overdue 5 days');
  await expect.poll(() => server.interactionRows(seeded.jhrt.id).filter((r) => !r.deleted).length).toBe(before);
  expect((await server.context('https://www.jhrt-build.com/')).overdue.call).toBe(true);
  // Still shown correctly after the server's answer replaced the optimistic one.
  await expect(dueLine(panel, 'call')).toContainText('overdue 5 days');
});

test('the toast and its Undo stay long enough to read (8 s), then go; the log stays', async ({ dossier }) => {
  const { ext, server, seeded } = dossier;
  const site = await ext.openSite('https://www.xz-land.com.cn/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await expectCustomer(panel, '徐州某某置业有限公司', 'A');
  await panel.getByRole('button', { name: 'Log visit' }).click();
  await expect(panel.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(dueLine(panel, 'visit')).toContainText('in 60 days');
  // The toast names the file, and is still there to be read (and undone) after 8 seconds.
  await expect(panel.getByText('徐州某某置业有限公司: Visit logged.')).toBeVisible();
  await panel.waitForTimeout(8000);
  await expect(panel.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Undo' })).toBeHidden({ timeout: 6000 });
  await expect
    .poll(() => server.interactionRows(seeded.xz.id).filter((r) => r.kind === 'visit' && !r.deleted).length)
    .toBe(2);
});

test('the form logs the other kinds with person, outcome, intention, note and next contact', async ({ dossier }) => {
  const { ext, server, seeded } = dossier;
  const site = await ext.openSite('https://www.xz-land.com.cn/');
  const panel = await ext.openPanel();
  await site.bringToFront();
  await expectCustomer(panel, '徐州某某置业有限公司', 'A');

  await panel.getByRole('button', { name: 'Log other…' }).click();
  await panel.getByLabel('Kind').selectOption('meeting');
  await panel.getByLabel('Person').selectOption({ label: '陈丽 · 土地拓展部经理' });
  await panel.getByLabel('Outcome').fill('Agreed to a site survey');
  await panel.getByLabel('Intention').selectOption('high');
  await panel.getByLabel('Note').fill('Bring the survey team; they want it before the auction.');
  await panel.getByLabel('Next contact').fill('2099-03-05T10:00');
  await panel.getByRole('button', { name: 'Log', exact: true }).click();

  await expect(panel.getByRole('group', { name: 'Appointment' })).toBeVisible();
  await expect
    .poll(async () => (await server.context('https://www.xz-land.com.cn/')).lastInteractions[0]?.kind)
    .toBe('meeting');
  const last = (await server.context('https://www.xz-land.com.cn/')).lastInteractions[0];
  expect(last).toMatchObject({
    kind: 'meeting',
    personId: seeded.xz.people.find((p) => p.name === '陈丽')?.id,
    outcome: 'Agreed to a site survey',
    intention: 'high',
    summary: 'Bring the survey team; they want it before the auction.',
  });
  expect(new Date(last?.appointment ?? 0).getFullYear()).toBe(2099);
});
