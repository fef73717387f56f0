import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { phoneDigits, searchForms } from '@dossier/shared';
import { openDb } from '../src/db/client.ts';
import { refreshAllDue } from '../src/store/sqlite/due.ts';
import { nameBigrams } from '../src/store/sqlite/search.ts';
import { settingsOn } from '../src/store/sqlite/settings.ts';
import { KIND_WEIGHTS, KINDS, OWNERS, prng, SUMMARIES } from './data.ts';
import { buildCustomers, type Customer } from './entities.ts';
import { checkDue, setDueFromHistory } from './generate-due.ts';
import { emit, log, NOW, round } from './lib.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;
/** DOSSIER_BENCH_SCALE=0.05 gives a small set for working on the benches themselves. */
const SCALE = Number(process.env.DOSSIER_BENCH_SCALE ?? 1);
export const SIZES = {
  customers: Math.round(100_000 * SCALE),
  interactions: Math.round(1_000_000 * SCALE),
  commitments: Math.round(20_000 * SCALE),
};

/**
 * The cache is keyed by the generator's own sources and the migrations journal: editing either
 * regenerates, so a cached file can never be stale, and a rerun costs nothing.
 */
export function cachePath(): string {
  const h = createHash('sha256').update(String(SCALE));
  for (const f of ['generate.ts', 'generate-due.ts', 'entities.ts', 'data.ts']) h.update(readFileSync(join(here, f)));
  h.update(readFileSync(join(here, '../drizzle/meta/_journal.json')));
  return join(tmpdir(), `dossier-bench-v1-${h.digest('hex').slice(0, 12)}.sqlite`);
}

export function ensureDataSet(): { file: string; cached: boolean; seconds: number } {
  const file = cachePath();
  if (existsSync(file)) {
    log(`data set cached at ${file} (delete it to regenerate)`);
    return { file, cached: true, seconds: 0 };
  }
  // Older caches are hundreds of MB each; only the current one is worth keeping.
  for (const f of readdirSync(tmpdir())) {
    if (/^dossier-bench-v\d+-[0-9a-f]+\.sqlite/.test(f)) rmSync(join(tmpdir(), f), { force: true });
  }
  const t = performance.now();
  const partial = `${file}.partial`;
  generate(partial);
  renameSync(partial, file);
  const seconds = (performance.now() - t) / 1000;
  log(`generated ${file} in ${seconds.toFixed(1)} s`);
  return { file, cached: false, seconds };
}

function generate(file: string): void {
  for (const ext of ['', '-wal', '-shm']) rmSync(file + ext, { force: true });
  const db = openDb(file); // the real schema and migrations
  const raw = db.$client;
  // Bulk load only: nothing here must survive a crash, the file is renamed into place at the end.
  raw.pragma('synchronous = OFF');
  raw.pragma('cache_size = -1000000');
  raw.pragma('temp_store = MEMORY');
  const r = prng(20261120);
  const nowMs = NOW.getTime();
  const step = (label: string, fn: () => void) => {
    const t = performance.now();
    fn();
    log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };

  let customers: Customer[] = [];
  step(`built ${SIZES.customers} customers in memory`, () => {
    customers = buildCustomers(r, SIZES.customers, nowMs);
  });
  const firstPerson: number[] = [];
  step('inserted users, customers, keys, people', () =>
    raw.transaction(() => {
      const users = raw.prepare(`insert into users (id, name, role, created_at) values (?, ?, 'member', ?)`);
      for (const [i, o] of OWNERS.entries()) users.run(i + 1, o, new Date(nowMs - 3 * 365 * DAY).toISOString());
      const ins =
        raw.prepare(`insert into customers (id, name, normalized_name, initials, pinyin, tier, status, lost_at,
        region, industry, address, phones, fax, emails, website, owner, created_at, updated_at, deleted_at,
        next_call_due, next_visit_due, next_due, follow_ups) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
      const tier = raw.prepare(
        `insert into tier_changes (customer_id, from_tier, to_tier, reason, at) values (?, null, ?, 'created', ?)`,
      );
      const key = raw.prepare(`insert into customer_keys (customer_id, kind, value, created_at) values (?, ?, ?, ?)`);
      const share = raw.prepare(`insert into customer_shares (customer_id, user_id, created_at) values (?, ?, ?)`);
      const person = raw.prepare(`insert into people (id, customer_id, name, title, mobile, direct_line, email,
        key_person, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      let pid = 1;
      customers.forEach((c, i) => {
        const id = i + 1;
        const at = new Date(c.createdMs).toISOString();
        const f = searchForms(c.name);
        ins.run(
          id,
          c.name,
          f.normalised,
          f.initials,
          f.pinyin,
          c.tier,
          c.status,
          c.status === 'lost' ? at : null,
          JSON.stringify(c.region),
          c.industry,
          c.address,
          JSON.stringify(c.phones),
          JSON.stringify(c.emails),
          c.website,
          c.owner,
          at,
          at,
          c.deleted ? new Date(nowMs - r.int(1, 300) * DAY).toISOString() : null,
          at,
          at,
          at,
        );
        tier.run(id, c.tier, at);
        for (const k of c.keys) key.run(id, k.kind, k.value, at);
        // One file in twenty is shared with a colleague (the member-visibility path of every query).
        if (r.chance(0.05)) share.run(id, r.int(1, OWNERS.length), at);
        firstPerson.push(pid);
        for (const p of c.people) {
          person.run(pid++, id, p.name, p.title, p.mobile, p.directLine, p.email, p.keyPerson ? 1 : 0, at, at);
        }
      });
    })(),
  );

  step(`inserted ${SIZES.interactions} interactions in time order`, () =>
    insertInteractions(raw, r, customers, firstPerson, nowMs),
  );
  step(`inserted ${SIZES.commitments} commitments`, () =>
    raw.transaction(() => {
      const ins = raw.prepare(
        `insert into commitments (customer_id, text, due_at, kept_at, created_at) values (?, ?, ?, ?, ?)`,
      );
      const texts = ['寄送样品', '提供报价单', '安排工厂参观', 'Send the revised contract', 'Share the product deck'];
      for (let i = 0; i < SIZES.commitments; i++) {
        const due = nowMs + r.int(-60, 30) * DAY;
        const kept = r.chance(due < nowMs ? 0.8 : 0.1) ? new Date(Math.min(due, nowMs - DAY)).toISOString() : null;
        ins.run(
          r.int(1, customers.length),
          r.pick(texts),
          new Date(due).toISOString(),
          kept,
          new Date(due - 14 * DAY).toISOString(),
        );
      }
    })(),
  );
  step('materialised due fields (set-based, then refreshAllDue)', () =>
    raw.transaction(() => {
      setDueFromHistory(raw);
      refreshAllDue(db, settingsOn(db)); // the server's own set-based cadence update
    })(),
  );
  step('filled the FTS5 trigram index', () => fillSearch(raw, customers, firstPerson));
  step('checked 500 customers against refreshDue', () => checkDue(db, 500, r));
  raw.pragma('wal_checkpoint(TRUNCATE)');
  raw.close();
}

function insertInteractions(
  raw: import('better-sqlite3').Database,
  r: ReturnType<typeof prng>,
  customers: Customer[],
  firstPerson: number[],
  nowMs: number,
): void {
  // How many each customer gets: A files are worked hardest, and a file opened last month has
  // had less time to collect history. Largest-remainder rounding hits the total exactly.
  const tierW = { A: 3, B: 1, C: 0.5 };
  const w = customers.map(
    (c) => tierW[c.tier] * (0.3 + 1.4 * r.next()) * Math.max(0.05, (nowMs - c.createdMs) / (3 * 365 * DAY)),
  );
  const sum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (x / sum) * SIZES.interactions);
  const counts = exact.map(Math.floor);
  let left = SIZES.interactions - counts.reduce((a, b) => a + b, 0);
  const byRest = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRest) if (left-- > 0) counts[i] = (counts[i] ?? 0) + 1;

  const n = SIZES.interactions;
  const cust = new Int32Array(n);
  const at = new Float64Array(n);
  const kind = new Uint8Array(n);
  let j = 0;
  customers.forEach((c, i) => {
    for (let k = 0; k < (counts[i] ?? 0); k++, j++) {
      cust[j] = i;
      at[j] = Math.floor(c.createdMs + r.next() * (nowMs - 3_600_000 - c.createdMs));
      kind[j] = r.weighted(KIND_WEIGHTS);
    }
  });
  // Ids grow with time as they would in a real log, so the (customer_id, at) index is filled
  // in the order a live server fills it.
  const order = new Uint32Array(n).map((_, i) => i).sort((a, b) => (at[a] ?? 0) - (at[b] ?? 0));
  const ins = raw.prepare(`insert into interactions (customer_id, kind, at, person_id, summary, outcome, intention,
    appointment, source_url, visit, idempotency_key, created_at, deleted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  raw.transaction(() => {
    for (let s = 0; s < n; s++) {
      const x = order[s] ?? 0;
      const ci = cust[x] ?? 0;
      const c = customers[ci] as Customer;
      const k = KINDS[kind[x] ?? 0] ?? 'call';
      const ms = at[x] ?? 0;
      const iso = new Date(ms).toISOString();
      const contact = k === 'call' || k === 'visit' || k === 'meeting';
      const person = c.people.length && r.chance(0.6) ? (firstPerson[ci] ?? 0) + r.int(0, c.people.length - 1) : null;
      // About one contact in twelve fixes the next appointment (10:00 Shanghai, 1–21 days on).
      const appt =
        (contact && r.chance(0.08)) || (k === 'note' && r.chance(0.02))
          ? new Date(Math.floor(ms / DAY) * DAY + r.int(1, 21) * DAY + 2 * 3_600_000).toISOString()
          : null;
      ins.run(
        ci + 1,
        k,
        iso,
        person,
        r.pick(SUMMARIES[k]),
        contact && r.chance(0.3) ? r.pick(['positive', 'neutral', 'no answer']) : null,
        contact && r.chance(0.3) ? r.pick(['high', 'medium', 'low']) : null,
        appt,
        k === 'email' && r.chance(0.3) ? `https://mail.qq.com/cgi-bin/readmail?mailid=${r.digits(12)}` : null,
        k === 'visit' ? JSON.stringify({ purpose: '介绍新产品', attendees: '总经理、采购经理' }) : null,
        `gen-${s + 1}`,
        iso,
        r.chance(0.003) ? new Date(ms + 60_000).toISOString() : null,
      );
    }
  })();
}

/** The FTS rows exactly as store/sqlite/search.ts writes them, for every live customer. */
function fillSearch(raw: import('better-sqlite3').Database, customers: Customer[], firstPerson: number[]): void {
  const ins = raw.prepare(`insert into customer_search (rowid, name, initials, pinyin, phones, domains, emails, bigrams)
    select ?, ?, initials, pinyin, ?, ?, ?, ? from customers where id = ?`);
  raw.transaction(() => {
    customers.forEach((c, i) => {
      if (c.deleted || firstPerson[i] === undefined) return;
      const phones = [...c.phones, ...c.people.flatMap((p) => [p.mobile, p.directLine])]
        .filter((p): p is string => !!p)
        .map(phoneDigits)
        .filter(Boolean);
      const domains = new Set(c.keys.filter((k) => k.kind !== 'credit_code').map((k) => k.value));
      const emails = [...c.emails, ...c.people.map((p) => p.email)].filter(Boolean);
      const names = [c.name, ...c.people.map((p) => p.name)].join(' ');
      ins.run(i + 1, names, phones.join(' '), [...domains].join(' '), emails.join(' '), nameBigrams(names), i + 1);
    });
  })();
}

export function countRows(file: string): Record<string, number> {
  const db = openDb(file);
  const out: Record<string, number> = {};
  for (const t of ['customers', 'customer_keys', 'people', 'interactions', 'commitments', 'customer_search']) {
    out[t] = (db.$client.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
  }
  db.$client.close();
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ds = ensureDataSet();
  const counts = countRows(ds.file);
  const mb = statSync(ds.file).size / 1e6;
  emit({
    area: 'Data set',
    rows: [
      ...Object.entries(counts).map(([name, value]) => ({ name: `rows in ${name}`, value, unit: 'rows' })),
      { name: 'file size', value: round(mb, 0), unit: 'MB' },
      ...(ds.cached ? [] : [{ name: 'generation time', value: round(ds.seconds, 1), unit: 's' }]),
    ],
    notes: [
      ds.cached
        ? `Reused the cached data set ${ds.file}; it is regenerated only when the generator or the migrations change.`
        : `Generated into ${ds.file} in ${ds.seconds.toFixed(1)} s and cached for the next run.`,
    ],
  });
}
