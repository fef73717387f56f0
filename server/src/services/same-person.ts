import { PERSON_TEXT_FIELDS, samePhone } from '@dossier/shared';
import { PeopleIndex, type PersonLike, Phones } from './transfer/match-index.ts';
import { noted } from './transfer/values.ts';

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

/** What another sighting writes on a known person: their text fields, and whether a birthday filled in is a lunar one. */
export type PersonAdditions = Partial<Record<FillablePersonField, string>> & { birthdayLunar?: boolean };

/** How a value the person already has another of is kept in their notes: a row's extra numbers' words. */
const ASIDE: Partial<Record<FillablePersonField, string>> = {
  mobile: '其他电话',
  directLine: '其他电话',
  email: '其他邮箱',
  title: '另记职务',
  birthday: '另记生日',
  homeAddress: '另记住址',
  greetingHook: '另记问候',
};

/**
 * What `seen` adds to `known`: their blanks filled, and a value that differs from the one known
 * (a new mobile in a later export, a title after a promotion, other notes) kept in their notes,
 * said what it is — nothing known overwritten, nothing seen dropped. Kept once: a value the notes
 * already hold is not added again, so the same file imported twice adds nothing the second time.
 */
export function additionsOf(
  known: Partial<Record<FillablePersonField, unknown>>,
  seen: Partial<Record<FillablePersonField, string | null | undefined>> & { birthdayLunar?: boolean | null },
): PersonAdditions {
  const fill: PersonAdditions = {};
  const notes = blank(known.preferences) ? '' : String(known.preferences);
  const aside: string[] = [];
  const numbers = [known.mobile, known.directLine].filter((n): n is string => typeof n === 'string' && n !== '');
  for (const f of FILLABLE_PERSON_FIELDS) {
    const v = seen[f]?.trim();
    if (!v) continue;
    if (blank(known[f])) fill[f] = v;
    else if (f === 'preferences') {
      // Line by line: a later export's note that says more keeps only what is new to the notes.
      for (const line of v.split('\n').map((l) => l.trim()))
        if (line && !notes.includes(line) && !aside.includes(line)) aside.push(line);
    } else if (!sameValue(f, String(known[f]), v, numbers) && !notes.includes(v) && !aside.some((a) => a.endsWith(v)))
      aside.push(noted(ASIDE[f] ?? f, [v]));
  }
  if (aside.length) fill.preferences = [fill.preferences ?? notes, ...aside].filter(Boolean).join('\n');
  // A birthday keeps its calendar: a lunar one filled in is not read as a solar date.
  if (fill.birthday && seen.birthdayLunar) fill.birthdayLunar = true;
  return fill;
}

/** One value however written: a number the person has under either field, an e-mail in any case. */
function sameValue(f: FillablePersonField, known: string, seen: string, numbers: string[]): boolean {
  if (f === 'mobile' || f === 'directLine') return numbers.some((n) => samePhone(n, seen));
  if (f === 'email') return known.toLowerCase() === seen.toLowerCase();
  return known.trim() === seen;
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
