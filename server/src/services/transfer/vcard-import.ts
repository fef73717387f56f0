import type { Person } from '@dossier/shared';
import type { ImportPerson, PersonFill } from '../../store/imports.ts';
import type { Store } from '../../store/store.ts';
import { settle, valuesNow } from '../contact-points.ts';
import { replayable } from '../replay.ts';
import { additionsOf, fullerName, peopleOfFile } from '../same-person.ts';
import type { Viewer } from '../visibility.ts';
import { priorImport, recordImport, sha256 } from './imports.ts';
import { Phones } from './match-index.ts';
import { parseCardsOffLoop } from './parse-pool.ts';
import { cardNotes } from './vcard.ts';

export interface CardReport {
  index: number;
  name: string | null;
  outcome: 'created' | 'merged' | 'skipped' | 'invalid';
  personId?: number;
  errors?: string[];
}

/**
 * People from a vCard file into one customer, deduplicated by e-mail or mobile against the
 * customer's people and the earlier cards: a known person gets their blanks filled
 * and what differs in their notes (same-person.ts additionsOf).
 * The file is read in the parse worker; all cards or none are written, in one transaction.
 */
export async function importVcard(
  store: Store,
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
  const prior = await priorImport(store, viewer, replay ?? null);
  if (prior) return { report: prior, replayed: true };
  const chosen = await store.customers.live(customerId, viewer); // a file the viewer can't see is a 404 before anything is read
  const { cards, phoneForms } = await parseCardsOffLoop(file.bytes);
  const phones = new Phones();
  phones.seed(phoneForms);
  const at = now.toISOString();
  const report = await store.transaction(async (tx) => {
    // Held before its people are read: their blanks are filled from this read (CustomerStore.lock).
    await tx.customers.lock([customerId]);
    await tx.customers.live(customerId, viewer);
    const before = await valuesNow(tx, customerId);
    // The one same-person rule (services/same-person.ts), each number parsed once.
    const known = peopleOfFile<ImportPerson | Person>(await tx.imports.peopleOf(customerId), phones);
    const rows: CardReport[] = [];
    const counts = { total: cards.length, created: 0, merged: 0, skipped: 0, invalid: 0, unplaced: 0 };
    for (const card of cards) {
      if (!card.person) {
        counts.invalid++;
        rows.push({ index: card.index, name: null, outcome: 'invalid', errors: card.errors });
        continue;
      }
      const more = cardNotes(card, chosen.name);
      const notes = [card.person.preferences, ...more].filter(Boolean).join('\n');
      const p = notes ? { ...card.person, preferences: notes } : card.person;
      const dup = known.find(p);
      if (!dup) {
        const person = await tx.people.insert(customerId, p, at);
        known.add(person);
        counts.created++;
        rows.push({ index: card.index, name: p.name, outcome: 'created', personId: person.id });
        continue;
      }
      const fill: PersonFill = additionsOf(dup, p);
      const name = fullerName(dup.name, p.name);
      if (name) fill.name = name;
      if (Object.keys(fill).length) {
        await tx.imports.fillPerson(dup.id, fill, at);
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
    await settle(tx, customerId, before, { source: 'import', detail: file.filename }, at);
    await tx.search.reindex(customerId);
    const result = { customerId, filename: file.filename, createdAt: at, ...counts, cards: rows };
    const importId = await recordImport(tx, viewer, 'vcard', file.filename, file.bytes, replay, at, result);
    return { importId, ...result };
  });
  return { report, replayed: false };
}
