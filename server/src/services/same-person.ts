import { PERSON_TEXT_FIELDS } from '@dossier/shared';
import { PeopleIndex, type PersonLike, Phones } from './transfer/match-index.ts';

/**
 * One rule for "this is someone the file already has", wherever people arrive — a captured
 * page, an imported sheet, a vCard, a merge of two files: the same e-mail, or the same mobile
 * however written, or, when one of the two has no e-mail, the same name. Two people of one
 * name with different e-mails are two people. Found in constant time per person (PeopleIndex).
 */
export function peopleOfFile<P extends PersonLike>(people: Iterable<P>, phones: Phones = new Phones()): PeopleIndex<P> {
  return new PeopleIndex<P>(phones, people);
}

/** What another sighting of a known person may add to them; the name is lengthened apart (fullerName). */
export const FILLABLE_PERSON_FIELDS = PERSON_TEXT_FIELDS.filter(
  (f): f is Exclude<(typeof PERSON_TEXT_FIELDS)[number], 'name'> => f !== 'name',
);
export type FillablePersonField = (typeof FILLABLE_PERSON_FIELDS)[number];

const blank = (v: unknown) => v === null || v === undefined || v === '';

/** What filling a known person's blanks writes: their text fields, and whether a birthday filled in is a lunar one. */
export type PersonBlanks = Partial<Record<FillablePersonField, string>> & { birthdayLunar?: boolean };

/** The values `seen` brings that `known` lacks: blanks filled, nothing known ever overwritten. */
export function blanksOf(
  known: Partial<Record<FillablePersonField, unknown>>,
  seen: Partial<Record<FillablePersonField, string | null | undefined>> & { birthdayLunar?: boolean | null },
): PersonBlanks {
  const fill: PersonBlanks = {};
  for (const f of FILLABLE_PERSON_FIELDS) {
    const v = seen[f];
    if (!blank(v) && blank(known[f])) fill[f] = v as string;
  }
  // A birthday keeps its calendar: a lunar one filled in is not read as a solar date.
  if (fill.birthday && seen.birthdayLunar) fill.birthdayLunar = true;
  return fill;
}

/**
 * The fuller of two forms of one person's name, or null when `seen` adds nothing: the known
 * form with more name around it (刘 → 刘建华, Lee → Ann Lee), never with other marks
 * ("Ann Lee (dup)" is not a fuller "Ann Lee").
 */
export function fullerName(known: string, seen: string): string | null {
  const [k, s] = [known.trim(), seen.trim()];
  if (!k || s.length <= k.length) return null;
  const extra = s.startsWith(k) ? s.slice(k.length) : s.endsWith(k) ? s.slice(0, -k.length) : null;
  return extra !== null && /^[\p{L}\p{M}\s·'.-]+$/u.test(extra) ? s : null;
}
