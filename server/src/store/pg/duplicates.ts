import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm';
import { customerKeys, customerSearch, customers, people } from '../../db/schema.pg.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { DuplicateCandidate, DuplicateStore, PhoneHolder } from '../duplicates.ts';
import type { PgExecutor } from './executor.ts';
import { visible, visibleOne } from './visibility.ts';

const livePeople = (db: PgExecutor, where: ReturnType<typeof and>) =>
  db
    .select({ customerId: people.customerId, mobile: people.mobile, directLine: people.directLine })
    .from(people)
    .innerJoin(customers, eq(customers.id, people.customerId))
    .where(and(isNull(people.deletedAt), where))
    .orderBy(asc(people.id));

export function pgDuplicates(db: PgExecutor): DuplicateStore {
  return {
    async phoneHolders(digits, viewer: Viewer): Promise<PhoneHolder[]> {
      const needle = digits.replace(/\D+/g, '');
      if (needle.length < 3) return [];
      // Digits only, so no LIKE wildcard to escape; the trigram index answers a substring of three or more.
      const hits = await db
        .select({ id: customers.id, name: customers.name })
        .from(customerSearch)
        .innerJoin(customers, eq(customers.id, customerSearch.customerId))
        .where(and(like(customerSearch.phones, `%${needle}%`), isNull(customers.deletedAt), visibleOne(viewer)))
        .orderBy(asc(customers.id))
        .limit(50);
      if (!hits.length) return [];
      const ids = hits.map((h) => h.id);
      const own = await db
        .select({ id: customers.id, phones: customers.phones })
        .from(customers)
        .where(inArray(customers.id, ids));
      const phones = new Map(own.map((r) => [r.id, [...r.phones]]));
      for (const p of await livePeople(db, inArray(people.customerId, ids))) {
        const list = phones.get(p.customerId) ?? [];
        for (const n of [p.mobile, p.directLine]) if (n) list.push(n);
        phones.set(p.customerId, list);
      }
      return hits.map((h) => ({ ...h, phones: phones.get(h.id) ?? [] }));
    },
    async candidates(viewer: Viewer): Promise<DuplicateCandidate[]> {
      const seen = and(isNull(customers.deletedAt), visible(viewer));
      // One after the other: a transaction's one connection takes one query at a time.
      const rows = await db
        .select({
          id: customers.id,
          name: customers.name,
          tier: customers.tier,
          status: customers.status,
          owner: customers.owner,
          createdAt: customers.createdAt,
          normalizedName: customers.normalizedName,
          formerNames: customers.formerNames,
          website: customers.website,
          emails: customers.emails,
          phones: customers.phones,
        })
        .from(customers)
        .where(seen)
        .orderBy(asc(customers.id));
      const ppl = await livePeople(db, seen);
      const keys = await db
        .select({ customerId: customerKeys.customerId, kind: customerKeys.kind, value: customerKeys.value })
        .from(customerKeys)
        .innerJoin(customers, eq(customers.id, customerKeys.customerId))
        .where(seen)
        .orderBy(asc(customerKeys.id));
      const peopleOf = new Map<number, { count: number; phones: string[] }>();
      for (const p of ppl) {
        const own = peopleOf.get(p.customerId) ?? { count: 0, phones: [] };
        own.count++;
        for (const n of [p.mobile, p.directLine]) if (n) own.phones.push(n);
        peopleOf.set(p.customerId, own);
      }
      const keysOf = new Map<number, { kind: string; value: string }[]>();
      for (const k of keys) {
        const own = keysOf.get(k.customerId) ?? [];
        own.push({ kind: k.kind, value: k.value });
        keysOf.set(k.customerId, own);
      }
      return rows.map((r) => ({
        ...r,
        phones: [...r.phones, ...(peopleOf.get(r.id)?.phones ?? [])],
        keys: keysOf.get(r.id) ?? [],
        people: peopleOf.get(r.id)?.count ?? 0,
      }));
    },
  };
}
