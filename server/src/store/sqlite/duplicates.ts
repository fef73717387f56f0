import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { DuplicateCandidate, DuplicateStore, PhoneHolder } from '../duplicates.ts';
import { visible } from './visibility.ts';

/** A user's digits as one FTS5 phrase in the phones column (trigram: any substring of three or more). */
const phonesPhrase = (digits: string) => `phones : "${digits.replace(/\D+/g, '')}"`;

type Row = Omit<DuplicateCandidate, 'formerNames' | 'emails' | 'phones' | 'keys' | 'people'> & {
  formerNames: string;
  emails: string;
  phones: string;
};

/** The numbers of the files `ids`, their own and their live people's, by file. */
function phonesOf(db: Db, ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (!ids.length) return out;
  const list = sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
  for (const r of db.all<{ id: number; phones: string }>(sql`select id, phones from customers where id in (${list})`)) {
    out.set(r.id, JSON.parse(r.phones) as string[]);
  }
  const people = db.all<{ customer_id: number; mobile: string | null; direct_line: string | null }>(
    sql`select customer_id, mobile, direct_line from people where deleted_at is null and customer_id in (${list})`,
  );
  for (const p of people) {
    const own = out.get(p.customer_id) ?? [];
    for (const n of [p.mobile, p.direct_line]) if (n) own.push(n);
    out.set(p.customer_id, own);
  }
  return out;
}

export function sqliteDuplicates(db: Db): DuplicateStore {
  return {
    async phoneHolders(digits, viewer: Viewer): Promise<PhoneHolder[]> {
      if (digits.replace(/\D+/g, '').length < 3) return [];
      const hits = db.all<{ id: number; name: string }>(sql`
        select c.id, c.name from customer_search s join customers c on c.id = s.rowid
        where customer_search match ${phonesPhrase(digits)} and c.deleted_at is null and ${visible(viewer, 'c')}
        order by c.id limit 50`);
      const phones = phonesOf(
        db,
        hits.map((h) => h.id),
      );
      return hits.map((h) => ({ ...h, phones: phones.get(h.id) ?? [] }));
    },
    async candidates(viewer: Viewer): Promise<DuplicateCandidate[]> {
      const rows = db.all<Row>(sql`
        select id, name, tier, status, owner, created_at as createdAt, normalized_name as normalizedName,
          former_names as formerNames, website, emails, phones
        from customers where deleted_at is null and ${visible(viewer)} order by id`);
      const people = new Map<number, { count: number; phones: string[] }>();
      for (const p of db.all<{ customer_id: number; mobile: string | null; direct_line: string | null }>(sql`
        select p.customer_id, p.mobile, p.direct_line from people p join customers c on c.id = p.customer_id
        where p.deleted_at is null and c.deleted_at is null and ${visible(viewer, 'c')}`)) {
        const own = people.get(p.customer_id) ?? { count: 0, phones: [] };
        own.count++;
        for (const n of [p.mobile, p.direct_line]) if (n) own.phones.push(n);
        people.set(p.customer_id, own);
      }
      const keys = new Map<number, { kind: string; value: string }[]>();
      for (const k of db.all<{ customer_id: number; kind: string; value: string }>(sql`
        select k.customer_id, k.kind, k.value from customer_keys k join customers c on c.id = k.customer_id
        where c.deleted_at is null and ${visible(viewer, 'c')}`)) {
        const own = keys.get(k.customer_id) ?? [];
        own.push({ kind: k.kind, value: k.value });
        keys.set(k.customer_id, own);
      }
      return rows.map((r) => ({
        ...r,
        formerNames: JSON.parse(r.formerNames) as string[],
        emails: JSON.parse(r.emails) as string[],
        phones: [...(JSON.parse(r.phones) as string[]), ...(people.get(r.id)?.phones ?? [])],
        keys: keys.get(r.id) ?? [],
        people: people.get(r.id)?.count ?? 0,
      }));
    },
  };
}
