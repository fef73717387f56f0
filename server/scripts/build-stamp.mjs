import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP = new Set(['node_modules', '.output', '.wxt', 'bench', 'coverage']);

/**
 * A fingerprint of everything the extension is built from: its own files (sources, config,
 * manifest key) and the shared package, by path, size and content. Test files and fixtures count
 * too — cheap, and a stale build is worse than a needless one.
 */
export function sourceFingerprint(dirs: string[], root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (SKIP.has(name) || name.startsWith('.')) continue;
      const p = join(dir, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (s.isFile()) hash.update(`${relative(root, p)}\0${s.size}\0`).update(readFileSync(p));
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  return hash.digest('hex');
}

/** Whether the build in `outDir` was made from these sources (its stamp matches the fingerprint). */
export function upToDate(outDir: string, fingerprint: string): boolean {
  const stamp = join(outDir, '.dossier-build');
  return existsSync(join(outDir, 'manifest.json')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
}

export function stampBuild(outDir: string, fingerprint: string): void {
  writeFileSync(join(outDir, '.dossier-build'), fingerprint);
}
