// @ts-check
// Plain JavaScript: the launcher (start.mjs) reads it before any TypeScript can be loaded.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP = new Set(['node_modules', '.output', '.wxt', 'bench', 'coverage', 'dist']);
const STAMP = '.dossier-build';

/**
 * A fingerprint of everything a build is made from — the given folders (and single files) by
 * path, size and content. Test files and fixtures count too: cheap, and a stale build is worse
 * than a needless one.
 * @param {string[]} paths folders or files
 * @param {string} root paths are named relative to it, so the fingerprint survives a move
 * @returns {string}
 */
export function sourceFingerprint(paths, root) {
  const hash = createHash('sha256');
  /** @param {string} p */
  const walk = (p) => {
    const s = statSync(p);
    if (s.isFile()) {
      hash.update(`${relative(root, p)}\0${s.size}\0`).update(readFileSync(p));
      return;
    }
    if (!s.isDirectory()) return;
    for (const name of readdirSync(p).sort()) {
      if (!SKIP.has(name) && !name.startsWith('.')) walk(join(p, name));
    }
  };
  for (const p of paths) if (existsSync(p)) walk(p);
  return hash.digest('hex');
}

/**
 * Whether the build in `outDir` was made from these sources: `entry` is there and its stamp
 * matches the fingerprint.
 * @param {string} outDir
 * @param {string} fingerprint
 * @param {string} entry a file every complete build has
 */
export function upToDate(outDir, fingerprint, entry) {
  const stamp = join(outDir, STAMP);
  return existsSync(join(outDir, entry)) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
}

/**
 * @param {string} outDir
 * @param {string} fingerprint
 */
export function stampBuild(outDir, fingerprint) {
  writeFileSync(join(outDir, STAMP), fingerprint);
}
