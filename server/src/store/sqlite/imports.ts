import { CALL_KINDS } from '@dossier/shared';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { type Db, preparedFor, preparedOn } from '../../db/client.ts';
import { customers, imports, importUploadChunks, importUploads } from '../../db/schema.ts';
import { ConstraintViolation, type ImportPerson, type ImportStore, type PersonFill } from '../imports.ts';
import { literalList } from '../literals.ts';
import { interactionStatements } from './interactions.ts';
import { type SearchCustomer, type SearchKey, type SearchPerson, searchRow } from './search.ts';
import { visible, visibleToAnyMember } from './visibility.ts';

const $ = sql.placeholder;

/** The people table's column of each field an import may fill on a known person. */
const PERSON_COLUMN: Record<keyof PersonFill, string> = {
  name: 'name',
  title: 'title',
  mobile: 'mobile',
  directLine: 'direct_line',
  email: 'email',
  birthday: 'birthday',
  birthdayLunar: 'birthday_lunar',
  homeAddress: 'home_address',
  greetingHook: 'greeting_hook',
  preferences: 'preferences',
};

/**
 * An import runs these for every row (10,000 in a file): prepared once per connection, as raw
 * better-sqlite3 statements where drizzle's per-call work would cost as much as SQLite's.
 * They share the connection, so they run inside its open transaction.
 */
const statements = preparedOn((db) => {
  const c = db.$client;
  const live = and(eq(customers.id, $('id')), isNull(customers.deletedAt));
  const named = and(eq(customers.normalizedName, $('n')), isNull(customers.deletedAt));
  return {
    keyHolder: c.prepare<[string, string], { id: number }>(
      'select customer_id as id from customer_keys where kind = ? and value = ?',
    ),
    insertKey: c.prepare('insert into customer_keys (customer_id, kind, value, created_at) values (?, ?, ?, ?)'),
    // No RETURNING: SQLite runs a statement with RETURNING through a temporary table (measured:
    // a customer and its person inserted 3.6 times slower with it); the rowid is the id.
    insertCustomer: c.prepare<unknown[]>(
      `insert into customers (name, former_names, normalized_name, initials, pinyin, tier, status, status_by_contact, lost_reason,
        lost_reason_code, lost_at, next_step, stage, region, company_type, size_class, industry, business_scope,
        products, trends, address, phones, fax, emails, website, notes, owner, created_at, updated_at, next_call_due,
        next_visit_due, next_due, follow_ups)
       values (${Array(32).fill('?').join(', ')}, 0)`,
    ),
    insertTier: c.prepare(
      "insert into tier_changes (customer_id, from_tier, to_tier, reason, at) values (?, null, ?, 'imported', ?)",
    ),
    insertPerson: c.prepare<unknown[]>(
      `insert into people (customer_id, name, title, mobile, direct_line, email, birthday, birthday_lunar, home_address,
        preferences, key_person, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    peopleOf: c.prepare<[number], ImportPerson>(
      `select id, name, title, mobile, direct_line as directLine, email, birthday, home_address as homeAddress,
        greeting_hook as greetingHook, preferences from people where customer_id = ? and deleted_at is null order by id`,
    ),
    interactionExists: c.prepare<[string], { id: number }>('select id from interactions where idempotency_key = ?'),
    spokenBetween: c.prepare<[number, string, string], { id: number }>(
      `select id from interactions where customer_id = ? and deleted_at is null and at >= ? and at < ?
         and kind in (${literalList(CALL_KINDS)}) limit 1`,
    ),
    // The one visibility rule as a point lookup (store/sqlite/visibility.ts), the viewer bound at each run.
    liveForManager: db.select().from(customers).where(live).prepare(),
    liveForMember: db.select().from(customers).where(and(live, visibleToAnyMember())).prepare(),
    namedForManager: db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(named)
      .orderBy(customers.id)
      .limit(1)
      .prepare(),
    namedForMember: db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(and(named, visibleToAnyMember()))
      .orderBy(customers.id)
      .limit(1)
      .prepare(),
    reportByKey: db
      .select({ report: imports.report })
      .from(imports)
      .where(eq(imports.idempotencyKey, $('key')))
      .prepare(),
  };
});

/** The update of a known person's filled fields, one statement per set of fields. */
const fills = preparedFor(() => new Map<string, { run(...values: unknown[]): unknown }>());

const CHUNK = 500;

/**
 * The search rows of many customers at once: the row searchRow builds (as reindexCustomer
 * does), from three set queries per 500 customers instead of five statements per customer
 * (half the time of a 10,000-row import went there).
 */
function reindexMany(db: Db, ids: Iterable<number>): void {
  const c = db.$client;
  const del = c.prepare('delete from customer_search where rowid = ?');
  const ins = c.prepare(
    'insert into customer_search (rowid, name, initials, pinyin, phones, domains, emails, bigrams) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = all.slice(i, i + CHUNK);
    const marks = part.map(() => '?').join(',');
    const files = c
      .prepare(
        `select id, name, former_names, initials, pinyin, phones, emails, website, deleted_at from customers where id in (${marks})`,
      )
      .all(...part) as (SearchCustomer & { id: number; deleted_at: string | null })[];
    const people = c
      .prepare(
        `select customer_id, name, mobile, direct_line, email from people
         where customer_id in (${marks}) and deleted_at is null order by customer_id, id`,
      )
      .all(...part) as (SearchPerson & { customer_id: number })[];
    const keys = c
      .prepare(
        `select customer_id, kind, value from customer_keys where customer_id in (${marks}) order by customer_id, id`,
      )
      .all(...part) as (SearchKey & { customer_id: number })[];
    const group = <T extends { customer_id: number }>(rows: T[]) => {
      const m = new Map<number, T[]>();
      for (const r of rows) m.set(r.customer_id, [...(m.get(r.customer_id) ?? []), r]);
      return m;
    };
    const peopleOf = group(people);
    const keysOf = group(keys);
    for (const id of part) del.run(id);
    for (const cu of files) {
      if (cu.deleted_at) continue;
      ins.run(cu.id, ...searchRow(cu, peopleOf.get(cu.id) ?? [], keysOf.get(cu.id) ?? []));
    }
  }
}

/** SQLite's refusal by a constraint (UNIQUE, FOREIGN KEY, CHECK, NOT NULL) as the store's ConstraintViolation. */
function refused(e: unknown): unknown {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')
    ? new ConstraintViolation((e as Error).message)
    : e;
}

/** The method, its constraint failures turned into ConstraintViolation. */
function checked<A extends unknown[], R>(write: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await write(...args);
    } catch (e) {
      throw refused(e);
    }
  };
}

export function sqliteImports(db: Db): ImportStore {
  const s = statements(db);
  const client = db.$client;
  return {
    async dropUploadsBefore(at) {
      db.delete(importUploads).where(lt(importUploads.createdAt, at)).run();
    },
    async addUpload(userId, filename, size, at) {
      return db
        .insert(importUploads)
        .values({ userId, filename, size, received: 0, createdAt: at })
        .returning({ id: importUploads.id })
        .get().id;
    },
    async upload(id, userId) {
      return db
        .select({
          id: importUploads.id,
          userId: importUploads.userId,
          filename: importUploads.filename,
          size: importUploads.size,
          received: importUploads.received,
        })
        .from(importUploads)
        .where(and(eq(importUploads.id, id), eq(importUploads.userId, userId)))
        .get();
    },
    async addChunk(uploadId, offset, data) {
      const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      db.insert(importUploadChunks).values({ uploadId, offset, data: bytes }).run();
      db.update(importUploads)
        .set({ received: offset + data.length })
        .where(eq(importUploads.id, uploadId))
        .run();
    },
    async uploadBytes(uploadId) {
      const chunks = db
        .select({ data: importUploadChunks.data })
        .from(importUploadChunks)
        .where(eq(importUploadChunks.uploadId, uploadId))
        .orderBy(asc(importUploadChunks.offset))
        .all();
      return Buffer.concat(chunks.map((c) => c.data));
    },
    async dropUpload(uploadId) {
      db.delete(importUploads).where(eq(importUploads.id, uploadId)).run();
    },

    async add(entry) {
      return db
        .insert(imports)
        .values({ ...entry, report: {} })
        .returning({ id: imports.id })
        .get().id;
    },
    async setReport(id, report) {
      db.update(imports).set({ report }).where(eq(imports.id, id)).run();
    },
    async byId(id) {
      return db
        .select({ userId: imports.userId, kind: imports.kind, report: imports.report })
        .from(imports)
        .where(eq(imports.id, id))
        .get();
    },
    async reportByKey(key) {
      return s.reportByKey.get({ key })?.report as Record<string, unknown> | undefined;
    },

    async workerTarget() {
      return client.memory ? null : client.name;
    },

    async keyHolder(key) {
      return s.keyHolder.get(key.kind, key.value)?.id;
    },
    async visibleFile(id, viewer) {
      return viewer.role === 'manager'
        ? s.liveForManager.get({ id })
        : s.liveForMember.get({ id, viewerName: viewer.name, viewerId: viewer.id });
    },
    async sameName(normalizedName, viewer) {
      return viewer.role === 'manager'
        ? s.namedForManager.get({ n: normalizedName })
        : s.namedForMember.get({ n: normalizedName, viewerName: viewer.name, viewerId: viewer.id });
    },
    async peopleOf(customerId) {
      return s.peopleOf.all(customerId);
    },
    async mobilesOf(viewer) {
      // Once an import: every mobile the viewer's files hold, matched in the service by its normalised form.
      return db.all<{ customerId: number; mobile: string }>(
        sql`select p.customer_id as customerId, p.mobile as mobile from people p join customers c on c.id = p.customer_id
            where p.deleted_at is null and c.deleted_at is null and p.mobile is not null and p.mobile <> ''
              and ${visible(viewer, 'c')} order by p.customer_id, p.id`,
      );
    },
    async interactionKeyUsed(key) {
      return s.interactionExists.get(key) !== undefined;
    },
    async spokenBetween(customerId, from, to) {
      return s.spokenBetween.get(customerId, from, to) !== undefined;
    },
    addFile: checked(async (f) => {
      const { lastInsertRowid } = s.insertCustomer.run(
        f.name,
        JSON.stringify(f.formerNames),
        f.normalizedName,
        f.initials,
        f.pinyin,
        f.tier,
        f.status,
        f.statusByContact ? 1 : 0,
        f.lostReason,
        f.lostReasonCode,
        f.lostAt,
        f.nextStep,
        f.stage,
        JSON.stringify(f.region),
        f.companyType,
        f.sizeClass,
        f.industry,
        f.businessScope,
        f.products,
        f.trends,
        f.address,
        JSON.stringify(f.phones),
        JSON.stringify(f.fax),
        JSON.stringify(f.emails),
        f.website,
        f.notes,
        f.owner,
        f.createdAt,
        f.updatedAt,
        f.nextCallDue,
        f.nextVisitDue,
        f.nextDue,
      );
      const id = Number(lastInsertRowid);
      s.insertTier.run(id, f.tier, f.createdAt);
      return id;
    }),
    addKey: checked(async (customerId, key, at) => {
      s.insertKey.run(customerId, key.kind, key.value, at);
    }),
    addPerson: checked(async (customerId, p, at) => {
      const r = s.insertPerson.run(
        customerId,
        p.name,
        p.title ?? null,
        p.mobile ?? null,
        p.directLine ?? null,
        p.email?.toLowerCase() ?? null,
        p.birthday ?? null,
        p.birthdayLunar ? 1 : 0,
        p.homeAddress ?? null,
        p.preferences ?? null,
        p.keyPerson ? 1 : 0,
        at,
        at,
      );
      return Number(r.lastInsertRowid);
    }),
    fillPerson: checked(async (personId, fill, at) => {
      const cols = Object.keys(fill) as (keyof PersonFill)[];
      const key = cols.join(',');
      const cache = fills(db);
      let stmt = cache.get(key);
      if (!stmt) {
        stmt = client.prepare(
          `update people set ${cols.map((k) => `${PERSON_COLUMN[k]} = ?`).join(', ')}, updated_at = ? where id = ?`,
        );
        cache.set(key, stmt);
      }
      stmt.run(...cols.map((k) => (k === 'birthdayLunar' ? (fill[k] ? 1 : 0) : fill[k])), at, personId);
    }),
    addInteraction: checked(async (customerId, i) => {
      // The one prepared insert of a contact, the same as logging a call writes; no request of its
      // own, so no replay record (a key an import wrote answers 409, services/replay.ts).
      interactionStatements(db).insert.run({
        customerId,
        ...i,
        meetsAppointment: 0,
        requestedBy: null,
        requestFingerprint: null,
      });
    }),
    updateFile: checked(async (id, changes, at) => {
      db.update(customers)
        .set({ ...changes, updatedAt: at })
        .where(eq(customers.id, id))
        .run();
    }),
    async reindexFiles(ids) {
      reindexMany(db, ids);
    },
  };
}
