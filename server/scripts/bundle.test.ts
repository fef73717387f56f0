import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from './bundle.mjs';

const out = mkdtempSync(join(tmpdir(), 'dossier-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The files node loads before the CLI's first line runs: cli.mjs and its static imports, transitively. */
function loadedAtStart(entry: string): string[] {
  const seen = new Set<string>();
  const next = [entry];
  for (let file = next.pop(); file; file = next.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(out, file), 'utf8');
    for (const m of text.matchAll(/(?:from|import)\s*"\.\/([^"]+\.mjs)"/g)) if (m[1]) next.push(m[1]);
  }
  return [...seen];
}

describe('the bundle', () => {
  it('starts a local server without parsing PostgreSQL’s client, which a team command loads when it needs it', async () => {
    await buildBundle(out);
    const pg = /node_modules\/pg\/lib\//;
    const atStart = loadedAtStart('cli.mjs');
    expect(atStart.filter((f) => pg.test(readFileSync(join(out, f), 'utf8')))).toEqual([]);
    const all = readdirSync(out).filter((f) => f.endsWith('.mjs'));
    expect(all.filter((f) => pg.test(readFileSync(join(out, f), 'utf8'))).length).toBeGreaterThan(0);
  }, 120_000);
});
