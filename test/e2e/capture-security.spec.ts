import type { Page } from '@playwright/test';
import { api } from './helpers/api.ts';
import { expect, expectCustomer, test } from './helpers/fixtures.ts';

const HOSTILE = 'https://www.xinda-trade.com.cn/about.html';
const SAFE_HREF = /^(https?:|mailto:|tel:|sms:)/;

/** What could make captured data active in the panel: scripts, handlers, frames, images, links. */
async function panelSurface(panel: Page) {
  return panel.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
      foreignScripts: [...document.scripts].filter((s) => s.src && !s.src.startsWith(location.origin)).length,
      handlers: all.filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
      frames: document.querySelectorAll('iframe, frame, object, embed').length,
      images: document.images.length,
      hrefs: [...document.body.querySelectorAll('[href], [src], [action], [formaction]')].map(
        (a) =>
          a.getAttribute('href') ??
          a.getAttribute('src') ??
          a.getAttribute('action') ??
          a.getAttribute('formaction') ??
          '',
      ),
    };
  });
}

async function expectInert(panel: Page) {
  // Long enough for an injected image to fail and fire its onerror, were there one.
  await panel.waitForTimeout(300);
  const s = await panelSurface(panel);
  expect(s).toMatchObject({ pwned: null, inlineScripts: 0, foreignScripts: 0, handlers: 0, frames: 0, images: 0 });
  for (const href of s.hrefs) expect(href).toMatch(SAFE_HREF);
}

test('a captured page with <script> and javascript: links shows them inert in the panel', async ({ dossier }) => {
  const { ext, server } = dossier;
  // A stored capture of this page that says worse (another client could have saved it): it
  // comes back through "what changed since the last capture".
  await api(server, 'POST', '/api/captures', {
    capture: {
      url: HOSTILE,
      kind: 'company',
      adapter: 'generic',
      company: {
        name: '<img src=x onerror="parent.__pwned=\'diff\'">徐州鑫达贸易有限公司',
        website: 'javascript:alert(document.domain)',
        phones: [],
        faxes: [],
        emails: [],
        products: [],
      },
      people: [{ name: '<script>parent.__pwned="person"</script>' }],
      message: null,
      parcels: [],
    },
    target: { new: { name: '鑫达（旧档）', tier: 'C' } },
    addDomainKey: false,
    idempotencyKey: 'e2e-hostile-capture-0001',
  });

  const site = await ext.openSite(HOSTILE);
  // The page is really hostile: its own scripts run — in the page.
  expect(await site.evaluate(() => (window as unknown as { __pageScriptRan?: boolean }).__pageScriptRan)).toBe(true);
  const panel = await ext.pressButton(site);
  await panel.getByRole('button', { name: 'Capture this page' }).click();

  // Markup in the page's text arrives as text: in form fields and in the list of changes.
  await expect(panel.getByLabel('Address', { exact: true })).toHaveValue(
    "<script>parent.__pwned = 'address'</script>江苏省徐州市鼓楼区中山北路8号",
  );
  await expect(panel.getByLabel('Business scope', { exact: true })).toHaveValue(
    '钢材、<img src=x onerror="parent.__pwned = \'img\'">建材销售',
  );
  // javascript: links on the page gave no website: the visible text did, as a checked https link.
  await expect(panel.getByLabel('Website', { exact: true })).toHaveValue('www.xinda-trade.com.cn');
  await expect(panel.getByRole('link', { name: 'Open' })).toHaveAttribute('href', 'https://www.xinda-trade.com.cn/');
  const changes = panel.getByRole('region', { name: /What changed since the capture of/ });
  await expect(changes).toContainText('javascript:alert(document.domain)');
  await expect(changes).toContainText('<img src=x onerror="parent.__pwned=\'diff\'">徐州鑫达贸易有限公司');
  await expect(changes).toContainText('<script>parent.__pwned="person"</script>');
  await expect(changes.getByRole('link')).toHaveCount(0);
  await expectInert(panel);

  // A javascript: website typed (or pasted) in gets no link either.
  await panel.getByLabel('Website', { exact: true }).fill('javascript:alert(1)');
  await expect(panel.getByRole('link', { name: 'Open' })).toHaveCount(0);
  await panel.getByLabel('Website', { exact: true }).fill('www.xinda-trade.com.cn');

  // Saved, the file shows the same data as text on the card.
  await panel.getByRole('button', { name: 'Save as new customer' }).click();
  await expectCustomer(panel, '徐州鑫达贸易有限公司', 'C');
  await expect(panel.getByText('孙立')).toBeVisible();
  await expectInert(panel);
  expect(await site.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBe('page');
});
