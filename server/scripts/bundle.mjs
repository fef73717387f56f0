// @ts-check
// The server as `pnpm start` runs it: one ES module bundle in server/dist, started with plain
// node. Loading the TypeScript sources through a loader at every start took about 1.5 s before
// the API answered; the bundle is parsed once, from one file, in well under half a second.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceFingerprint, stampBuild, upToDate } from './build-stamp.mjs';

const serverDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(serverDir, '..');
export const distDir = join(serverDir, 'dist');

/**
 * Left to node_modules: better-sqlite3 is a native addon; exceljs and SheetJS are large and
 * loaded on first use (an export or an import; an old .xls), so they would only slow every start;
 * tsx is the worker's fallback for running from sources.
 */
const EXTERNAL = ['better-sqlite3', 'exceljs', '@e965/xlsx', '@e965/xlsx/*', 'tsx', 'tsx/*'];

/** Everything the bundle is built from: the server's sources and migrations, shared, the lockfile. */
const sources = () =>
  sourceFingerprint(
    [
      join(serverDir, 'src'),
      join(serverDir, 'scripts'),
      join(serverDir, 'package.json'),
      join(repoRoot, 'shared', 'src'),
      join(repoRoot, 'shared', 'package.json'),
      join(repoRoot, 'pnpm-lock.yaml'),
    ],
    repoRoot,
  );

/**
 * Builds server/dist unless it was built from these very sources; answers the CLI's path.
 * @returns {Promise<string>}
 */
export async function ensureBundle() {
  const fingerprint = sources();
  if (!upToDate(distDir, fingerprint, 'cli.mjs')) {
    process.stderr.write('Building the server…\n');
    await buildBundle(distDir);
    stampBuild(distDir, fingerprint);
  }
  return join(distDir, 'cli.mjs');
}

/**
 * The bundle, built into `outdir`.
 * @param {string} outdir
 */
export async function buildBundle(outdir) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: {
      cli: join(serverDir, 'src', 'cli.ts'),
      // The import worker's entry and its job run in their own thread (parse-pool.ts).
      'parse-worker': join(serverDir, 'src', 'services', 'transfer', 'parse-worker.mjs'),
      'parse-job': join(serverDir, 'src', 'services', 'transfer', 'parse-job.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    // Chunks beside the entries: parse-pool finds the worker next to whichever chunk holds it.
    chunkNames: '[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: EXTERNAL,
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    // CommonJS packages inside an ES module bundle still call require().
    banner: {
      js: "import { createRequire as __dossierRequire } from 'node:module'; const require = __dossierRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
