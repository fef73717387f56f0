import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Capture } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from './decode.ts';
import { runCapture } from './index.ts';

/**
 * Every adapter's saved pages (<adapter>/fixtures/<name>.html) against the capture expected
 * from them (<name>.expected.json, written by reading the page), compared in full. The
 * expected capture's `url` is the URL the page is captured under, which picks the adapter.
 */

const here = dirname(fileURLToPath(import.meta.url));

interface Fixture {
  id: string;
  html: string;
  expected: Capture;
}

function fixtures(dir = here): Fixture[] {
  const out: Fixture[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...fixtures(path));
    else if (entry.name.endsWith('.html') && dir.endsWith('fixtures')) {
      const json = path.replace(/\.html$/, '.expected.json');
      if (!existsSync(json)) throw new Error(`${relative(here, path)} has no .expected.json beside it`);
      out.push({
        id: relative(here, path)
          .replace(/\/fixtures\//, '/')
          .replace(/\.html$/, ''),
        html: decodeHtml(readFileSync(path)),
        expected: JSON.parse(readFileSync(json, 'utf8')) as Capture,
      });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

const all = fixtures();
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('adapter fixtures: saved page → exact expected capture', () => {
  it.each(all.map((f) => [f.id, f] as const))('%s', (_id, f) => {
    expect(() => Capture.parse(f.expected)).not.toThrow();
    expect(runCapture(parse(f.html), f.expected.url)).toEqual(f.expected);
  });

  it('covers at least 30 pages and every kind of capture', () => {
    expect(all.length).toBeGreaterThanOrEqual(30);
    const kinds = new Set(all.map((f) => f.expected.kind));
    expect([...kinds].sort()).toEqual(['company', 'generic', 'land', 'webmail']);
    const adapters = new Set(all.map((f) => f.expected.adapter));
    for (const a of ['generic', 'gmail', 'outlook', 'qqmail', 'mail163', 'land']) expect(adapters).toContain(a);
  });
});
