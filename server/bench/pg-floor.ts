/**
 * The floor for GET /api/context/badge on PostgreSQL, as floor.ts is SQLite's: node:http, the
 * registrable domain of the URL (the same shared function), one named prepared statement joining
 * customer_keys to the materialised due fields, JSON out — on a pg pool of the size the team
 * server uses. No framework, no validation, no auth. Nothing real can beat it.
 *
 *   node --import tsx bench/pg-floor.ts <postgres url> [--card]
 *
 * --card answers the whole card (full customer row, last three interactions, people, the records
 * of its phones and e-mails, each one's age as the real card works it out: floor-points.ts) with four named prepared statements: the floor for the same payload
 * as GET /api/context.
 */
import { createServer } from 'node:http';
import { registrableDomain } from '@dossier/shared';
import pg from 'pg';
import { floorPoints, floorSettings, shownOf } from './floor-points.ts';

const [url, mode] = process.argv.slice(2);
if (!url) throw new Error('usage: pg-floor.ts <postgres url> [--card]');
// The team server's pool size (db/pg/client.ts).
const pool = new pg.Pool({ connectionString: url, max: 10 });

// Named: parsed and planned once per connection, then only Bind/Execute per request.
const lookup = {
  name: 'floor_badge',
  text: `select c.id, c.name, c.tier, c.status, c.next_call_due, c.next_visit_due, c.next_due, c.appointment_at, k.kind
    from customer_keys k join customers c on c.id = k.customer_id
    where k.kind in ('domain', 'email_domain') and k.value = $1 and c.deleted_at is null
    order by k.kind collate "C" limit 1`,
};
const full = {
  name: 'floor_card',
  text: `select c.*, k.kind from customer_keys k join customers c on c.id = k.customer_id
    where k.kind in ('domain', 'email_domain') and k.value = $1 and c.deleted_at is null
    order by k.kind collate "C" limit 1`,
};
const last3 = {
  name: 'floor_last3',
  text: 'select * from interactions where customer_id = $1 and deleted_at is null order by at desc, id desc limit 3',
};
const people = { name: 'floor_people', text: 'select * from people where customer_id = $1 and deleted_at is null' };
const points = { name: 'floor_points', text: 'select * from contact_points where customer_id = $1 order by id' };
const lastContacts = {
  name: 'floor_last_contacts',
  text: `select person_id as "personId", kind, max(at) as at from interactions
    where customer_id = $1 and deleted_at is null and kind in ('call', 'visit', 'email') group by person_id, kind`,
};
const settings = pool
  .query<{ value: unknown }>("select value from settings where key = 'app'")
  .then((r) => floorSettings(r.rows[0]?.value ?? null));

type Short = {
  id: number;
  name: string;
  tier: string;
  status: string;
  next_call_due: string;
  next_visit_due: string;
  next_due: string;
  appointment_at: string | null;
  kind: string;
};

async function answer(url: string | null): Promise<unknown> {
  const domain = url ? registrableDomain(url) : null;
  if (!domain) return { customer: null };
  if (mode === '--card') {
    const row = (await pool.query({ ...full, values: [domain] })).rows[0];
    if (!row) return { customer: null };
    // Four more round trips, one after the other as a request's would be on one connection.
    const ppl = (await pool.query({ ...people, values: [row.id] })).rows as (Record<string, unknown> & {
      key_person: boolean;
    })[];
    const last = (await pool.query({ ...last3, values: [row.id] })).rows;
    const sources = (await pool.query({ ...points, values: [row.id] })).rows;
    const contacts = (await pool.query({ ...lastContacts, values: [row.id] })).rows;
    const key = ppl.filter((p) => p.key_person);
    return {
      customer: row,
      matchedBy: { kind: row.kind, value: domain },
      lastInteractions: last,
      keyPeople: (key.length ? key : ppl).slice(0, 5),
      contactPoints: floorPoints(row, ppl, shownOf(key, ppl), sources, contacts, await settings, new Date()),
    };
  }
  const r = (await pool.query<Short>({ ...lookup, values: [domain] })).rows[0];
  if (!r) return { customer: null };
  const now = new Date().toISOString();
  return {
    customer: { id: r.id, name: r.name },
    matchedBy: { kind: r.kind, value: domain },
    tier: r.tier,
    lost: r.status === 'lost',
    nextCallDue: r.next_call_due,
    nextVisitDue: r.next_visit_due,
    nextDue: r.next_due,
    appointment: r.appointment_at,
    overdue: r.next_due < now,
  };
}

const server = createServer((req, res) => {
  const q = req.url?.indexOf('?') ?? -1;
  const params = new URLSearchParams(q >= 0 ? req.url?.slice(q + 1) : '');
  answer(params.get('url')).then(
    (a) => {
      const body = JSON.stringify(a);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
    (e: Error) => {
      res.writeHead(500);
      res.end(e.message);
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  process.stdout.write(`READY ${typeof addr === 'object' && addr ? addr.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().finally(() => process.exit(0));
});
