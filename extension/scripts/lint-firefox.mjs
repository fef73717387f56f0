#!/usr/bin/env node
// `web-ext lint` on the Firefox build (.output/firefox-mv2), as addons.mozilla.org checks an
// upload. Fails on any error or notice and on any warning but the two below, each recognised by
// the bundled code it points at, not by its code alone — a new eval or innerHTML of our own fails.
//
// - DANGEROUS_EVAL in zod's probe `try { Function(""); } catch {}` (zod/v4/core/util.js
//   `allowsEval`): zod asks once whether it may compile validators; under the extension's CSP
//   the call throws, is caught, and zod validates without compiling. Nothing is evaluated.
// - UNSAFE_VAR_ASSIGNMENT in react-dom's handling of `dangerouslySetInnerHTML`, the one place
//   React writes innerHTML: Dossier never passes that prop (biome's noDangerouslySetInnerHtml).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const extensionDir = new URL('..', import.meta.url).pathname;
// Another folder may be named (a build copied elsewhere, an unpacked zip).
const build = process.argv[2] ?? join(extensionDir, '.output', 'firefox-mv2');

const JUSTIFIED = [
  {
    code: 'DANGEROUS_EVAL',
    why: "zod's eval probe (caught; validators are not compiled)",
    at: (before, after) => /jitless/.test(before) && /^[\s\S]{0,40}Function\((``|""|'')\)/.test(after),
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    why: "react-dom's dangerouslySetInnerHTML, a prop Dossier never passes",
    at: (before, after) => /dangerouslySetInnerHTML[\s\S]*__html/.test(before) && /^[\s\S]{0,20}innerHTML=/.test(after),
  },
];

const r = spawnSync(
  'pnpm',
  ['exec', 'web-ext', 'lint', '--source-dir', build, '--output', 'json', '--no-config-discovery'],
  {
    cwd: extensionDir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  console.error('web-ext lint gave no report');
  process.exit(1);
}

const lines = new Map();
/** The 300 characters before and after the reported place (its line is 1-based, its column 0-based or 1-based). */
function around(file, line, column) {
  if (!lines.has(file)) lines.set(file, readFileSync(join(build, file), 'utf8').split('\n'));
  const text = lines.get(file)[line - 1] ?? '';
  const at = Math.max(0, column - 10);
  return [text.slice(Math.max(0, at - 300), at), text.slice(at, at + 300)];
}

const problems = [];
const ignored = [];
for (const kind of ['errors', 'notices', 'warnings']) {
  for (const m of report[kind] ?? []) {
    const rule = kind === 'warnings' && m.file && m.line ? JUSTIFIED.find((j) => j.code === m.code) : undefined;
    if (rule?.at(...around(m.file, m.line, m.column ?? 0))) ignored.push(`${m.code} ${m.file}:${m.line} — ${rule.why}`);
    else problems.push(`${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`);
  }
}
for (const i of ignored) console.log(`justified: ${i}`);
for (const p of problems) console.error(p);
console.log(`web-ext lint ${build}: ${problems.length} problem(s), ${ignored.length} justified warning(s)`);
process.exit(problems.length ? 1 : 0);
