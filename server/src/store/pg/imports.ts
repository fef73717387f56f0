import { CALL_KINDS } from '@dossier/shared';
import { and, asc, eq, gte, inArray, is, isNull, lt, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import {
  customerKeys,
  customerSearch,
  customers,
  imports,
  importUploadChunks,
  importUploads,
  interactions,
  people,
  tierChanges,
} from '../../db/schema.pg.ts';
import { ConstraintViolation, type ImportStore } from '../imports.ts';
import type { PgExecutor } from './executor.ts';
import { pgSearchRow } from './search.ts';
import { visible, visibleOne } from './visibility.ts';

/**
 * Held by an import's transaction (and a restore's) until it ends: SQLite writes them one at a
 * time, and so do these (see pgImports). Transaction-scoped, so it works behind PgBouncer.
 */
export const oneImportAtATime = sql`select pg_advisory_xact_lock(hashtextextended('dossier: an import', 0))`;

const CHUNK = 500;

/**
 * The search rows of many customers at once, as `search.reindex` writes each (pgSearchRow): from
 * three set queries per 500 customers and one multi-row insert, instead of four statements per
 * customer of a 10,000-row import.
 */
async function reindexMany(db: PgExecutor, ids: Iterable<number>): Promise<void> {
  const all = [...new Set(ids)];
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = all.slice(i, i + CHUNK);
    const these = sql.param(part);
    // One after the other: inside a transaction they share its one connection.
    const files = await db
      .select({
        id: customers.id,
        name: customers.name,
        formerNames: customers.formerNames,
        initials: customers.initials,
        pinyin: customers.pinyin,
        phones: customers.phones,
        emails: customers.emails,
        website: customers.website,
      })
      .from(customers)
      .where(and(sql`${customers.id} = any(${these}::int[])`, isNull(customers.deletedAt)));
    const ppl = await db
      .select({
        customerId: people.customerId,
        name: people.name,
        mobile: people.mobile,
        directLine: people.directLine,
        email: people.email,
      })
      .from(people)
      .where(and(sql`${people.customerId} = any(${these}::int[])`, isNull(people.deletedAt)))
      .orderBy(asc(people.customerId), asc(people.id));
    const keys = await db
      .select({ customerId: customerKeys.customerId, kind: customerKeys.kind, value: customerKeys.value })
      .from(customerKeys)
      .where(sql`${customerKeys.customerId} = any(${these}::int[])`)
      .orderBy(asc(customerKeys.customerId), asc(customerKeys.id));
    const group = <T extends { customerId: number }>(rows: T[]) => {
      const m = new Map<number, T[]>();
      for (const r of rows) {
        const list = m.get(r.customerId);
        if (list) list.push(r);
        else m.set(r.customerId, [r]);
      }
      return m;
    };
    const peopleOf = group(ppl);
    const keysOf = group(keys);
    await db.delete(customerSearch).where(sql`${customerSearch.customerId} = any(${these}::int[])`);
    if (files.length)
      await db
        .insert(customerSearch)
        .values(
          files.map((c) => ({ customerId: c.id, ...pgSearchRow(c, peopleOf.get(c.id) ?? [], keysOf.get(c.id) ?? []) })),
        );
  }
}

/**
 * PostgreSQL's refusal by an integrity constraint (SQLSTATE class 23: unique, foreign key, not
 * null, check) as the store's ConstraintViolation. The statement has aborted the transaction
 * it ran in: the import's service turns this into the row's conflict and lets the whole
 * transaction roll back, never writing on after it.
 */
function refused(e: unknown): unknown {
  const pgError = (e as { cause?: unknown }).cause ?? e;
  const code = (pgError as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('23') ? new ConstraintViolation((pgError as Error).message) : e;
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

/**
 * The import's store on PostgreSQL. Unlike SQLite (one writer, so imports write in a worker
 * thread on a connection of their own), PostgreSQL takes concurrent writers: `workerTarget` is
 * null and the import runs in-process on this store, in one transaction (all rows or none).
 */
export function pgImports(db: PgExecutor): ImportStore {
  // SQLite writes one import at a time (one writer, the write gate). Two at once here would each
  // miss the other's uncommitted files: both create the company they share (one then failing on
  // its key), where one after the other the second merges into the first's. So an import's
  // transaction takes this lock before its first lookup or write of a row, until it ends.
  const oneAtATime = is(db, PgTransaction);
  let locked = false;
  const serial =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (oneAtATime && !locked) {
        await db.execute(oneImportAtATime);
        locked = true;
      }
      return work(...args);
    };
  return {
    async dropUploadsBefore(at) {
      await db.delete(importUploads).where(lt(importUploads.createdAt, at));
    },
    async addUpload(userId, filename, size, at) {
      const [row] = await db
        .insert(importUploads)
        .values({ userId, filename, size, received: 0, createdAt: at })
        .returning({ id: importUploads.id });
      return (row as { id: number }).id;
    },
    async upload(id, userId) {
      const [row] = await db
        .select({
          id: importUploads.id,
          userId: importUploads.userId,
          filename: importUploads.filename,
          size: importUploads.size,
          received: importUploads.received,
        })
        .from(importUploads)
        .where(and(eq(importUploads.id, id), eq(importUploads.userId, userId)));
      return row;
    },
    async addChunk(uploadId, offset, data) {
      const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      // Two sends of one chunk at once (a retry racing the original) both read the same
      // `received`; SQLite runs them one after the other. Here the move of `received` goes first
      // and only from `offset`: the second waits on the row and moves nothing, and then stores
      // nothing either, instead of failing on the chunk's key and aborting its transaction.
      const moved = await db
        .update(importUploads)
        .set({ received: offset + bytes.length })
        .where(and(eq(importUploads.id, uploadId), eq(importUploads.received, offset)))
        .returning({ id: importUploads.id });
      if (moved.length) await db.insert(importUploadChunks).values({ uploadId, offset, data: bytes });
    },
    async uploadBytes(uploadId) {
      const chunks = await db
        .select({ data: importUploadChunks.data })
        .from(importUploadChunks)
        .where(eq(importUploadChunks.uploadId, uploadId))
        .orderBy(asc(importUploadChunks.offset));
      return Buffer.concat(chunks.map((c) => c.data));
    },
    async dropUpload(uploadId) {
      await db.delete(importUploads).where(eq(importUploads.id, uploadId));
    },

    async add(entry) {
      const [row] = await db
        .insert(imports)
        .values({ ...entry, report: {} })
        .returning({ id: imports.id });
      return (row as { id: number }).id;
    },
    async setReport(id, report) {
      await db.update(imports).set({ report }).where(eq(imports.id, id));
    },
    async byId(id) {
      const [row] = await db
        .select({ userId: imports.userId, kind: imports.kind, report: imports.report })
        .from(imports)
        .where(eq(imports.id, id));
      return row;
    },
    async reportByKey(key) {
      const [row] = await db.select({ report: imports.report }).from(imports).where(eq(imports.idempotencyKey, key));
      return row?.report as Record<string, unknown> | undefined;
    },

    async workerTarget() {
      return null;
    },

    keyHolder: serial(async (key) => {
      const [row] = await db
        .select({ id: customerKeys.customerId })
        .from(customerKeys)
        .where(and(eq(customerKeys.kind, key.kind), eq(customerKeys.value, key.value)));
      return row?.id;
    }),
    visibleFile: serial(async (id, viewer) => {
      const row = db
        .select()
        .from(customers)
        .where(and(eq(customers.id, id), isNull(customers.deletedAt), visibleOne(viewer)));
      // The import fills the file's blanks and lists from this read at its end (updateFile): in
      // its transaction the row is held from here (as CustomerStore.lock), or an edit committed
      // meanwhile would be overwritten. SQLite's import holds the write gate throughout instead.
      return (await (oneAtATime ? row.for('no key update') : row))[0];
    }),
    sameName: serial(async (normalizedName, viewer) => {
      const [row] = await db
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(and(eq(customers.normalizedName, normalizedName), isNull(customers.deletedAt), visibleOne(viewer)))
        .orderBy(asc(customers.id))
        .limit(1);
      return row;
    }),
    peopleOf: serial(async (customerId) => {
      return db
        .select({
          id: people.id,
          name: people.name,
          title: people.title,
          mobile: people.mobile,
          directLine: people.directLine,
          email: people.email,
          birthday: people.birthday,
          homeAddress: people.homeAddress,
          greetingHook: people.greetingHook,
          preferences: people.preferences,
        })
        .from(people)
        .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
        .orderBy(asc(people.id));
    }),
    mobilesOf: serial(async (viewer) => {
      const rows = await db.execute<{ customerId: number; mobile: string }>(
        sql`select p.customer_id as "customerId", p.mobile as mobile from people p join customers c on c.id = p.customer_id
            where p.deleted_at is null and c.deleted_at is null and p.mobile is not null and p.mobile <> ''
              and ${visible(viewer, 'c')} order by p.customer_id, p.id`,
      );
      return rows.rows;
    }),
    interactionKeyUsed: serial(async (key) => {
      const [row] = await db
        .select({ id: interactions.id })
        .from(interactions)
        .where(eq(interactions.idempotencyKey, key));
      return row !== undefined;
    }),
    spokenBetween: serial(async (customerId, from, to) => {
      const [row] = await db
        .select({ id: interactions.id })
        .from(interactions)
        .where(
          and(
            eq(interactions.customerId, customerId),
            isNull(interactions.deletedAt),
            gte(interactions.at, from),
            lt(interactions.at, to),
            inArray(interactions.kind, [...CALL_KINDS]),
          ),
        )
        .limit(1);
      return row !== undefined;
    }),
    addFile: serial(
      checked(async (f) => {
        const [row] = await db
          .insert(customers)
          .values({ ...f, followUps: 0 })
          .returning({ id: customers.id });
        const id = (row as { id: number }).id;
        await db
          .insert(tierChanges)
          .values({ customerId: id, fromTier: null, toTier: f.tier, reason: 'imported', at: f.createdAt });
        return id;
      }),
    ),
    addKey: serial(
      checked(async (customerId, key, at) => {
        await db.insert(customerKeys).values({ customerId, kind: key.kind, value: key.value, createdAt: at });
      }),
    ),
    addPerson: serial(
      checked(async (customerId, p, at) => {
        const [row] = await db
          .insert(people)
          .values({
            customerId,
            name: p.name,
            title: p.title ?? null,
            mobile: p.mobile ?? null,
            directLine: p.directLine ?? null,
            email: p.email?.toLowerCase() ?? null,
            birthday: p.birthday ?? null,
            birthdayLunar: !!p.birthdayLunar,
            homeAddress: p.homeAddress ?? null,
            preferences: p.preferences ?? null,
            keyPerson: !!p.keyPerson,
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: people.id });
        return (row as { id: number }).id;
      }),
    ),
    fillPerson: serial(
      checked(async (personId, fill, at) => {
        await db
          .update(people)
          .set({ ...fill, updatedAt: at })
          .where(eq(people.id, personId));
      }),
    ),
    addInteraction: serial(
      checked(async (customerId, i) => {
        await db.insert(interactions).values({ customerId, ...i, meetsAppointment: false });
      }),
    ),
    updateFile: serial(
      checked(async (id, changes, at) => {
        await db
          .update(customers)
          .set({ ...changes, updatedAt: at })
          .where(eq(customers.id, id));
      }),
    ),
    async reindexFiles(ids) {
      await reindexMany(db, ids);
    },
  };
}
