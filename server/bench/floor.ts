/**
 * The floor for GET /api/context?url=: the least a Node server can do to give the same answer
 * on the same file — node:http, the registrable domain of the URL (the same shared function),
 * one prepared statement joining customer_keys to the materialised fields, JSON out. No
 * framework, no validation, no auth. Nothing real can beat it; the ratio says how close we are.
 *
 *   node --import tsx bench/floor.ts <sqlite file> [--card]
 *
 * --card answers the whole card the real server returns (full customer row, last three
 * interactions, people, the records of its phones and e-mails) with four raw prepared statements: the floor for the same *payload*,
 * which splits the gap into "more data per answer" and "framework and validation".
 */
import { createServer } from 'node:http';
import { registrableDomain } from '@dossier/shared';
import Database from 'better-sqlite3';
import type { LastContact } from '../src/store/contact-points.ts';
import { LAST_CONTACTS_SQL } from '../src/store/sqlite/contact-points.ts';
import { floorPoints, floorSettings, shownOf } from './floor-points.ts';

const [file, mode] = process.argv.slice(2);
if (!file) throw new Error('usage: floor.ts <sqlite file> [--card]');
const db = new Database(file);
db.pragma('busy_timeout = 5000');

const lookup = db.prepare(`
  select c.id, c.name, c.tier, c.next_call_due, c.next_visit_due, c.next_due, c.appointment_at, c.follow_ups, k.kind
  from customer_keys k join customers c on c.id = k.customer_id
  where k.kind in ('domain', 'email_domain') and k.value = ? and c.deleted_at is null limit 1`);
const full = db.prepare(`
  select c.*, k.kind from customer_keys k join customers c on c.id = k.customer_id
  where k.kind in ('domain', 'email_domain') and k.value = ? and c.deleted_at is null limit 1`);
const last3 = db.prepare(
  'select * from interactions where customer_id = ? and deleted_at is null order by at desc, id desc limit 3',
);
const people = db.prepare('select * from people where customer_id = ? and deleted_at is null');
const points = db.prepare('select * from contact_points where customer_id = ? order by id');
const lastContacts = db.prepare(LAST_CONTACTS_SQL);
const settingsRow = db.prepare("select value from settings where key = 'app'").get() as { value: string } | undefined;
const settings = floorSettings(settingsRow?.value ?? null);

type Short = {
  id: number;
  name: string;
  tier: string;
  next_call_due: string;
  next_visit_due: string;
  next_due: string;
  appointment_at: string | null;
  follow_ups: number;
  kind: string;
};

function answer(url: string | null): unknown {
  const domain = url ? registrableDomain(url) : null;
  if (!domain) return { customer: null };
  if (mode === '--card') {
    const row = full.get(domain) as (Record<string, unknown> & { id: number; kind: string }) | undefined;
    if (!row) return { customer: null };
    const ppl = people.all(row.id) as (Record<string, unknown> & { key_person: number })[];
    const key = ppl.filter((p) => p.key_person);
    return {
      customer: row,
      matchedBy: { kind: row.kind, value: domain },
      lastInteractions: last3.all(row.id),
      keyPeople: (key.length ? key : ppl).slice(0, 5),
      contactPoints: floorPoints(
        row,
        ppl,
        shownOf(key, ppl),
        points.all(row.id) as Record<string, unknown>[],
        lastContacts.all(row.id) as LastContact[],
        settings,
        new Date(),
      ),
    };
  }
  const r = lookup.get(domain) as Short | undefined;
  if (!r) return { customer: null };
  const now = new Date().toISOString();
  return {
    customer: { id: r.id, name: r.name },
    matchedBy: { kind: r.kind, value: domain },
    tier: r.tier,
    nextCallDue: r.next_call_due,
    nextVisitDue: r.next_visit_due,
    nextDue: r.next_due,
    appointment: r.appointment_at,
    overdue: r.next_due < now,
    followUps: r.follow_ups,
  };
}

const server = createServer((req, res) => {
  const q = req.url?.indexOf('?') ?? -1;
  const params = new URLSearchParams(q >= 0 ? req.url?.slice(q + 1) : '');
  const body = JSON.stringify(answer(params.get('url')));
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
// A clean exit on SIGTERM, so --cpu-prof can write its profile.
process.on('SIGTERM', () => process.exit(0));
