import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The extension's folders depend on each other one way only: features on the platform, the
 * panel and the dashboard on features, and so on down. For every folder (src itself, the
 * dashboard, the platform, the adapters…), no import path leads from one of its sub-folders
 * back to itself through the others. Files lying directly in a folder belong to it (the
 * adapters' shared kit, the dashboard's composition, src/protocol.ts): they may use its
 * sub-folders and be used by them.
 */

const SRC = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(SRC);

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') sourceFiles(path, out);
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Every import of a source file that names another source file of the extension. */
function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? '';
    const base = spec.startsWith('@/')
      ? join(ROOT, spec.slice(2))
      : spec.startsWith('.')
        ? resolve(dirname(file), spec)
        : null;
    if (!base) continue;
    const target = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (c) => existsSync(c) && statSync(c).isFile() && /\.tsx?$/.test(c),
    );
    if (target) found.push(target);
  }
  return found;
}

/** The cycles of a directed graph (its strongly connected components of more than one node). */
function cycles(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** For each folder, the graph of its sub-folders: an edge where a file of one imports a file of another. */
function folderGraphs(files: readonly string[]): Map<string, Map<string, Set<string>>> {
  const graphs = new Map<string, Map<string, Set<string>>>();
  for (const file of files) {
    const from = relative(SRC, file).split('/');
    for (const target of importsOf(file)) {
      const to = relative(SRC, target).split('/');
      if (to[0] === '..') continue;
      // The first folder where the two paths part: both sides there are sub-folders of it.
      let i = 0;
      while (i < from.length - 1 && i < to.length - 1 && from[i] === to[i]) i++;
      if (i >= from.length - 1 || i >= to.length - 1) continue; // a file directly in the folder
      const folder = from.slice(0, i).join('/') || '.';
      const a = from.slice(0, i + 1).join('/');
      const b = to.slice(0, i + 1).join('/');
      const graph = graphs.get(folder) ?? new Map<string, Set<string>>();
      graphs.set(folder, graph);
      if (!graph.has(b)) graph.set(b, new Set());
      graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
  }
  return graphs;
}

describe('folders', () => {
  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['card', new Set(['log'])],
      ['log', new Set(['outbox', 'card'])],
      ['outbox', new Set<string>()],
    ]);
    expect(cycles(g)).toEqual([['card', 'log']]);
    g.set('log', new Set(['outbox']));
    expect(cycles(g)).toEqual([]);
  });

  it('no folder of the extension imports round in a circle through its siblings', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const graphs = folderGraphs(files);
    // The features, the dashboard's views and the platform's parts are all checked.
    expect([...(graphs.get('.')?.keys() ?? [])]).toEqual(expect.arrayContaining(['platform', 'card', 'log', 'panel']));
    expect(graphs.has('dashboard')).toBe(true);
    expect(graphs.has('platform')).toBe(true);
    const found = [...graphs].flatMap(([folder, g]) => cycles(g).map((c) => `${folder}: ${c.join(' ⇄ ')}`));
    expect(found).toEqual([]);
  });

  it('the platform names no feature', () => {
    const features = readdirSync(SRC).filter((n) => n !== 'platform' && statSync(join(SRC, n)).isDirectory());
    const platform = sourceFiles(join(SRC, 'platform'));
    const leaks = platform.flatMap((file) =>
      importsOf(file)
        .map((t) => relative(SRC, t).split('/')[0] ?? '')
        .filter((top) => features.includes(top))
        .map((top) => `${relative(SRC, file)} → ${top}`),
    );
    expect(leaks).toEqual([]);
  });
});
