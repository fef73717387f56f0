import type { RowError, Why } from './summary.ts';
import type { importWords } from './words.ts';

type T = (typeof importWords)['en']['import'];

/** A row's problem in the user's words; one without a code (a schema's own message) as the server said it. */
const said = (e: RowError, t: T) => (e.code ? t.problems[e.code](e.value ?? '', e.expected) : e.why);

/** Why a row goes where it goes, in the user's words (the server's field and key names translated). */
export function whyText(why: Why | null, t: T): string {
  if (!why) return '';
  const by = (k: string) => t.byKind[k] ?? k;
  switch (why.kind) {
    case 'matched':
      return t.why.matched(by(why.by), why.value);
    case 'sameAsRow':
      return t.why.sameAsRow(why.row, by(why.by), why.value);
    case 'similarName':
      return t.why.similarName(why.name);
    case 'mobileElsewhere':
      return t.why.mobileElsewhere(why.name, why.mobile);
    case 'nothingNew':
      return t.why.nothingNew;
    case 'problems':
      return why.errors
        .map((e) => t.why.problem(e.field in t.fields ? t.fields[e.field as keyof T['fields']] : e.field, said(e, t)))
        .join('; ');
    case 'line':
      return why.errors.map((e) => said(e, t)).join('; ');
    case 'noCompany':
      return t.why.person(why.person.name, [why.person.mobile, why.person.email].filter(Boolean).join(', '));
  }
}
