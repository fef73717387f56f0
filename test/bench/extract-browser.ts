/**
 * Capture extraction on a ~1 MB page in real Chromium (the DOM the adapters run on in use):
 * the same adapters bundled for the page, runCapture 50 times after 10 warm-ups, against two
 * baselines over the same DOM in the same run: `document.body.textContent` (the browser reading
 * every text node natively) and a bare script walk over every node (the floor of any extractor
 * that reads the DOM from script). Prints one JSON line.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { PAGE_URL, page } from '../../extension/bench/page.ts';

const entry = fileURLToPath(new URL('../../extension/src/capture/index.ts', import.meta.url));
const bundle = await build({
  stdin: { contents: `export { runCapture } from ${JSON.stringify(entry)};`, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  format: 'iife',
  globalName: 'DossierCapture',
  platform: 'browser',
  write: false,
  minify: true,
});
const script = bundle.outputFiles[0]?.text ?? '';
const html = page(1024 * 1024);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const tab = await browser.newPage();
  // Served from a route so the page has its real URL, as the adapters see it.
  await tab.route(PAGE_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  await tab.goto(PAGE_URL);
  await tab.addScriptTag({ content: script });
  // A string, not a function: tsx would add its own helpers to a function's source.
  const result = (await tab.evaluate(`(() => {
    const time = (fn) => {
      for (let i = 0; i < 10; i++) fn();
      const xs = [];
      for (let i = 0; i < 50; i++) {
        const t = performance.now();
        fn();
        xs.push(performance.now() - t);
      }
      return xs.sort((a, b) => a - b);
    };
    const walk = (node) => {
      let n = 1;
      if (node.nodeType === 3) return node.data.length;
      if (node.nodeType === 1 && node.localName === 'script') return n;
      for (let c = node.firstChild; c !== null; c = c.nextSibling) n += walk(c);
      return n;
    };
    const runs = time(() => DossierCapture.runCapture(document, location.href));
    const base = time(() => document.body.textContent.length);
    const walks = time(() => walk(document.body));
    return { median: runs[25], p95: runs[47], baseline: base[25], walk: walks[25] };
  })()`)) as { median: number; p95: number; baseline: number; walk: number };
  console.log(
    JSON.stringify({
      name: 'extract-1mb-chromium',
      bytes: Buffer.byteLength(html),
      medianMs: Number(result.median.toFixed(2)),
      p95Ms: Number(result.p95.toFixed(2)),
      baselineMs: Number(result.baseline.toFixed(2)),
      walkMs: Number(result.walk.toFixed(2)),
      targetMs: 30,
    }),
  );
} finally {
  await browser.close();
}
