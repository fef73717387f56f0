import type { Capture } from '@dossier/shared';
import { and, asc, count, desc, eq, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { parcelAtLocation } from '../../db/conditions.ts';
import { captures, customerKeys, customers, interactions, parcels, people } from '../../db/schema.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { CaptureStore } from '../captures.ts';
import type { PersonRecord } from '../records.ts';
import { visible } from './visibility.ts';

/** A file's live people, oldest first (captures and merges both go through a file's people). */
export function livePeopleOf(db: Db, customerId: number): PersonRecord[] {
  return db
    .select()
    .from(people)
    .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
    .orderBy(asc(people.id))
    .all();
}

/**
 * Parcels the viewer may see: those on a file they may see, and their own watch list (parcels
 * nobody has won yet are kept by whoever captured them). Managers see all.
 */
function visibleParcel(viewer: Viewer): SQL {
  if (viewer.role === 'manager') return sql`1 = 1`;
  return sql`((${parcels.customerId} is null and ${parcels.owner} = ${viewer.name})
    or ${parcels.customerId} in (select id from customers where ${visible(viewer)}))`;
}

export function sqliteCaptures(db: Db): CaptureStore {
  const parcelWhere = (where: SQL | undefined) => db.select().from(parcels).where(where).get();
  return {
    async byKey(key) {
      return db.select().from(captures).where(eq(captures.idempotencyKey, key)).get();
    },
    async latest(url, viewer) {
      const row = db
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
        .get();
      return row ? { capturedAt: row.capturedAt, capture: row.payload as Capture } : undefined;
    },
    async numbersOf(customerId) {
      const file = db
        .select({ phones: customers.phones, fax: customers.fax })
        .from(customers)
        .where(eq(customers.id, customerId))
        .get();
      const known = db
        .select({ mobile: people.mobile, directLine: people.directLine })
        .from(people)
        .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
        .all();
      const out = [...(file?.phones ?? []), ...(file?.fax ?? [])];
      for (const p of known) {
        if (p.mobile) out.push(p.mobile);
        if (p.directLine) out.push(p.directLine);
      }
      return out;
    },
    async peopleOf(customerId) {
      return livePeopleOf(db, customerId);
    },
    async updateFile(customerId, fields, at) {
      db.update(customers)
        .set({ ...fields, updatedAt: at })
        .where(eq(customers.id, customerId))
        .run();
    },
    async fillPerson(personId, fill, at) {
      db.update(people)
        .set({ ...fill, updatedAt: at })
        .where(eq(people.id, personId))
        .run();
    },
    async keyCount(customerId) {
      return db.select({ n: count() }).from(customerKeys).where(eq(customerKeys.customerId, customerId)).get()?.n ?? 0;
    },
    async filesNamed(normalisedName, viewer) {
      return db
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(and(eq(customers.normalizedName, normalisedName), isNull(customers.deletedAt), visible(viewer)))
        .orderBy(asc(customers.id))
        .limit(50)
        .all();
    },
    async findParcel(parcelNo, location, viewer, besides) {
      if (parcelNo !== null) {
        const byNo = parcelWhere(and(eq(parcels.parcelNo, parcelNo), visibleParcel(viewer)));
        if (byNo) return byNo;
      }
      return location !== null
        ? parcelWhere(and(parcelAtLocation(parcels, location, parcelNo, besides), visibleParcel(viewer)))
        : undefined;
    },
    async updateParcel(id, fields) {
      db.update(parcels).set(fields).where(eq(parcels.id, id)).run();
    },
    async insertParcel(fields, owner, createdAt) {
      return db
        .insert(parcels)
        .values({ ...fields, owner, createdAt })
        .returning({ id: parcels.id })
        .get().id;
    },
    async noteWin(note) {
      db.insert(interactions)
        .values({ ...note, kind: 'note', createdAt: note.at })
        .onConflictDoNothing()
        .run();
    },
    async insert(row) {
      return db.insert(captures).values(row).returning({ id: captures.id }).get().id;
    },
  };
}
