import type { CapturedPerson } from '@dossier/shared';
import type { Line } from '../dom.ts';
import { person } from '../merge.ts';
import { phonesIn } from '../phones.ts';
import { linesWithChar } from '../scan.ts';
import { emailsIn, ROLE_MAILBOX } from './emails.ts';
import { foldLatin } from './names.ts';
import { CN_NAME, EN_NAME, INITIALS_NAME, isPersonName, labelField, TITLES } from './vocab.ts';

/**
 * People the page gives contact details for, outside labelled 联系人 blocks:
 * - a card: a name on its own line, a title line under it, then the card's numbers and an
 *   e-mail (a press release's contact: "Miriam Teige / Pressesprecherin … / Telefon: … /
 *   m.teige@…");
 * - a sentence that names someone together with their own e-mail address ("Gina Trapani is CEO
 *   at Postlight. Send her a note at gina.trapani@postlight.com").
 * An e-mail address counts as a person's when its local part spells their name (gina.trapani,
 * m.teige, jsmith); people named in prose without one are not clipped.
 */

/** Does the e-mail's local part spell the person's (Latin) name? */
export function mailboxOf(email: string, name: string): boolean {
  const local = foldLatin(email.slice(0, email.indexOf('@')));
  if (ROLE_MAILBOX.test(email)) return false;
  const words = foldLatin(name)
    .replace(/^(?:mr|ms|mrs|dr|prof)\.?\s+/, '')
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^a-z]/g, ''))
    .filter((w) => w.length > 0);
  if (words.length < 2) return false;
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  const parts = local.split(/[._-]+/).filter(Boolean);
  if (parts.length >= 2) {
    // Every part a word of the name or its initial, at least one whole word.
    return (
      parts.every((p) => words.some((w) => w === p || (p.length === 1 && w.startsWith(p)))) &&
      parts.some((p) => p.length > 1 && words.includes(p))
    );
  }
  const one = parts[0] ?? '';
  // The family name with its particles: "Olivier de Fontenay" → odefontenay.
  const family = words.slice(1).join('');
  return [first + last, first[0] + last, first + last[0], last + first, last + first[0], first[0] + family].includes(
    one,
  );
}

/**
 * A company e-mail whose mailbox spells one person's name is that person's ("Directeur de la
 * publication : Olivier de Fontenay" and, a line below, "odefontenay@aleris.fr").
 */
export function giveOwnMailboxes(people: CapturedPerson[], companyEmails: string[]): void {
  for (const email of companyEmails) {
    const owners = people.filter((p) => mailboxOf(email, p.name));
    const owner = owners.length === 1 ? owners[0] : undefined;
    if (owner && !owner.email && !people.some((p) => p.email === email)) owner.email = email;
  }
}

// Words of titles in the languages the pages use, beyond the title list (which is exact).
const TITLE_WORDS =
  /sprecher|leiter|geschäftsführ|vorstand|referent|direktor|manager|director|officer|head of|chief|president|spokes|press|presse|kontakt|contact|sales|marketing|vertrieb|partner|founder|owner|inhaber|daglig leder|responsabile|direttore|经理|总监|主任|主管|部长|董事|总裁|助理|专员|代表/i;
// A sentence is no title, though it asks to be contacted ("Please contact us to prepare in …").
const looksLikeTitle = (s: string) =>
  s.length <= 80 &&
  s.split(/\s+/).length <= 10 &&
  !/\d|@/.test(s) &&
  !labelField(s) &&
  (TITLES.some((t) => s.toLowerCase().includes(t.toLowerCase())) || TITLE_WORDS.test(s));

/** The title line at `i`, with the next when the title runs on to it ("Pressereferentin Energie & Europa und" / "Ansprechpartnerin …"). */
function titleAt(lines: Line[], i: number, end: number): string {
  const one = (j: number) =>
    lines[j]?.cells.length === 1 && !lines[j]?.heading ? (lines[j]?.cells[0] ?? '').trim() : '';
  const first = one(i);
  const next = i + 2 < end ? one(i + 1) : '';
  return /(?:\s(?:und|and|et|e|y)|[&,/])$/i.test(first) && next && !/\d|@/.test(next) ? `${first} ${next}` : first;
}

// A mail header quoted in the page ("From: Emily Zhou <…>") names the writer of other mail.
const MAIL_HEADER = /^\s*(?:from|to|cc|bcc|reply-to|sent|von|an|发件人|收件人|抄送)\s*[:：]/i;

/** Cards: a line that is a name, a title line under it, contact lines below (within seven lines: a label and its value may be two). */
export function peopleFromCards(lines: Line[]): CapturedPerson[] {
  const out: CapturedPerson[] = [];
  for (const at of linesWithChar(lines, '@')) {
    const text = lines[at]?.cells.join(' ') ?? '';
    const mail = MAIL_HEADER.test(text) ? undefined : emailsIn(text).addresses[0];
    if (!mail) continue;
    // The card's name: the nearest line above that is only a personal name.
    for (let i = at - 1; i >= Math.max(0, at - 8); i--) {
      const cells = lines[i]?.cells ?? [];
      const name = cells.length === 1 ? (cells[0] ?? '').trim() : '';
      if (!name || !isPersonName(name)) continue;
      const own = mailboxOf(mail, name);
      // A card's name set as a heading is taken only with the e-mail that spells it (a heading is
      // more often a page's or an article's title).
      if (lines[i]?.heading && !own) continue;
      const titleLine = titleAt(lines, i + 1, at);
      const titled = i + 1 < at && looksLikeTitle(titleLine);
      // (A title line can look like a name too: look further up.)
      if (!own && !titled) continue;
      // The card's numbers are its person's when the e-mail address is theirs.
      const phones = own
        ? lines
            .slice(i + 1, at + 1)
            .flatMap((l) => l.cells)
            .filter((c) => !/fax|传真/i.test(c))
            .flatMap((c) => phonesIn(c, { asWritten: /^\+?\(?\d/.test(c) }).map((p) => p.value))
        : [];
      out.push(person(name, { ...(titled ? { title: titleLine } : {}), phones, ...(own ? { email: mail } : {}) }));
      break;
    }
  }
  return out;
}

const NAME_IN_TEXT = new RegExp(EN_NAME, 'g');
// "… is CEO at Postlight", "…, Head of Sales at …": the title a sentence gives the person.
const IS_TITLE =
  /^\s*(?:\([^)]{1,20}\)\s*)?(?:,\s*|\s+is\s+(?:the\s+)?|\s+ist\s+|\s+–\s+|\s+-\s+)([A-Z][\w&' -]{1,60}?)\s+(?:at|of|bei|von|der|des)\b/;

/** A sentence naming someone with their own e-mail address gives that person. */
export function peopleByEmail(lines: Line[]): CapturedPerson[] {
  const out: CapturedPerson[] = [];
  for (const at of linesWithChar(lines, '@')) {
    const text = lines[at]?.cells.join(' ') ?? '';
    if (text.length > 600 || MAIL_HEADER.test(text)) continue;
    for (const mail of emailsIn(text).addresses) {
      for (const m of text.matchAll(NAME_IN_TEXT)) {
        const name = m[0].replace(/^(?:Mr|Ms|Mrs|Dr)\.?\s+/, '');
        if (!mailboxOf(mail, name)) continue;
        const title = IS_TITLE.exec(text.slice((m.index ?? 0) + m[0].length))?.[1];
        out.push(person(name, { ...(title ? { title } : {}), email: mail }));
        break;
      }
    }
  }
  return out;
}

// "R. Hennebach (Geschäftsleitung)", "王建国（销售经理）": a name with its role in brackets, alone on its line.
const NAME_AND_ROLE = new RegExp(`^(${INITIALS_NAME}|${EN_NAME}|${CN_NAME})\\s*[（(]([^（）()]{2,40})[）)]$`, 'u');
const ONLY_A_NUMBER = /^[+(]?\d[\d\s()./-]{5,24}$/;
const INITIALS_ONLY = new RegExp(`^${INITIALS_NAME}$`, 'u');

/**
 * A staff list: a name with its role in brackets, and on the next line their number alone
 * ("R. Hennebach (Geschäftsleitung)" over "(01 73) 2 33 62 59"). The number is that person's.
 */
export function peopleOverNumbers(lines: Line[]): CapturedPerson[] {
  const out: CapturedPerson[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.cells.length === 1 ? (line.cells[0] ?? '') : '';
    // (Most lines end otherwise: passed over before any pattern is tried.)
    if (line.heading || text.length > 80 || !(text.endsWith(')') || text.endsWith('）'))) continue;
    const next = lines[i + 1] as Line;
    const number = next.cells.length === 1 && !next.heading ? (next.cells[0] ?? '') : '';
    if (!ONLY_A_NUMBER.test(number)) continue;
    const m = NAME_AND_ROLE.exec(text);
    if (!m?.[1] || !m[2]) continue;
    const phones = phonesIn(number, { asWritten: true }).map((p) => p.value);
    if (phones.length !== 1 || (!isPersonName(m[1]) && !INITIALS_ONLY.test(m[1]))) continue;
    out.push(person(m[1], { title: m[2].trim(), phones }));
  }
  return out;
}
