/**
 * `pnpm score:capture`: the extractor on real pages written by others, scored field by field.
 *
 * - ../shared/fixtures/real-pages/cases/<id>/{page.html,expected.json}: each page is captured
 *   under its expected `url` and scored by the rule of that set's README (compare.ts): a table per
 *   field kind (P/R/F1 over all units), per page kind and overall (means over cases, as the set is
 *   scored), each case's F1 and its first mismatches.
 * - ../shared/fixtures/schemaorg/eg-*: every telephone, faxNumber and email in an example's
 *   JSON-LD must be recalled from its JSON-LD version and from its microdata version.
 *
 * The pages are read where they are (never copied into the project). By default each page goes
 * through extract.ts in this process — the code path of `pnpm --silent extract`; `--cli` runs
 * the command itself once per page instead (slower, the contract end to end).
 *
 * Options: --cli, --only <text> (cases whose id contains it), --show <n> (mismatches per case,
 * default 5), --json <file> (the results as JSON), --min-f1 <x> (exit 1 below it), --cases <dir>
 * (another set of cases in the same layout, e.g. pages gathered to try the extractor on).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../extract.ts';
import {
  type CaseScore,
  captureContacts,
  type Expected,
  emptyTally,
  normEmail,
  type Output,
  phoneRecalled,
  prf,
  scoreCase,
  type Tally,
} from './compare.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const shared = resolve(repo, '../shared/fixtures');

interface Options {
  cli: boolean;
  only?: string;
  show: number;
  json?: string;
  minF1?: number;
  cases?: string;
}

function options(argv: string[]): Options {
  const o: Options = { cli: false, show: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cli') o.cli = true;
    else if (a === '--only') o.only = argv[++i];
    else if (a === '--show') o.show = Number(argv[++i] ?? 5);
    else if (a === '--json') o.json = argv[++i];
    else if (a === '--min-f1') o.minF1 = Number(argv[++i]);
    else if (a === '--cases') o.cases = resolve(argv[++i] ?? '.');
    else if (a === '--') continue;
    else {
      process.stderr.write(`score: unknown option ${a}\n`);
      process.exit(2);
    }
  }
  return o;
}

/** One page through the extractor; null when it crashes or prints no JSON object. */
async function extract(file: string, url: string, cli: boolean): Promise<Output | null> {
  if (!cli) {
    try {
      return (await extractBytes(readFileSync(file), url)) as unknown as Output;
    } catch {
      return null;
    }
  }
  const r = spawnSync('pnpm', ['--silent', 'extract', file, '--url', url], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) return null;
  try {
    const j = JSON.parse(r.stdout) as unknown;
    return typeof j === 'object' && j !== null && !Array.isArray(j) ? (j as Output) : null;
  } catch {
    return null;
  }
}

const f3 = (x: number) => x.toFixed(3);
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const lpad = (s: string, n: number) => ' '.repeat(Math.max(0, n - s.length)) + s;

function addTo(into: Tally, t: Tally): void {
  into.tp += t.tp;
  into.fp += t.fp;
  into.fn += t.fn;
}

interface CaseResult {
  id: string;
  pageKind: string;
  score: CaseScore & { crashed: boolean };
  p: number;
  r: number;
  f1: number;
}

async function realPages(o: Options): Promise<CaseResult[] | null> {
  const dir = o.cases ?? join(shared, 'real-pages/cases');
  if (!existsSync(dir)) {
    console.log(`real pages: ${dir} not found — skipped (the set lives beside the repository, in ../shared)`);
    return null;
  }
  const ids = readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'expected.json')) && existsSync(join(dir, d, 'page.html')))
    .filter((d) => !o.only || d.includes(o.only))
    .sort();
  const results: CaseResult[] = [];
  for (const id of ids) {
    const expected = JSON.parse(readFileSync(join(dir, id, 'expected.json'), 'utf8')) as Expected;
    const url = expected.url ?? 'http://localhost/';
    const out = await extract(join(dir, id, 'page.html'), url, o.cli);
    const score = scoreCase(expected, out);
    const { p, r, f1 } = score.crashed ? { p: 0, r: 0, f1: 0 } : prf(score);
    results.push({ id, pageKind: expected.kind ?? '?', score, p, r, f1 });
  }

  const byKind = new Map<string, Tally>();
  for (const c of results)
    for (const [k, t] of c.score.byKind) {
      const into = byKind.get(k) ?? emptyTally();
      addTo(into, t);
      byKind.set(k, into);
    }
  console.log(`\nreal pages: ${results.length} cases from ${dir}${o.cli ? ' (pnpm --silent extract per page)' : ''}\n`);
  console.log(`${pad('field kind', 22)}${lpad('tp', 5)}${lpad('fp', 5)}${lpad('fn', 5)}     P      R      F1`);
  for (const k of [...byKind.keys()].sort()) {
    const t = byKind.get(k) as Tally;
    const s = prf(t);
    console.log(
      `${pad(k, 22)}${lpad(String(t.tp), 5)}${lpad(String(t.fp), 5)}${lpad(String(t.fn), 5)}  ${f3(s.p)}  ${f3(s.r)}  ${f3(s.f1)}`,
    );
  }
  const all = emptyTally();
  for (const t of byKind.values()) addTo(all, t);
  const micro = prf(all);
  console.log(
    `${pad('all units', 22)}${lpad(String(all.tp), 5)}${lpad(String(all.fp), 5)}${lpad(String(all.fn), 5)}  ${f3(micro.p)}  ${f3(micro.r)}  ${f3(micro.f1)}`,
  );

  console.log('\nper case (F1, then the first mismatches)');
  for (const c of results) {
    console.log(`${pad(c.id, 46)} ${c.score.crashed ? 'CRASHED' : f3(c.f1)}`);
    for (const m of c.score.mismatches.slice(0, o.show)) console.log(`    ${m}`);
    if (c.score.mismatches.length > o.show) console.log(`    … ${c.score.mismatches.length - o.show} more`);
  }

  const mean = (xs: CaseResult[]) => ({
    p: xs.reduce((s, c) => s + c.p, 0) / (xs.length || 1),
    r: xs.reduce((s, c) => s + c.r, 0) / (xs.length || 1),
    f1: xs.reduce((s, c) => s + c.f1, 0) / (xs.length || 1),
  });
  console.log('\nmeans over cases');
  for (const kind of [...new Set(results.map((c) => c.pageKind))].sort()) {
    const xs = results.filter((c) => c.pageKind === kind);
    const m = mean(xs);
    console.log(`kind ${pad(kind, 8)} ${lpad(String(xs.length), 2)} cases  F1 ${f3(m.f1)} (P ${f3(m.p)} R ${f3(m.r)})`);
  }
  const m = mean(results);
  const crashed = results.filter((c) => c.score.crashed).length;
  console.log(`overall F1 ${f3(m.f1)} (P ${f3(m.p)} R ${f3(m.r)}) over ${results.length} cases, ${crashed} crashed`);
  return results;
}

// ---------------------------------------------------------------------------------------------
// schema.org contact recall
// ---------------------------------------------------------------------------------------------

type ContactProp = 'telephone' | 'faxNumber' | 'email';
const PROPS: ContactProp[] = ['telephone', 'faxNumber', 'email'];

/** Every telephone, faxNumber and email value anywhere in the JSON-LD. */
function jsonLdContacts(html: string): { prop: ContactProp; value: string }[] {
  const out: { prop: ContactProp; value: string }[] = [];
  const visit = (j: unknown): void => {
    if (Array.isArray(j)) for (const x of j) visit(x);
    else if (typeof j === 'object' && j !== null)
      for (const [k, v] of Object.entries(j)) {
        const prop = PROPS.find((p) => k === p || k.endsWith(`:${p}`) || k.endsWith(`/${p}`));
        if (prop)
          for (const x of Array.isArray(v) ? v : [v]) {
            const s =
              typeof x === 'string'
                ? x
                : typeof x === 'object' && x !== null
                  ? (x as { '@value'?: unknown })['@value']
                  : x;
            if (typeof s === 'string' && s.trim()) out.push({ prop, value: s.trim() });
            else visit(x);
          }
        else visit(v);
      }
  };
  for (const m of html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      visit(JSON.parse(m[1] ?? ''));
    } catch {
      // Not JSON: nothing to expect from it.
    }
  }
  return out;
}

async function schemaOrg(o: Options): Promise<Record<string, Tally & { missed: string[] }> | null> {
  const dir = join(shared, 'schemaorg');
  if (!existsSync(dir)) {
    console.log(`\nschema.org: ${dir} not found — skipped`);
    return null;
  }
  const versions = ['jsonld', 'microdata'] as const;
  const tallies: Record<string, Tally & { missed: string[] }> = {};
  const tally = (k: string) => {
    tallies[k] ??= { ...emptyTally(), missed: [] };
    return tallies[k];
  };
  for (const id of readdirSync(dir)
    .filter((d) => d.startsWith('eg-'))
    .sort()) {
    const jsonld = join(dir, id, 'jsonld.html');
    if (!existsSync(jsonld)) continue;
    const want = jsonLdContacts(readFileSync(jsonld, 'utf8'));
    if (want.length === 0) continue;
    for (const v of versions) {
      const file = join(dir, id, `${v}.html`);
      if (!existsSync(file)) continue;
      if (v === 'microdata' && !/\bitemscope\b/i.test(readFileSync(file, 'utf8'))) continue;
      const out = await extract(file, `https://example.com/${id}/`, o.cli);
      const got = out ? captureContacts(out) : { phones: [], emails: [] };
      for (const w of want) {
        const ok =
          w.prop === 'email'
            ? got.emails.some((g) => normEmail(g) === normEmail(w.value))
            : phoneRecalled(w.value, got.phones);
        for (const t of [tally(`${v} ${w.prop}`), tally(v), tally('all')]) {
          if (ok) t.tp++;
          else t.fn++;
        }
        if (!ok) tally(v).missed.push(`${id} ${w.prop} ${w.value}`);
      }
    }
  }
  console.log('\nschema.org contact recall (JSON-LD values recalled from each version)');
  for (const k of [...versions.flatMap((v) => PROPS.map((p) => `${v} ${p}`)), ...versions, 'all']) {
    const t = tallies[k];
    if (!t) continue;
    console.log(
      `${pad(k, 22)} ${lpad(String(t.tp), 4)}/${pad(String(t.tp + t.fn), 4)} ${f3(t.tp / (t.tp + t.fn || 1))}`,
    );
  }
  for (const v of versions) {
    const missed = tallies[v]?.missed ?? [];
    if (missed.length)
      console.log(`  ${v} missed: ${missed.slice(0, o.show * 3).join('; ')}${missed.length > o.show * 3 ? ' …' : ''}`);
  }
  return tallies;
}

async function main(): Promise<void> {
  const o = options(process.argv.slice(2));
  const cases = await realPages(o);
  const so = o.only ? null : await schemaOrg(o);
  if (o.json)
    writeFileSync(
      o.json,
      JSON.stringify(
        {
          cases: cases?.map((c) => ({
            id: c.id,
            kind: c.pageKind,
            p: c.p,
            r: c.r,
            f1: c.f1,
            crashed: c.score.crashed,
            byKind: Object.fromEntries(c.score.byKind),
            mismatches: c.score.mismatches,
          })),
          schemaOrg: so,
        },
        null,
        2,
      ),
    );
  if (o.minF1 !== undefined && cases) {
    const f1 = cases.reduce((s, c) => s + c.f1, 0) / (cases.length || 1);
    if (f1 < o.minF1) process.exit(1);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`score: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
