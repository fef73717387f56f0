import { and, asc, eq, inArray, max, notInArray, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../db/client.ts';
import {
  captures,
  commitments,
  customerKeys,
  customerShares,
  customers,
  interactions,
  materials,
  merges,
  parcels,
  people,
  sheetRemarks,
} from '../../db/schema.ts';
import type { MergeStore, MovedRows } from '../merges.ts';
import { livePeopleOf } from './captures.ts';

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/** Ids bound per statement when rows go back (well under SQLite's limit on variables). */
const CHUNK = 500;

export function sqliteMerges(db: Db): MergeStore {
  return {
    async byKey(key) {
      return db.select().from(merges).where(eq(merges.idempotencyKey, key)).get();
    },
    async byId(id) {
      return db.select().from(merges).where(eq(merges.id, id)).get();
    },
    async ownerOf(customerId) {
      return db.select({ owner: customers.owner }).from(customers).where(eq(customers.id, customerId)).get();
    },
    async moveRows(survivorId, fromId): Promise<MovedRows> {
      const to = { customerId: survivorId };
      const keys = ids(
        db
          .update(customerKeys)
          .set(to)
          .where(eq(customerKeys.customerId, fromId))
          .returning({ id: customerKeys.id })
          .all(),
      );
      const ppl = ids(
        db.update(people).set(to).where(eq(people.customerId, fromId)).returning({ id: people.id }).all(),
      );
      const ints = ids(
        db
          .update(interactions)
          .set(to)
          .where(eq(interactions.customerId, fromId))
          .returning({ id: interactions.id })
          .all(),
      );
      const proms = ids(
        db
          .update(commitments)
          .set(to)
          .where(eq(commitments.customerId, fromId))
          .returning({ id: commitments.id })
          .all(),
      );
      const pcs = ids(
        db.update(parcels).set(to).where(eq(parcels.customerId, fromId)).returning({ id: parcels.id }).all(),
      );
      const caps = ids(
        db.update(captures).set(to).where(eq(captures.customerId, fromId)).returning({ id: captures.id }).all(),
      );
      const top =
        db
          .select({ n: max(materials.number) })
          .from(materials)
          .where(eq(materials.customerId, survivorId))
          .get()?.n ?? 0;
      const mats = db
        .select({ id: materials.id, number: materials.number })
        .from(materials)
        .where(eq(materials.customerId, fromId))
        .orderBy(asc(materials.number))
        .all();
      mats.forEach((m, i) => {
        db.update(materials)
          .set({ customerId: survivorId, number: top + i + 1 })
          .where(eq(materials.id, m.id))
          .run();
      });
      // A share or a month's remark the survivor already has stays with the removed file.
      const haveUsers = db
        .select({ u: customerShares.userId })
        .from(customerShares)
        .where(eq(customerShares.customerId, survivorId))
        .all()
        .map((r) => r.u);
      const shareUsers = db
        .update(customerShares)
        .set(to)
        .where(and(eq(customerShares.customerId, fromId), notInArray(customerShares.userId, haveUsers)))
        .returning({ u: customerShares.userId })
        .all()
        .map((r) => r.u);
      const haveMonths = db
        .select({ m: sheetRemarks.month })
        .from(sheetRemarks)
        .where(eq(sheetRemarks.customerId, survivorId))
        .all()
        .map((r) => r.m);
      const remarkMonths = db
        .update(sheetRemarks)
        .set(to)
        .where(and(eq(sheetRemarks.customerId, fromId), notInArray(sheetRemarks.month, haveMonths)))
        .returning({ m: sheetRemarks.month })
        .all()
        .map((r) => r.m);
      return {
        keys,
        people: ppl,
        interactions: ints,
        commitments: proms,
        parcels: pcs,
        captures: caps,
        materials: mats,
        shareUsers,
        remarkMonths,
      };
    },
    async moveBack(survivorId, fromId, moved) {
      const back = { customerId: fromId };
      // Only rows still on the survivor go back; one deleted since the merge simply isn't there.
      const moveBack = (table: SQLiteTable, id: SQLiteColumn, customerId: SQLiteColumn, list: number[]) => {
        for (let i = 0; i < list.length; i += CHUNK) {
          db.run(sql`update ${table} set customer_id = ${fromId}
            where ${inArray(id, list.slice(i, i + CHUNK))} and ${eq(customerId, survivorId)}`);
        }
      };
      moveBack(customerKeys, customerKeys.id, customerKeys.customerId, moved.keys);
      moveBack(people, people.id, people.customerId, moved.people);
      moveBack(interactions, interactions.id, interactions.customerId, moved.interactions);
      // A conversation logged since with a person who goes back goes with them (it was with that company).
      moveBack(interactions, interactions.personId, interactions.customerId, moved.people);
      moveBack(commitments, commitments.id, commitments.customerId, moved.commitments);
      moveBack(parcels, parcels.id, parcels.customerId, moved.parcels);
      moveBack(captures, captures.id, captures.customerId, moved.captures);
      for (const mat of moved.materials) {
        db.update(materials).set({ customerId: fromId, number: mat.number }).where(eq(materials.id, mat.id)).run();
      }
      if (moved.shareUsers.length) {
        db.update(customerShares)
          .set(back)
          .where(and(eq(customerShares.customerId, survivorId), inArray(customerShares.userId, moved.shareUsers)))
          .run();
      }
      if (moved.remarkMonths.length) {
        db.update(sheetRemarks)
          .set(back)
          .where(and(eq(sheetRemarks.customerId, survivorId), inArray(sheetRemarks.month, moved.remarkMonths)))
          .run();
      }
    },
    async peopleOf(customerId) {
      return livePeopleOf(db, customerId);
    },
    async person(id) {
      return db.select().from(people).where(eq(people.id, id)).get();
    },
    async updatePerson(id, fields) {
      db.update(people).set(fields).where(eq(people.id, id)).run();
    },
    async removePerson(id, at) {
      db.update(people).set({ deletedAt: at }).where(eq(people.id, id)).run();
    },
    async restorePerson(id) {
      db.update(people).set({ deletedAt: null }).where(eq(people.id, id)).run();
    },
    async repointHistory(fromPersonId, toPersonId) {
      return ids(
        db
          .update(interactions)
          .set({ personId: toPersonId })
          .where(eq(interactions.personId, fromPersonId))
          .returning({ id: interactions.id })
          .all(),
      );
    },
    async pointBack(interactionIds, fromPersonId, personId) {
      if (!interactionIds.length) return;
      db.update(interactions)
        .set({ personId })
        .where(and(inArray(interactions.id, interactionIds), eq(interactions.personId, fromPersonId)))
        .run();
    },
    async updateFile(customerId, fields) {
      db.update(customers).set(fields).where(eq(customers.id, customerId)).run();
    },
    async removeFile(customerId, at) {
      db.update(customers).set({ deletedAt: at }).where(eq(customers.id, customerId)).run();
    },
    async insert(row) {
      return db.insert(merges).values(row).returning().get();
    },
    async markUndone(id, at) {
      db.update(merges).set({ undoneAt: at }).where(eq(merges.id, id)).run();
    },
  };
}
