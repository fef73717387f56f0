import { registrableDomain } from '@dossier/shared';
import { openDb } from '../src/db/client.ts';
import { findContext } from '../src/services/context.ts';
import { SYSTEM } from '../src/services/visibility.ts';
import { sqliteStore } from '../src/store/sqlite/store.ts';
import { timeAsync, timeIt } from './lib.ts';
import { findContextSync } from './pre-seam.ts';
import { traceSql } from './trace.ts';

const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** What http.ts measured of one server: cores used during the timed run and its throughput. */
interface Measured {
  cores: number | null;
  loaded: { rps: number };
}

/** Microseconds of server CPU per answer: cores used during the run ÷ answers per second. */
export const cpuUs = (m: Measured) => (m.cores ? ((m.cores / m.loaded.rps) * 1e6).toFixed(0) : '?');

/** Largest share of the profile under any function whose name and place match. */
const share = (shares: Map<string, number>, fn: RegExp) =>
  Math.max(0, ...[...shares].filter(([k]) => fn.test(k)).map(([, v]) => v));

/**
 * The plan, from what this run's profile shows rather than from a list that goes stale as the
 * server changes: each known cause is named only while its signature is in the profile.
 */
export function contextPlan(profile: Map<string, number>, r: Measured, c: Measured, f: Measured): string {
  const steps: string[] = [];
  if (share(profile, /_prepare select\.js/) >= 5)
    steps.push(
      'services/context.ts builds and SQLite-prepares its queries on every call (drizzle _prepare in the profile): build them once per Db with .prepare() and sql.placeholder()',
    );
  if (share(profile, /newRequestFromIncoming/) >= 2)
    steps.push(
      'something reads c.req.raw (bodyLimit on a GET does): @hono/node-server then builds a full undici Request per request; apply bodyLimit to POST/PUT/PATCH only',
    );
  if (share(profile, /responseViaResponseObject/) >= 2 && share(profile, /responseViaCache/) < 1)
    steps.push(
      "headers are set on c.res after next() (hono's secureHeaders does): the answer leaves @hono/node-server's cached-response fast path; set them with c.header() before next()",
    );
  const framework = Number(cpuUs(r)) - Number(cpuUs(c));
  steps.push(
    `the full card costs ${(f.loaded.rps / c.loaded.rps).toFixed(1)}× the floor's answer even without a framework, so ≥ 0.85 of the floor needs a badge-sized answer for the URL-only lookup the toolbar makes on every tab (tier, due dates, overdue: one statement, e.g. GET /api/context?url=…&fields=badge), the card being fetched when the panel opens`,
    `the remaining ~${framework} µs per answer over the full-card floor are the HTTP stack: routing, the host/origin guard, the bearer-token hash, audit, zod validation of the query and mapping rows to the API's shapes — look there once the answer is badge-sized`,
  );
  return `${steps.map((x, i) => `(${i + 1}) ${x}`).join('; ')}.`;
}

/**
 * Where findContext's time goes, in-process on the same file: the whole call, the statements it
 * runs (traced, so whatever SQL it issues today), the same card read with raw prepared
 * statements, and JSON.stringify of the answer. What is left between the HTTP figures and these
 * is the HTTP stack.
 */
export async function contextBreakdown(file: string, urls: string[]): Promise<string[]> {
  const db = openDb(file);
  try {
    const raw = db.$client;
    const key = raw.prepare(
      `select customer_id from customer_keys where kind in ('domain', 'email_domain') and value = ?`,
    );
    const row = raw.prepare('select * from customers where id = ? and deleted_at is null');
    const last = raw.prepare(
      'select * from interactions where customer_id = ? and deleted_at is null order by at desc, id desc limit 3',
    );
    const ppl = raw.prepare('select * from people where customer_id = ? and deleted_at is null');
    const url = (i: number) => urls[i % urls.length] ?? '';
    const n = 5000;
    const store = sqliteStore(db);
    // Read once for both paths: the sync path before the seam had no settings in its card.
    const known = await store.settings.read();
    const settings = () => Promise.resolve(known);
    // Rounds alternate between the async service through the Store and the synchronous path it
    // replaced, so a noisy neighbour hits both alike.
    const asyncRounds: number[] = [];
    const syncRounds: number[] = [];
    for (let r = 0; r < 3; r++) {
      asyncRounds.push(
        (await timeAsync((i) => findContext(store, { url: url(i) }, new Date(), SYSTEM, settings), n, 500)).mean,
      );
      syncRounds.push(timeIt((i) => findContextSync(db, { url: url(i) }, new Date(), known), n, 500).mean);
    }
    const whole = middle(asyncRounds);
    const before = middle(syncRounds);
    const card = timeIt(
      (i) => {
        const id = (key.pluck().get(registrableDomain(url(i))) as number | undefined) ?? 0;
        return [row.get(id), last.all(id), ppl.all(id)];
      },
      n,
      500,
    ).mean;
    const answers = await Promise.all(urls.map((u) => findContext(store, { url: u }, new Date(), SYSTEM, settings)));
    const json = timeIt((i) => JSON.stringify(answers[i % answers.length]), n, 500).mean;
    // One traced call per URL of a sample: statement count and the share of time inside SQLite.
    let stmts = 0;
    let sqlMs = 0;
    let totalMs = 0;
    for (const u of urls.slice(0, 200)) {
      const t = await traceSql(db, () => findContext(store, { url: u }, new Date(), SYSTEM, settings));
      stmts += t.statements.length;
      sqlMs += t.sqlMs;
      totalMs += t.totalMs;
    }
    return [
      `In-process, findContext through the async Store takes ${us(whole)} per call, the synchronous path before the seam ${us(before)} (${(before / whole).toFixed(2)}× its speed; median of 3 alternating rounds), and runs ${(stmts / Math.min(200, urls.length)).toFixed(1)} statements, ` +
        `${((100 * sqlMs) / totalMs).toFixed(0)} % of its time inside SQLite; the same card read with four raw prepared statements takes ${us(card)}, ` +
        `and JSON.stringify of the answer another ${us(json)}.`,
    ];
  } finally {
    db.$client.close();
  }
}
