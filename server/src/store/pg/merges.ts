import { and, asc, eq, inArray, is, max, notInArray, sql } from 'drizzle-orm';
import { type PgColumn, type PgTable, PgTransaction } from 'drizzle-orm/pg-core';
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
} from '../../db/schema.pg.ts';
import { notFound } from '../../lib/errors.ts';
import type { MergeStore, MovedRows } from '../merges.ts';
import { livePeopleOf } from './captures.ts';
import type { PgExecutor } from './executor.ts';

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/** `column = any(list)`: the list is one array parameter, whatever its length (PG binds at most 65,535). */
const anyOf = (column: PgColumn, list: number[]) => sql`${column} = any(${sql.param(list)}::int[])`;

/** Ids per statement when rows go back: a list of any length is one array parameter. */
const CHUNK = 5000;

export function pgMerges(db: PgExecutor): MergeStore {
  /** Moves a table's rows from one file to the other; the ids of those moved, in id order. */
  const move = async (table: PgTable, id: PgColumn, customerId: PgColumn, from: number, to: number) => {
    const rows = await db.execute<{ id: number }>(
      sql`update ${table} set customer_id = ${to} where ${customerId} = ${from} returning ${id} as id`,
    );
    return ids(rows.rows).sort((a, b) => a - b);
  };
  return {
    async byKey(key) {
      return (await db.select().from(merges).where(eq(merges.idempotencyKey, key)))[0];
    },
    async byId(id) {
      const row = db.select().from(merges).where(eq(merges.id, id));
      // An undo reads its merge first: in a transaction the row is locked, so a second undo of it
      // at once waits and then sees it undone (SQLite's transactions never overlap).
      return (await (is(db, PgTransaction) ? row.for('update') : row))[0];
    },
    async ownerOf(customerId) {
      return (await db.select({ owner: customers.owner }).from(customers).where(eq(customers.id, customerId)))[0];
    },
    async moveRows(survivorId, fromId): Promise<MovedRows> {
      // Materials are numbered max()+1 per file: the survivor's row is locked first, as every
      // writer of its materials must, or two transactions reading the same max would collide on
      // (customer_id, number). The removed file's row with it, both in id order, so that two
      // merges of the same pair in opposite directions wait for each other instead of deadlocking.
      const files = await db
        .select({ id: customers.id, deletedAt: customers.deletedAt })
        .from(customers)
        .where(inArray(customers.id, [survivorId, fromId]))
        .orderBy(asc(customers.id))
        .for('no key update');
      // A merge of the same files that committed while this one waited has removed one of them:
      // on SQLite this merge would only have started after it, and not found that file.
      if (files.length < 2 || files.some((f) => f.deletedAt !== null)) throw notFound('customer');
      const keys = await move(customerKeys, customerKeys.id, customerKeys.customerId, fromId, survivorId);
      const ppl = await move(people, people.id, people.customerId, fromId, survivorId);
      const ints = await move(interactions, interactions.id, interactions.customerId, fromId, survivorId);
      const proms = await move(commitments, commitments.id, commitments.customerId, fromId, survivorId);
      const pcs = await move(parcels, parcels.id, parcels.customerId, fromId, survivorId);
      const caps = await move(captures, captures.id, captures.customerId, fromId, survivorId);
      const [top] = await db
        .select({ n: max(materials.number) })
        .from(materials)
        .where(eq(materials.customerId, survivorId));
      const first = (top?.n ?? 0) + 1;
      const mats = await db
        .select({ id: materials.id, number: materials.number })
        .from(materials)
        .where(eq(materials.customerId, fromId))
        .orderBy(asc(materials.number));
      for (const [i, m] of mats.entries()) {
        await db
          .update(materials)
          .set({ customerId: survivorId, number: first + i })
          .where(eq(materials.id, m.id));
      }
      // A share or a month's remark the survivor already has stays with the removed file.
      const haveUsers = (
        await db
          .select({ u: customerShares.userId })
          .from(customerShares)
          .where(eq(customerShares.customerId, survivorId))
      ).map((r) => r.u);
      const shareUsers = (
        await db
          .update(customerShares)
          .set({ customerId: survivorId })
          .where(and(eq(customerShares.customerId, fromId), notInArray(customerShares.userId, haveUsers)))
          .returning({ u: customerShares.userId })
      ).map((r) => r.u);
      const haveMonths = (
        await db.select({ m: sheetRemarks.month }).from(sheetRemarks).where(eq(sheetRemarks.customerId, survivorId))
      ).map((r) => r.m);
      const remarkMonths = (
        await db
          .update(sheetRemarks)
          .set({ customerId: survivorId })
          .where(and(eq(sheetRemarks.customerId, fromId), notInArray(sheetRemarks.month, haveMonths)))
          .returning({ m: sheetRemarks.month })
      ).map((r) => r.m);
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
      // Only rows still on the survivor go back; one deleted since the merge simply isn't there.
      const back = async (table: PgTable, id: PgColumn, customerId: PgColumn, list: number[]) => {
        for (let i = 0; i < list.length; i += CHUNK) {
          await db.execute(
            sql`update ${table} set customer_id = ${fromId} where ${anyOf(id, list.slice(i, i + CHUNK))} and ${customerId} = ${survivorId}`,
          );
        }
      };
      await back(customerKeys, customerKeys.id, customerKeys.customerId, moved.keys);
      await back(people, people.id, people.customerId, moved.people);
      await back(interactions, interactions.id, interactions.customerId, moved.interactions);
      // A conversation logged since with a person who goes back goes with them (it was with that company).
      await back(interactions, interactions.personId, interactions.customerId, moved.people);
      await back(commitments, commitments.id, commitments.customerId, moved.commitments);
      await back(parcels, parcels.id, parcels.customerId, moved.parcels);
      await back(captures, captures.id, captures.customerId, moved.captures);
      for (const mat of moved.materials) {
        await db.update(materials).set({ customerId: fromId, number: mat.number }).where(eq(materials.id, mat.id));
      }
      if (moved.shareUsers.length) {
        await db
          .update(customerShares)
          .set({ customerId: fromId })
          .where(and(eq(customerShares.customerId, survivorId), inArray(customerShares.userId, moved.shareUsers)));
      }
      if (moved.remarkMonths.length) {
        await db
          .update(sheetRemarks)
          .set({ customerId: fromId })
          .where(and(eq(sheetRemarks.customerId, survivorId), inArray(sheetRemarks.month, moved.remarkMonths)));
      }
    },
    peopleOf(customerId) {
      return livePeopleOf(db, customerId);
    },
    async person(id) {
      return (await db.select().from(people).where(eq(people.id, id)))[0];
    },
    async updatePerson(id, fields) {
      await db.update(people).set(fields).where(eq(people.id, id));
    },
    async removePerson(id, at) {
      await db.update(people).set({ deletedAt: at }).where(eq(people.id, id));
    },
    async restorePerson(id) {
      await db.update(people).set({ deletedAt: null }).where(eq(people.id, id));
    },
    async repointHistory(fromPersonId, toPersonId) {
      const rows = await db
        .update(interactions)
        .set({ personId: toPersonId })
        .where(eq(interactions.personId, fromPersonId))
        .returning({ id: interactions.id });
      return ids(rows).sort((a, b) => a - b);
    },
    async pointBack(interactionIds, fromPersonId, personId) {
      if (!interactionIds.length) return;
      await db
        .update(interactions)
        .set({ personId })
        .where(and(anyOf(interactions.id, interactionIds), eq(interactions.personId, fromPersonId)));
    },
    async updateFile(customerId, fields) {
      await db.update(customers).set(fields).where(eq(customers.id, customerId));
    },
    async removeFile(customerId, at) {
      await db.update(customers).set({ deletedAt: at }).where(eq(customers.id, customerId));
    },
    async insert(row) {
      const [written] = await db.insert(merges).values(row).returning();
      if (!written) throw new Error('the merge was not recorded');
      return written;
    },
    async markUndone(id, at) {
      await db.update(merges).set({ undoneAt: at }).where(eq(merges.id, id));
    },
  };
}
