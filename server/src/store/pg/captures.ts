import type { Capture } from '@dossier/shared';
import { and, asc, count, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import { parcelAtLocation } from '../../db/conditions.ts';
import { captures, customerKeys, customers, interactions, parcels, people } from '../../db/schema.pg.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { CaptureStore } from '../captures.ts';
import type { PersonRecord } from '../records.ts';
import type { PgExecutor } from './executor.ts';
import { visible } from './visibility.ts';

/** A file's live people, oldest first (captures and merges both go through a file's people). */
export function livePeopleOf(db: PgExecutor, customerId: number): Promise<PersonRecord[]> {
  return db
    .select()
    .from(people)
    .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
    .orderBy(asc(people.id));
}

/**
 * Parcels the viewer may see: those on a file they may see, and their own watch list (parcels
 * nobody has won yet are kept by whoever captured them). Managers see all.
 */
function visibleParcel(viewer: Viewer): SQL {
  if (viewer.role === 'manager') return sql`true`;
  return sql`((${parcels.customerId} is null and ${parcels.owner} = ${viewer.name})
    or ${parcels.customerId} in (select id from customers where ${visible(viewer)}))`;
}

/**
 * A land capture looks for its winner's file and its parcels, then creates those it did not
 * find. SQLite runs one such transaction at a time; here two captures of the same result page
 * at once would each find nothing and each create the winner and the parcel. Each lookup
 * first takes this transaction-scoped lock (released at commit, so it works behind PgBouncer),
 * one key for all of them so that no two captures can wait on each other's.
 */
const landLookups = sql`select pg_advisory_xact_lock(hashtextextended('dossier: land capture lookups', 0))`;

export function pgCaptures(db: PgExecutor): CaptureStore {
  // SQLite answers the first row in rowid order when several parcels match; id order here says the same.
  const parcelWhere = async (where: SQL | undefined) =>
    (await db.select().from(parcels).where(where).orderBy(asc(parcels.id)).limit(1))[0];
  return {
    async byKey(key) {
      return (await db.select().from(captures).where(eq(captures.idempotencyKey, key)))[0];
    },
    async latest(url, viewer) {
      const [row] = await db
        .select({ capturedAt: captures.capturedAt, payload: captures.payload })
        .from(captures)
        .leftJoin(customers, eq(customers.id, captures.customerId))
        .where(
          and(
            eq(captures.url, url),
            or(
              and(isNull(captures.customerId), viewer.role === 'manager' ? undefined : eq(captures.userId, viewer.id)),
              visible(viewer),
            ),
          ),
        )
        .orderBy(desc(captures.id))
        .limit(1);
      return row ? { capturedAt: row.capturedAt, capture: row.payload as Capture } : undefined;
    },
    async numbersOf(customerId) {
      const [file] = await db
        .select({ phones: customers.phones, fax: customers.fax })
        .from(customers)
        .where(eq(customers.id, customerId));
      const known = await db
        .select({ mobile: people.mobile, directLine: people.directLine })
        .from(people)
        .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
        .orderBy(asc(people.id));
      const out = [...(file?.phones ?? []), ...(file?.fax ?? [])];
      for (const p of known) {
        if (p.mobile) out.push(p.mobile);
        if (p.directLine) out.push(p.directLine);
      }
      return out;
    },
    peopleOf(customerId) {
      return livePeopleOf(db, customerId);
    },
    async updateFile(customerId, fields, at) {
      await db
        .update(customers)
        .set({ ...fields, updatedAt: at })
        .where(eq(customers.id, customerId));
    },
    async fillPerson(personId, fill, at) {
      await db
        .update(people)
        .set({ ...fill, updatedAt: at })
        .where(eq(people.id, personId));
    },
    async keyCount(customerId) {
      const [row] = await db.select({ n: count() }).from(customerKeys).where(eq(customerKeys.customerId, customerId));
      return row?.n ?? 0;
    },
    async filesNamed(normalisedName, viewer) {
      await db.execute(landLookups);
      return db
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(and(eq(customers.normalizedName, normalisedName), isNull(customers.deletedAt), visible(viewer)))
        .orderBy(asc(customers.id))
        .limit(50);
    },
    async findParcel(parcelNo, location, viewer, besides) {
      await db.execute(landLookups);
      if (parcelNo !== null) {
        const byNo = await parcelWhere(and(eq(parcels.parcelNo, parcelNo), visibleParcel(viewer)));
        if (byNo) return byNo;
      }
      return location !== null
        ? parcelWhere(and(parcelAtLocation(parcels, location, parcelNo, besides), visibleParcel(viewer)))
        : undefined;
    },
    async updateParcel(id, fields) {
      await db.update(parcels).set(fields).where(eq(parcels.id, id));
    },
    async insertParcel(fields, owner, createdAt) {
      const [row] = await db
        .insert(parcels)
        .values({ ...fields, owner, createdAt })
        .returning({ id: parcels.id });
      return (row as { id: number }).id;
    },
    async noteWin(note) {
      // The note's idempotency key is unique: a win noted before is a replay, left as it is.
      await db
        .insert(interactions)
        .values({ ...note, kind: 'note', createdAt: note.at })
        .onConflictDoNothing();
    },
    async insert(row) {
      const [written] = await db.insert(captures).values(row).returning({ id: captures.id });
      return (written as { id: number }).id;
    },
  };
}
