#!/usr/bin/env node
// `pnpm test`: lint and typecheck, unit and API tests (vitest), both extension builds, web-ext
// lint of the Firefox one, the store zips, and the end-to-end suite in real Chromium. Ends with
// one "N passed, N failed" line over everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'dossier-test-run-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, cmd, args, opts = {}) {
  console.log(`\n▶ ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  if (r.status !== 0) failures.push(label);
  return r.status === 0;
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += j.numPassedTests ?? 0;
  totals.failed += (j.numFailedTests ?? 0) + (j.numFailedTestSuites && !j.numFailedTests ? j.numFailedTestSuites : 0);
  totals.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!existsSync(file)) return;
  const s = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

run('lint', 'pnpm', ['exec', 'biome', 'check', '.']);
run('typecheck', 'pnpm', ['-r', '--if-present', 'run', 'typecheck']);
for (const pkg of ['shared', 'server', 'extension']) {
  const out = join(tmp, `${pkg}.json`);
  run(
    `unit ${pkg}`,
    'pnpm',
    ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    {
      cwd: join(root, pkg),
    },
  );
  countVitest(out);
}
const built = run('build extension (chrome + firefox)', 'pnpm', ['--filter', '@dossier/extension', 'run', 'build']);
if (built) {
  // addons.mozilla.org's checks on the Firefox build (extension/scripts/lint-firefox.mjs lists the justified warnings).
  run('web-ext lint (firefox build)', 'pnpm', ['--filter', '@dossier/extension', 'run', 'lint:firefox']);
  // The store zips, which the e2e suite unpacks and loads (package.spec.ts).
  run('package (store zips)', 'pnpm', ['package']);
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const msg = `Chromium not found at ${chromium}: END-TO-END TESTS NOT RUN (apt-get install chromium)`;
  console.error(`\n${'!'.repeat(msg.length)}\n${msg}\n${'!'.repeat(msg.length)}`);
  if (process.env.CI) failures.push('e2e (no chromium in CI)');
} else if (built) {
  const out = join(tmp, 'e2e.json');
  run('e2e', 'pnpm', ['--filter', '@dossier/e2e', 'run', 'e2e', '--reporter=list,json'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
  });
  countPlaywright(out);
}

console.log(`\n${failures.length ? `Failed steps: ${failures.join(', ')}` : 'All steps passed.'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
