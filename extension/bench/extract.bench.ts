/**
 * Extraction time on a ~1 MB page: `tsx bench/extract.bench.ts` (from extension/).
 * The page is a realistic company site — header, contact block, JSON-LD, leaders, footer —
 * whose product and news sections repeat until the HTML passes 1 MB. runCapture runs 30 times
 * after 5 warm-ups; the baseline is a plain `doc.body.textContent` over the same DOM in the same
 * run, so the ratio says how much the extractors cost beyond touching every text node once.
 * Prints one JSON object: { name, bytes, medianMs, p95Ms, baselineMs }.
 */
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import { runCapture } from '../src/adapters/index.ts';
import { PAGE_URL, page } from './page.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const p95 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? 0;

const html = page(1024 * 1024);
const url = PAGE_URL;
const window = new Window({
  url,
  settings: {
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  },
});
const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function time(fn: () => unknown, warmups: number, runs: number): number[] {
  for (let i = 0; i < warmups; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}

const extract = time(() => runCapture(doc, url), 5, 30);
const baseline = time(() => doc.body.textContent?.length, 5, 30);
await window.happyDOM.close();
const round = (n: number) => Math.round(n * 100) / 100;
console.log(
  JSON.stringify({
    name: 'extract-1mb',
    bytes: Buffer.byteLength(html),
    medianMs: round(median(extract)),
    p95Ms: round(p95(extract)),
    baselineMs: round(median(baseline)),
  }),
);
