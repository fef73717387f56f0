import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

/** Every module (not tests) under a folder of src/, with the specifiers it imports. */
function modules(folder: string): { file: string; imports: string[] }[] {
  const out: { file: string; imports: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ts$/.test(entry.name) && !/\.test\.ts$|test-helpers\.ts$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        const imports = [...text.matchAll(/\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map(
          (m) => (m[1] ?? m[2]) as string,
        );
        out.push({ file: relative(SRC, path), imports });
      }
    }
  };
  walk(join(SRC, folder));
  return out;
}

/** What only an engine's implementation may reach: the drivers, the query builder, the schemas and the implementations. */
const ENGINE =
  /^(better-sqlite3|pg|drizzle-orm.*)$|\/db\/(client|schema|schema\.pg)\.ts$|\/db\/pg\/|\/store\/(sqlite|pg)\//;

/** Where an engine's own code lives under store/: SQLite's and PostgreSQL's implementations. */
const IMPLEMENTATIONS = /^store\/(sqlite|pg)\//;

describe('the database seam', () => {
  it.each(['services', 'routes', 'middleware'])('%s reach the database only through the Store', (folder) => {
    const offending = modules(folder).flatMap(({ file, imports }) =>
      imports.filter((i) => ENGINE.test(i)).map((i) => `${file} imports ${i}`),
    );
    expect(offending).toEqual([]);
  });

  it("the Store's interfaces name no engine: only the record types are drawn from the schema, as types", () => {
    const offending = modules('store')
      .filter(({ file }) => !IMPLEMENTATIONS.test(file) && file !== 'store/records.ts' && file !== 'store/open.ts')
      .flatMap(({ file, imports }) => imports.filter((i) => ENGINE.test(i)).map((i) => `${file} imports ${i}`));
    expect(offending).toEqual([]);
    const records = readFileSync(join(SRC, 'store/records.ts'), 'utf8');
    expect(records.match(/^import .*$/gm)?.every((line) => line.startsWith('import type '))).toBe(true);
  });
});
