import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, expect, test } from '@playwright/test';
import { build } from 'esbuild';
import { decodeHtml } from '../../extension/src/adapters/decode.ts';
import { chromiumPath, extensionDir } from './helpers/paths.ts';

/**
 * Every adapter fixture read in real Chromium, against the same expected capture the unit tests
 * hold happy-dom's reading to. The extension runs the adapters on Chromium's DOM (whose parser
 * and traversal differ from happy-dom's), so the saved pages must read the same there.
 */

const captureDir = join(extensionDir, 'src/adapters');
const fixtures = ['generic', 'webmail', 'land'].flatMap((adapter) => {
  const dir = join(captureDir, adapter, 'fixtures');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => ({
      id: `${adapter}/${f.replace(/\.html$/, '')}`,
      html: decodeHtml(readFileSync(join(dir, f))),
      expected: JSON.parse(readFileSync(join(dir, f.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string },
    }));
});

let browser: Browser;
let context: BrowserContext;
let script: string;

test.beforeAll(async () => {
  const bundle = await build({
    stdin: {
      contents: `export { runCapture } from ${JSON.stringify(join(captureDir, 'index.ts'))};`,
      resolveDir: extensionDir,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: 'globalThis.DossierCapture',
    platform: 'browser',
    write: false,
  });
  script = bundle.outputFiles[0]?.text ?? '';
  browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  // Webmail shows times in the reader's zone; the fixtures are read as a user in China would.
  context = await browser.newContext({ timezoneId: 'Asia/Shanghai' });
});

test.afterAll(async () => {
  await browser?.close();
});

test('the saved pages are at least 30', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(30);
});

for (const f of fixtures)
  test(`in Chromium: ${f.id}`, async () => {
    // The page under its own URL (which picks the adapter); nothing else it asks for is served,
    // and its own scripts do not run, as in the saved-page tests.
    // A page of its own: two fixtures may share a URL but for the fragment.
    const tab = await context.newPage();
    await tab.route('**/*', (route) =>
      route.request().url() === f.expected.url.replace(/#.*$/, '')
        ? route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            body: f.html,
            headers: { 'content-security-policy': "script-src 'none'" },
          })
        : route.abort(),
    );
    await tab.goto(f.expected.url);
    // Evaluated from outside the page, as an extension's injected script is: the page's CSP
    // (which keeps its own scripts from running) does not apply.
    await tab.evaluate(script);
    const captured = await tab.evaluate(
      (url) =>
        (
          globalThis as unknown as { DossierCapture: { runCapture: (d: Document, u: string) => unknown } }
        ).DossierCapture.runCapture(document, url),
      f.expected.url,
    );
    await tab.close();
    expect(captured).toEqual(f.expected);
  });
