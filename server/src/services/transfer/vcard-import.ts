import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { people } from '../../db/schema.ts';
import { liveCustomer } from '../customers.ts';
import { replayable } from '../replay.ts';
import { blanksOf, fullerName, peopleOfFile } from '../same-person.ts';
import { reindexCustomer } from '../search-index.ts';
import type { Viewer } from '../visibility.ts';
import { priorImport, recordImport, sha256 } from './imports.ts';
import { Phones } from './match-index.ts';
import { parseCardsOffLoop } from './parse-pool.ts';

export interface CardReport {
  index: number;
  name: string | null;
  outcome: 'created' | 'merged' | 'skipped' | 'invalid';
  personId?: number;
  errors?: string[];
}

/**
 * People from a vCard file into one customer, deduplicated by e-mail or mobile against the
 * customer's people and the earlier cards: a known person only gets their blanks filled.
 * The file is read in the parse worker; all cards or none are written, in one transaction.
 */
export async function importVcard(
  db: Db,
  viewer: Viewer,
  now: Date,
  customerId: number,
  file: { bytes: Buffer; filename: string },
  idempotencyKey?: string,
) {
  // The same cards for the same file: the content counts, not how it was sent.
  const replay = idempotencyKey
    ? replayable(idempotencyKey, 'vcard', { customerId, filename: file.filename, sha256: sha256(file.bytes) })
    : undefined;
  const prior = priorImport(db, viewer, replay ?? null);
  if (prior) return { report: prior, replayed: true };
  liveCustomer(db, customerId, viewer); // a file the viewer can't see is a 404 before anything is read
  const { cards, phoneForms } = await parseCardsOffLoop(file.bytes);
  const phones = new Phones();
  phones.seed(phoneForms);
  const at = now.toISOString();
  const report = db.transaction((tx) => {
    liveCustomer(tx, customerId, viewer);
    // The one same-person rule (services/same-person.ts), each number parsed once.
    const known = peopleOfFile(
      tx
        .select()
        .from(people)
        .where(and(eq(people.customerId, customerId), isNull(people.deletedAt)))
        .all(),
      phones,
    );
    const rows: CardReport[] = [];
    const counts = { total: cards.length, created: 0, merged: 0, skipped: 0, invalid: 0 };
    for (const card of cards) {
      const p = card.person;
      if (!p) {
        counts.invalid++;
        rows.push({ index: card.index, name: null, outcome: 'invalid', errors: card.errors });
        continue;
      }
      const dup = known.find(p);
      if (!dup) {
        const row = tx
          .insert(people)
          .values({ ...p, keyPerson: p.keyPerson ?? false, customerId, createdAt: at, updatedAt: at })
          .returning()
          .get();
        known.add(row);
        counts.created++;
        rows.push({ index: card.index, name: p.name, outcome: 'created', personId: row.id });
        continue;
      }
      const fill: Record<string, string> = blanksOf(dup, p);
      const name = fullerName(dup.name, p.name);
      if (name) fill.name = name;
      if (Object.keys(fill).length) {
        tx.update(people)
          .set({ ...fill, updatedAt: at })
          .where(eq(people.id, dup.id))
          .run();
        Object.assign(dup, fill);
        known.filled(dup);
        counts.merged++;
      } else counts.skipped++;
      rows.push({
        index: card.index,
        name: p.name,
        outcome: Object.keys(fill).length ? 'merged' : 'skipped',
        personId: dup.id,
      });
    }
    reindexCustomer(tx, customerId);
    const result = { customerId, filename: file.filename, createdAt: at, ...counts, cards: rows };
    const importId = recordImport(tx, viewer, 'vcard', file.filename, file.bytes, replay, at, result);
    return { importId, ...result };
  });
  return { report, replayed: false };
}
