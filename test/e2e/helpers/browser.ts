import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { SERVER_TZ } from './dashboard.ts';
import { chromeBuild, chromiumPath } from './paths.ts';

export interface Badge {
  text: string;
  /** [r, g, b, a] as chrome.action reports it. */
  color: [number, number, number, number];
}

/**
 * Chromium with the built extension, a persistent profile, real hostnames mapped to the
 * local fixture server, and a CDP connection for the side panel (which the launching
 * connection does not list). See shared/docs/verified-setup.md.
 */
export class ExtensionBrowser {
  context!: BrowserContext;
  worker!: Worker;
  extensionId = '';
  private cdp: Browser | null = null;

  private constructor(
    readonly profileDir: string,
    private readonly extraArgs: string[],
    private readonly build: string,
  ) {}

  /** `build`: the unpacked extension folder to load (the Chrome build unless a test made another). */
  static async launch(
    extraArgs: string[],
    profileDir = mkdtempSync(join(tmpdir(), 'dossier-e2e-profile-')),
    build = chromeBuild,
  ) {
    const b = new ExtensionBrowser(profileDir, extraArgs, build);
    await b.start();
    return b;
  }

  private async start(): Promise<void> {
    // A stale port file from the previous run of this profile would point at a dead browser.
    rmSync(join(this.profileDir, 'DevToolsActivePort'), { force: true });
    this.context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: chromiumPath,
      headless: true,
      locale: 'en-US',
      // The user works where the server's settings say: their browser's "today" is the server's.
      // (Left to the machine's zone, a CI run after 16:00 UTC saw Shanghai's today as tomorrow.)
      env: { ...process.env, TZ: SERVER_TZ },
      viewport: { width: 1100, height: 760 },
      args: [
        '--headless=new',
        `--disable-extensions-except=${this.build}`,
        `--load-extension=${this.build}`,
        '--remote-debugging-port=0',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        // CDP's Extensions.triggerAction (pressButton): the toolbar click, with its activeTab grant.
        '--enable-unsafe-extension-debugging',
        ...this.extraArgs,
      ],
    });
    this.worker = this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
    this.extensionId = new URL(this.worker.url()).host;
  }

  /** Close and relaunch on the same profile: a browser restart as the user has it. */
  async restart(): Promise<void> {
    await this.close({ keepProfile: true });
    await this.start();
  }

  async close(opts: { keepProfile?: boolean } = {}): Promise<void> {
    await this.cdp?.close().catch(() => {});
    this.cdp = null;
    await this.context.close();
    if (!opts.keepProfile) rmSync(this.profileDir, { recursive: true, force: true });
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  async openSite(url: string): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(url);
    return page;
  }

  /** Sets server URL and token through the real options page, as a user would. */
  async configure(serverUrl: string, token: string): Promise<void> {
    const page = await this.context.newPage();
    await page.goto(this.extensionUrl('options.html'));
    await page.getByLabel('Server URL').fill(serverUrl);
    await page.getByLabel('Token').fill(token);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.close();
  }

  /**
   * Opens the real side panel of the window: sidePanel.open needs a user gesture, which a
   * trusted Playwright click in an extension page provides. The panel is then found as a
   * CDP page target.
   */
  async openPanel(): Promise<Page> {
    const opener = await this.context.newPage();
    await opener.goto(this.extensionUrl('options.html'));
    const windowId = await opener.evaluate(async () => (await chrome.windows.getCurrent()).id);
    await opener.evaluate((id) => {
      const b = document.createElement('button');
      b.textContent = 'open side panel (test)';
      b.addEventListener('click', () => {
        void chrome.sidePanel.open({ windowId: id as number });
      });
      document.body.prepend(b);
    }, windowId);
    await opener.getByRole('button', { name: 'open side panel (test)' }).click();
    const panel = await this.findPanel();
    await opener.close();
    return panel;
  }

  /**
   * Presses the toolbar button on a site's tab, as a user does: the panel opens and the click
   * grants activeTab for that tab — the only way the extension may read a page it holds no
   * host permission for. Headless Chromium has no toolbar: CDP's Extensions.triggerAction
   * (over Playwright's pipe, with --enable-unsafe-extension-debugging) runs the same action.
   */
  async pressButton(site: Page): Promise<Page> {
    // A click that reaches a service worker still starting up is lost, as a user's would be
    // (seen once in thirty runs on the first spec after a browser start): pressed again, as
    // the user would.
    for (let attempt = 1; ; attempt++) {
      await site.bringToFront();
      await this.triggerAction(site);
      const last = attempt >= 3;
      const panel = await this.findPanel(last ? 15_000 : 5_000, last).catch((e: Error) => {
        if (!last) return null;
        throw e;
      });
      if (panel) {
        await site.bringToFront();
        return panel;
      }
    }
  }

  private async triggerAction(site: Page): Promise<void> {
    const browser = this.context.browser();
    if (!browser) throw new Error('no browser to send the toolbar click to');
    const session = await browser.newBrowserCDPSession();
    try {
      const { targetInfos } = (await session.send('Target.getTargets', {
        filter: [{ type: 'tab' }],
      } as never)) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
      const tab = targetInfos.find((t) => t.type === 'tab' && t.url === site.url());
      if (!tab) throw new Error(`no tab target for ${site.url()}`);
      await session.send(
        'Extensions.triggerAction' as never,
        { id: this.extensionId, targetId: tab.targetId } as never,
      );
    } finally {
      await session.detach().catch(() => {});
    }
  }

  /** `explain`: say what each side sees in the error (the last press only: earlier errors are dropped). */
  private async findPanel(waitMs = 15_000, explain = true): Promise<Page> {
    const deadline = Date.now() + waitMs;
    let connectedAt = Date.now();
    while (Date.now() < deadline) {
      // Seen in a full run: the panel open to the extension and among the browser's targets, yet
      // no page of this connection — a connection made anew lists the targets as they are.
      if (this.cdp && Date.now() - connectedAt > 3_000) {
        await this.cdp.close().catch(() => {});
        this.cdp = null;
        connectedAt = Date.now();
      }
      const cdp = await this.connectCdp();
      for (const ctx of cdp.contexts()) {
        const panel = ctx.pages().find((p) => p.url().endsWith('/sidepanel.html'));
        if (panel) {
          await panel.waitForLoadState('domcontentloaded');
          return panel;
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`side panel did not appear${explain ? ` (${await this.panelWitnesses()})` : ''}`);
  }

  /**
   * Whether the panel is open as the extension and the browser see it, for a failure's message:
   * a press that opened nothing, and an open panel that this helper's connection missed, are
   * different defects.
   */
  private async panelWitnesses(): Promise<string> {
    const extension = await this.worker
      .evaluate(async () => {
        // getContexts (Chrome 116) is missing from this repository's chrome typings.
        const runtime = chrome.runtime as unknown as {
          getContexts(filter: { contextTypes: string[] }): Promise<{ windowId: number }[]>;
        };
        const open = await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
        return open.map((c) => `window ${c.windowId}`).join(', ') || 'none';
      })
      .catch((e: Error) => `unknown (${e.message})`);
    // Never throws: a failure here must not take the place of the one being reported.
    const targets = await (async () => {
      const browser = this.context.browser();
      if (!browser) return 'unknown (no browser)';
      const session = await browser.newBrowserCDPSession();
      try {
        const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { url: string }[] };
        return String(targetInfos.filter((t) => t.url.endsWith('/sidepanel.html')).length);
      } finally {
        await session.detach().catch(() => {});
      }
    })().catch((e: Error) => `unknown (${e.message})`);
    return `side panels open per the extension: ${extension}; sidepanel targets in the browser: ${targets}; helper connection alive: ${this.cdp?.isConnected() ?? 'none'}`;
  }

  private async connectCdp(): Promise<Browser> {
    if (this.cdp && !this.cdp.isConnected()) this.cdp = null;
    if (!this.cdp) {
      const port = readFileSync(join(this.profileDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
      this.cdp = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
    }
    return this.cdp;
  }

  async tabId(page: Page): Promise<number> {
    const url = page.url();
    const id = await this.worker.evaluate(
      async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? null,
      url,
    );
    if (id === null) throw new Error(`no tab for ${url}`);
    return id;
  }

  /** The toolbar badge of a tab, read from the service worker. */
  async badge(page: Page): Promise<Badge> {
    const tabId = await this.tabId(page);
    return this.worker.evaluate(async (id) => {
      const text = await chrome.action.getBadgeText({ tabId: id });
      const color = (await chrome.action.getBadgeBackgroundColor({ tabId: id })) as [number, number, number, number];
      return { text, color };
    }, tabId);
  }
}

export const rgb = (hex: string): [number, number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
  255,
];
