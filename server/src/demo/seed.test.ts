import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isWorkday, keyValue, localDate } from '@dossier/shared';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDb } from '../db/client.ts';
import { dueBoard } from '../services/board.ts';
import { SYSTEM } from '../services/visibility.ts';
import { saveSettingsOn, settingsOn } from '../store/sqlite/settings.ts';
import { sqliteStore } from '../store/sqlite/store.ts';
import { seedDemo } from './seed.ts';
import { CITIES } from './types.ts';

const fresh = (): Db => openDb(join(mkdtempSync(join(tmpdir(), 'dossier-')), 'db.sqlite'));
const count = (db: Db, q: ReturnType<typeof sql>) => db.get<{ n: number }>(q)?.n ?? 0;
const NOW = new Date('2026-03-18T01:30:00.000Z'); // a Wednesday, 09:30 in Shanghai
const SHANGHAI = 8 * 3_600_000; // no summer time

/** Contacts logged at a time that is not on the minute, or outside 08:30–18:00 local time. */
function badTimes(db: Db): string[] {
  return db
    .all<{ at: string; kind: string }>(sql`select at, kind from interactions`)
    .filter(({ at }) => {
      const local = new Date(Date.parse(at) + SHANGHAI);
      const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
      return !at.endsWith(':00.000Z') || minutes < 8 * 60 + 30 || minutes > 18 * 60;
    })
    .map(({ at, kind }) => `${kind} ${at}`);
}
const han = (s: string | null) => s === null || /\p{Script=Han}/u.test(s);

describe('seedDemo', () => {
  const db = fresh();
  let created = 0;
  beforeAll(async () => {
    created = await seedDemo(sqliteStore(db), NOW);
  });

  it('creates about fifty customers over the three tiers, roughly 20/40/40', () => {
    expect(created).toBeGreaterThanOrEqual(45);
    expect(created).toBeLessThanOrEqual(55);
    expect(count(db, sql`select count(*) as n from customers where deleted_at is null`)).toBe(created);
    const share = (tier: string) => count(db, sql`select count(*) as n from customers where tier = ${tier}`) / created;
    expect(share('A')).toBeGreaterThan(0.15);
    expect(share('A')).toBeLessThan(0.25);
    expect(share('B')).toBeGreaterThan(0.33);
    expect(share('C')).toBeGreaterThan(0.33);
  });

  it('adds nothing when seeded a second time', async () => {
    const tables = ['customers', 'people', 'interactions', 'commitments', 'customer_keys'];
    const before = tables.map((t) => count(db, sql.raw(`select count(*) as n from ${t}`)));
    expect(await seedDemo(sqliteStore(db), new Date(NOW.getTime() + 3_600_000))).toBe(0);
    expect(tables.map((t) => count(db, sql.raw(`select count(*) as n from ${t}`)))).toEqual(before);
  });

  it('has A customers both overdue on their weekly call and not', () => {
    const a = db.all<{ due: string }>(sql`select next_call_due as due from customers where tier = 'A'`);
    const overdue = a.filter((r) => r.due < NOW.toISOString()).length;
    expect(overdue).toBeGreaterThanOrEqual(1);
    expect(overdue).toBeLessThanOrEqual(5);
    expect(a.length - overdue).toBeGreaterThanOrEqual(1);
  });

  it('files xz-land.com.cn under a domain key of 徐州嘉华融通置业', () => {
    const row = db.get<{ name: string; tier: string }>(
      sql`select c.name, c.tier from customer_keys k join customers c on c.id = k.customer_id
          where k.kind = 'domain' and k.value = 'xz-land.com.cn'`,
    );
    expect(row).toEqual({ name: '徐州嘉华融通置业有限公司', tier: 'A' });
  });

  it('gives every customer at least one person and exactly one key person', () => {
    const rows = db.all<{ people: number; keys: number }>(sql`
      select (select count(*) from people p where p.customer_id = c.id) as people,
             (select count(*) from people p where p.customer_id = c.id and p.key_person = 1) as keys
      from customers c`);
    for (const r of rows) {
      expect(r.people).toBeGreaterThanOrEqual(1);
      expect(r.people).toBeLessThanOrEqual(4);
      expect(r.keys).toBe(1);
    }
  });

  it('dates every contact in the past, within nine months, with unique idempotency keys', () => {
    const span = db.get<{ first: string; last: string; n: number; keys: number }>(
      sql`select min(at) as first, max(at) as last, count(*) as n, count(distinct idempotency_key) as keys from interactions`,
    );
    expect(span?.last && span.last < NOW.toISOString()).toBe(true);
    expect(span?.first && span.first > new Date(NOW.getTime() - 280 * 86_400_000).toISOString()).toBe(true);
    expect(span?.keys).toBe(span?.n);
    expect(count(db, sql`select count(*) as n from interactions where created_at <> at`)).toBe(0);
  });

  it('only stores credit codes whose check character is right', () => {
    const codes = db.all<{ value: string }>(sql`select value from customer_keys where kind = 'credit_code'`);
    expect(codes.length).toBeGreaterThan(3);
    for (const { value } of codes) expect(keyValue('credit_code', value)).toBe(value);
  });

  it('leaves a living board: overdue items, today, tomorrow, this week, open promises and lost files', async () => {
    const board = await dueBoard(sqliteStore(db), NOW, settingsOn(db), 7, SYSTEM);
    for (const bucket of [board.overdue, board.today, board.tomorrow, board.thisWeek])
      expect(bucket.length).toBeGreaterThan(0);
    expect(board.overdue.some((i) => i.reason === 'appointment')).toBe(true);
    const open = count(db, sql`select count(*) as n from commitments where kept_at is null`);
    expect(open).toBeGreaterThanOrEqual(4);
    expect(open).toBeLessThanOrEqual(6);
    expect(count(db, sql`select count(*) as n from commitments where kept_at is not null`)).toBe(1);
    // Lost at their last contact, with a reason; a couple of files were reclassified on the way.
    expect(
      count(
        db,
        sql`select count(*) as n from customers where status = 'lost' and lost_reason is not null
        and lost_reason_code is not null and lost_at > created_at
        and lost_at >= (select max(at) from interactions i where i.customer_id = customers.id)`,
      ),
    ).toBeGreaterThanOrEqual(2);
    expect(count(db, sql`select count(*) as n from tier_changes where reason like 'reclassification %'`)).toBe(2);
    // Land winners arrive with the parcel they won; two more parcels wait on the watch list.
    const won = count(db, sql`select count(*) as n from customers where stage = 'land_won'`);
    expect(won).toBeGreaterThanOrEqual(1);
    expect(
      count(
        db,
        sql`select count(*) as n from parcels p join customers c on c.id = p.customer_id
        where c.stage = 'land_won' and p.status = 'dealt' and p.winner = c.name`,
      ),
    ).toBe(won);
    expect(count(db, sql`select count(*) as n from parcels where status = 'listed' and customer_id is null`)).toBe(2);
  });

  it('puts a couple of birthdays within the next two weeks', () => {
    const soon = db
      .all<{ birthday: string }>(sql`select birthday from people where birthday is not null`)
      .filter(({ birthday }) => {
        for (let d = 0; d <= 14; d++) {
          if (
            new Date(NOW.getTime() + (d * 86_400_000 + 8 * 3_600_000)).toISOString().slice(5, 10) === birthday.slice(5)
          )
            return true;
        }
        return false;
      });
    expect(soon.length).toBeGreaterThanOrEqual(2);
  });

  it('logs every contact on the minute, in office hours, on mainland working days (greetings on the day itself)', () => {
    expect(badTimes(db)).toEqual([]);
    const offDays = db
      .all<{ at: string; kind: string }>(sql`select at, kind from interactions where kind <> 'greeting'`)
      .filter(({ at }) => !isWorkday(localDate(new Date(at), 'Asia/Shanghai'), 'mainland'));
    expect(offDays).toEqual([]);
  });

  it('reads as one Xuzhou consultant’s book: Chinese names and Chinese notes, whatever the customer', () => {
    const customers = db.all<{
      name: string;
      type: string | null;
      region: string;
      step: string | null;
      lost: string | null;
    }>(sql`select name, company_type as type, region, next_step as step, lost_reason as lost from customers`);
    expect(customers.filter((c) => !han(c.name)).length).toBeLessThanOrEqual(4);
    expect(customers.filter((c) => c.type === 'foreign' || c.type === 'joint_venture').length).toBeLessThanOrEqual(4);
    expect(customers.filter((c) => JSON.parse(c.region).includes('徐州')).length / customers.length).toBeGreaterThan(
      0.6,
    );
    expect(customers.filter((c) => !JSON.parse(c.region).includes('江苏'))).toEqual([]);
    expect(customers.filter((c) => !han(c.step) || !han(c.lost))).toEqual([]);
    const lines = db.all<{ summary: string | null; outcome: string | null }>(
      sql`select summary, outcome from interactions`,
    );
    expect(lines.filter((l) => l.summary === null || !han(l.summary) || !han(l.outcome))).toEqual([]);
    const promises = db.all<{ text: string }>(sql`select text from commitments`);
    expect(promises.filter((p) => !han(p.text))).toEqual([]);
  });

  it('gives phones of the customer’s city and mailboxes on its website’s domain', () => {
    const customers = db.all<{ region: string; phones: string; emails: string; website: string | null }>(
      sql`select region, phones, emails, website from customers`,
    );
    for (const c of customers) {
      const city = Object.values(CITIES).find((k) => k.region.join() === JSON.parse(c.region).join());
      expect(city).toBeDefined();
      for (const phone of JSON.parse(c.phones) as string[]) expect(phone).toMatch(new RegExp(`^${city?.area}-\\d{8}$`));
      const domain = c.website ? new URL(c.website).hostname.replace(/^www\./, '') : undefined;
      for (const email of JSON.parse(c.emails) as string[]) expect(email.split('@')[1]).toBe(domain);
    }
    const mobiles = db.all<{ mobile: string }>(sql`select mobile from people where mobile is not null`);
    for (const { mobile } of mobiles) expect(mobile).toMatch(/^1[3-9]\d(-?\d{4}){2}$/);
  });

  it('keeps to working days and office hours when seeded on a day off or late in the evening', {
    timeout: 60_000,
  }, async () => {
    // A Sunday morning, National Day afternoon, a Monday night; the mainland calendar (the default).
    for (const iso of ['2026-12-06T03:00:00Z', '2026-10-01T07:00:00Z', '2027-02-01T14:30:00Z']) {
      const now = new Date(iso);
      const other = fresh();
      expect(await seedDemo(sqliteStore(other), now)).toBe(created);
      expect(badTimes(other)).toEqual([]);
      const offDays = other
        .all<{ at: string }>(sql`select at from interactions where kind <> 'greeting'`)
        .filter(({ at }) => !isWorkday(localDate(new Date(at), 'Asia/Shanghai'), 'mainland'));
      expect(offDays).toEqual([]);
      // Nothing falls due on a day off (the due rule moves it to a working day); the rest of the board lives.
      const board = await dueBoard(sqliteStore(other), now, settingsOn(other), 7, SYSTEM);
      expect(board.overdue.length).toBeGreaterThan(0);
      // 本周 is the ISO week: on a Sunday it is over, and what follows is in the next-week column.
      expect(board.tomorrow.length + board.thisWeek.length + (board.later?.length ?? 0)).toBeGreaterThan(0);
      other.$client.close();
    }
  });

  it('works on any day and leaves the same shape: the A overdue count does not depend on the date', {
    timeout: 60_000,
  }, async () => {
    for (const iso of ['2028-02-29T15:45:00Z', '2026-12-31T15:00:00Z', '2027-06-06T03:00:00Z']) {
      const now = new Date(iso);
      const other = fresh();
      // The shape is the demo's own; days off would move some due dates earlier and change it
      // on weekends and holidays (that rule has its own tests), so it is checked on an every-day week.
      saveSettingsOn(other, { ...settingsOn(other), workdays: 'none' });
      expect(await seedDemo(sqliteStore(other), now)).toBe(created);
      const overdue = count(
        other,
        sql`select count(*) as n from customers where tier = 'A' and next_call_due < ${now.toISOString()}`,
      );
      expect(overdue).toBe(
        count(db, sql`select count(*) as n from customers where tier = 'A' and next_call_due < ${NOW.toISOString()}`),
      );
      expect(count(other, sql`select count(*) as n from interactions where at >= ${now.toISOString()}`)).toBe(0);
      expect(badTimes(other)).toEqual([]);
      const board = await dueBoard(sqliteStore(other), now, settingsOn(other), 7, SYSTEM);
      // Not today: seeded late in the evening or on a day off, what would be due today is due on
      // the next working day (at 23:45 only the land-won file's first call, due tonight, is left,
      // and it stands with its file under the appointment fixed at capture: its earliest due).
      for (const bucket of [board.overdue, board.tomorrow]) expect(bucket.length).toBeGreaterThan(0);
      // The rest of the week, or past its Sunday the next-week column.
      expect(board.thisWeek.length + (board.later?.length ?? 0)).toBeGreaterThan(0);
      other.$client.close();
    }
  });
});
