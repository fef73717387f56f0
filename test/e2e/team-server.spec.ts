import { expect, test } from '@playwright/test';
import { ExtensionBrowser } from './helpers/browser.ts';
import { expectCustomer } from './helpers/fixtures.ts';
import { type Sites, startSites } from './helpers/sites.ts';
import {
  allowSiteInExtensionsPage,
  heldOrigins,
  type Member,
  permissionRequests,
  pgForE2e,
  recordPermissionRequests,
  TEAM_ORIGIN,
  TEAM_URL,
  TeamServer,
} from './helpers/team-server.ts';

// Issue #18: the built extension, unchanged, against a team server on PostgreSQL published by a
// department's reverse proxy under its own https name.

const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];
const CUSTOMER = '徐州某某置业有限公司';
const SITE = 'https://www.xz-land.com.cn/';

const pg = pgForE2e();

test.describe('team server behind https://dossier.example-corp.internal', () => {
  // One team server for the three tests: A's call is what B must not see.
  test.describe.configure({ mode: 'serial' });
  test.skip(pg.skip !== null, pg.skip ?? '');

  let team: TeamServer;
  let sites: Sites;
  let customerId: number;

  test.beforeAll(async () => {
    if (!pg.bin) throw new Error(pg.missing ?? 'no PostgreSQL');
    team = await TeamServer.start(pg.bin);
    sites = await startSites();
    // Member A's file, made as A through the API: A owns it.
    const c = await team.call<{ id: number }>(team.members.a.token, 'POST', '/api/customers', {
      name: CUSTOMER,
      tier: 'A',
      status: 'active',
      keys: [{ kind: 'domain', value: 'xz-land.com.cn' }],
    });
    customerId = c.id;
  });

  test.afterAll(async () => {
    await sites?.close();
    await team?.close();
  });

  /** A member's own browser: the options page set to the team URL and their token, the one host granted. */
  async function memberBrowser(member: Member): Promise<ExtensionBrowser> {
    const ext = await ExtensionBrowser.launch(team.chromiumArgs(sites.port));
    // Installed with loopback only: the team server is not reachable by permission yet.
    expect(await heldOrigins(ext)).toEqual(LOOPBACK);
    // The grant a headless browser can take (see allowSiteInExtensionsPage): one site, this profile.
    await allowSiteInExtensionsPage(ext, TEAM_ORIGIN);
    // Recorded for the profile, not yet held: the options page's own request is what grants it.
    expect(await heldOrigins(ext)).toEqual(LOOPBACK);
    const options = await ext.context.newPage();
    await options.goto(ext.extensionUrl('options.html'));
    await recordPermissionRequests(options);
    await options.getByLabel('Server URL').fill(TEAM_URL);
    await options.getByLabel('Token').fill(member.token);
    await options.getByRole('button', { name: 'Save' }).click();
    await expect(options.getByRole('status')).toContainText(
      `Saved: server ${TEAM_URL} and the token. Connected to Dossier`,
    );
    // The page asked for exactly the team server's origin, and the browser said yes.
    expect(await permissionRequests(options)).toEqual({ asked: [{ origins: [TEAM_ORIGIN] }], answers: [true] });
    // Held now: loopback and that one origin, nothing broader.
    expect(await heldOrigins(ext)).toEqual([...LOOPBACK, TEAM_ORIGIN].sort());
    await options.close();
    return ext;
  }

  /**
   * The grant is in force: an extension's fetch to a host it holds skips CORS, so the front sees
   * no OPTIONS preflight. (Without the grant the extension still gets answers — the server sends
   * CORS headers to the pinned extension origin — but every call is preflighted first.)
   */
  const expectNoPreflight = () => expect(team.served.filter((r) => r.startsWith('OPTIONS '))).toEqual([]);

  test('headless, the browser’s permission prompt is never answered: nothing is saved', async () => {
    const ext = await ExtensionBrowser.launch(team.chromiumArgs(sites.port));
    try {
      const options = await ext.context.newPage();
      await options.goto(ext.extensionUrl('options.html'));
      await recordPermissionRequests(options);
      await options.getByLabel('Server URL').fill(TEAM_URL);
      await options.getByLabel('Token').fill(team.members.a.token);
      await options.getByRole('button', { name: 'Save' }).click();
      // Asked for the one origin after the trusted click; Chromium opens its dialog, which no
      // one can press here: the request stays pending (it neither resolves false nor fails).
      await expect
        .poll(() => permissionRequests(options))
        .toEqual({ asked: [{ origins: [TEAM_ORIGIN] }], answers: [] });
      await options.waitForTimeout(3000);
      expect((await permissionRequests(options)).answers).toEqual([]);
      await expect(options.getByRole('status')).toHaveText('Testing…');
      expect(await heldOrigins(ext)).toEqual(LOOPBACK);
      // Nothing reached the team server: setUp asks before it stores or sends anything.
      expect(team.served).toEqual([]);
    } finally {
      await ext.close();
    }
  });

  test('member A: tier on the customer’s site, and a call logged from the panel reaches the team database', async () => {
    const ext = await memberBrowser(team.members.a);
    try {
      const site = await ext.openSite(SITE);
      const panel = await ext.openPanel();
      await site.bringToFront();
      await expectCustomer(panel, CUSTOMER, 'A');

      await panel.getByRole('button', { name: 'Log call' }).click();
      await expect(panel.getByText('Call logged.')).toBeVisible();
      // In PostgreSQL: one call on A's file, written as A.
      await expect
        .poll(() =>
          team.sql<{ kind: string; owner: string }>(
            `select i.kind, c.owner from interactions i join customers c on c.id = i.customer_id
             where c.id = $1 and i.deleted_at is null`,
            [customerId],
          ),
        )
        .toEqual([{ kind: 'call', owner: team.members.a.name }]);
      expect(
        await team.sql<{ user_name: string; status: number }>(
          `select user_name, status from audit_log where method = 'POST' and path = '/api/interactions'`,
        ),
      ).toEqual([{ user_name: team.members.a.name, status: 201 }]);
      // Through the https name, not around it.
      expect(team.served).toContain('POST /api/interactions');
      expect(team.served.some((r) => r.startsWith('GET /api/context'))).toBe(true);
      expectNoPreflight();
    } finally {
      await ext.close();
    }
  });

  test('member B, in a browser of their own, does not see A’s file on that site', async () => {
    const ext = await memberBrowser(team.members.b);
    try {
      const site = await ext.openSite(SITE);
      const panel = await ext.openPanel();
      await site.bringToFront();
      await expect(panel.getByRole('heading', { name: 'Not in your files' })).toBeVisible();
      await expect(panel.getByRole('heading', { name: CUSTOMER })).toHaveCount(0);
      await expect(panel.getByRole('img', { name: /^Tier / })).toHaveCount(0);
      expectNoPreflight();
    } finally {
      await ext.close();
    }
    // The API agrees: for B the site is nobody's and the file does not exist; A still has it.
    const url = `/api/context?url=${encodeURIComponent(SITE)}`;
    const forB = await team.call<{ customer: unknown }>(team.members.b.token, 'GET', url);
    expect(forB.customer).toBeNull();
    const res = await fetch(`${team.app.url}/api/customers/${customerId}`, {
      headers: { Authorization: `Bearer ${team.members.b.token}` },
    });
    expect(res.status).toBe(404);
    const forA = await team.call<{ customer: { name: string; tier: string } }>(team.members.a.token, 'GET', url);
    expect(forA.customer).toMatchObject({ name: CUSTOMER, tier: 'A' });
  });
});
