import {
  APPOINTMENT_HOUR,
  CustomerCreate,
  emailMatchKey,
  formerNamesOf,
  type Intention,
  type InteractionKind,
  type KeyInput,
  normaliseCreditCode,
  normaliseEmail,
  normaliseIcp,
  PersonInput,
  type RowProblem,
  registrableDomain,
  type SearchForms,
  siteKey,
  splitCompanyNames,
} from '@dossier/shared';
import type { z } from 'zod';
import { ApiError } from '../../lib/errors.ts';
import {
  bookKeys,
  type Field,
  fieldsOfHeaders,
  headerKind,
  isAddressBook,
  keptFromBook,
  MULTI_COLUMN,
  notKept,
  sheetKind,
  writesDayFirst,
} from './columns.ts';
import { type Grid, MAX_IMPORT_ROWS } from './files.ts';
import { attachLinked } from './linked.ts';
import { groupName, sheetLine } from './sheet-lines.ts';
import {
  CHOICES,
  type DateOrder,
  isCnMobile,
  isNoDate,
  noted,
  ownNumbers,
  type Parsed,
  parseBirthday,
  parseBool,
  parseInstant,
  parsePhone,
  parseTier,
  problem,
  saysNothing,
  slashedOrder,
  splitList,
  splitPhones,
  splitRegion,
  unguardFormula,
} from './values.ts';
import { tooLarge } from './zip.ts';

export interface RowError {
  row: number;
  field: string;
  why: string;
  /** What is wrong (values.ts `problem`); none for a schema's own message. */
  code?: RowProblem;
  value?: string;
  expected?: string;
  /** Set when the error is in a linked sheet (People, Keys, Interactions) of the row's customer. */
  sheet?: string;
  sheetRow?: number;
}
export type CustomerFields = Omit<z.output<typeof CustomerCreate>, 'keys' | 'people' | 'idempotencyKey'>;
export type PersonDraft = PersonInput & { ref?: string };
export interface InteractionDraft {
  personRef: string | null;
  kind: z.infer<typeof InteractionKind>;
  at: string;
  summary: string | null;
  outcome: string | null;
  intention: z.infer<typeof Intention> | null;
  appointment: string | null;
  sourceUrl: string | null;
  visit: Record<string, string> | null;
  idempotencyKey: string;
  createdAt: string | null;
  /** Made from a row's last and next contact columns, not a history sheet's line: its appointment only fills a blank. */
  fromColumns?: true;
  /** The span [from, to) in which a conversation already on the file is this same contact. */
  sameAs?: [string, string] | undefined;
}
export interface Candidate {
  row: number;
  ref: string | null;
  fields: CustomerFields;
  createdAt: string | null;
  updatedAt: string | null;
  lostAt: string | null;
  people: PersonDraft[];
  /** Keys the file states (credit code, ICP, the Keys sheet); stored as they are. */
  keys: KeyInput[];
  /** Keys implied by website and company e-mail domains: matched on, and stored unless the file has a Keys sheet. */
  implied: KeyInput[];
  interactions: InteractionDraft[];
  errors: RowError[];
  /** The name's search forms (pinyin), computed off the request loop by the worker that read the file. */
  forms?: SearchForms;
  /** The E.164 form (or null) of each phone in the row, computed there too. */
  phoneForms?: Record<string, string | null>;
  /** When the row's contact was last talked to (ISO, or a wall time placed in the configured zone on write). */
  lastContact?: string | null;
  /** The next contact the row fixed (下次回访): an appointment, in the same form as `lastContact`. */
  nextContact?: string;
  /** The row's status is its last contact's (it gives none): undoing that contact takes it back (statusAfterContact). */
  statusByContact?: true;
  /** A person without a company (an address book's private contact): listed for the user to place, or given a file of their own when asked. */
  unplaced?: boolean;
  /** A group's heading in a hand-made sheet (no customer): its name, kept in the notes of the rows under it. */
  heading?: string;
  /** A heading, total or footer of the sheet: no customer, and no problem either (what it is, in `errors`). */
  line?: true;
}
export interface Layout {
  sheet: string;
  /** Index into the grid's rows of the header row. */
  headerIndex: number;
  headers: string[];
  mapping: (Field | null)[];
  /** An address book's header (Google, Outlook, vCards as rows): one person a row, their company a column. */
  book?: boolean;
}

/** A layout's columns as the import screen and the command show them. */
export const columnsOf = ({ headers, mapping }: Pick<Layout, 'headers' | 'mapping'>) =>
  headers.map((header, index) => ({ index, header, field: mapping[index] ?? null }));

/** A header row refused for naming no name column: its place, headers and how they read (the error's details). */
export type RefusedLayout = Pick<Layout, 'sheet' | 'headers' | 'mapping'> & { headerRow: number };

const NAME_PARTS: ReadonlySet<Field> = new Set([
  'person.name',
  'person.givenName',
  'person.middleName',
  'person.familyName',
]);

/**
 * The header row among the first 15: the one naming the most known fields (a title row above
 * it — a merged title in a hand-made workbook — is skipped). A column of names counts twice, so
 * that a list of private customers (客户姓名 beside a store's own columns) has a header too.
 */
export function detectHeader(grid: Grid): number | null {
  let best: { index: number; score: number } | null = null;
  for (const [index, row] of grid.rows.slice(0, 15).entries()) {
    const fields = new Set(fieldsOfHeaders(row).filter(Boolean));
    const score = fields.size + ([...fields].some((f) => f === 'name' || NAME_PARTS.has(f as Field)) ? 1 : 0);
    if (score >= 2 && (!best || score > best.score)) best = { index, score };
  }
  return best?.index ?? null;
}

/**
 * Fields for each header. Without a contact-name column, contact-looking columns belong to the
 * company (a mobile is then a company phone, a 职务 goes to its notes); with one, a lone e-mail
 * column is the contact's.
 */
export function guessMapping(headers: string[]): (Field | null)[] {
  // A sheet's column that names no field is kept in the file's notes (columns.ts HeaderKind), an
  // address book's in the person's (keptFromBook).
  const kind = headerKind(headers);
  const unnamed = (h: string): Field | null =>
    kind === 'sheet' ? (notKept(h) ? null : 'other') : kind === 'book' && keptFromBook(h) ? 'person.other' : null;
  const fields = fieldsOfHeaders(headers, kind).map((f, j) => f ?? unnamed(headers[j] ?? ''));
  const seen = new Set<Field>();
  const mapping = fields.map((f) => {
    if (!f) return null;
    if (seen.has(f) && !MULTI_COLUMN.has(f)) return null;
    seen.add(f);
    return f;
  });
  if (![...seen].some((f) => NAME_PARTS.has(f))) {
    return mapping.map((f) => {
      if (f === 'person.mobile' || f === 'person.directLine' || f === 'person.phone') return 'phones';
      if (f === 'person.email' || f === 'person.emails') return 'emails';
      return f?.startsWith('person.') ? 'other' : f;
    });
  }
  const emailCols = mapping.filter((f) => f === 'emails').length;
  if (!seen.has('person.email') && !seen.has('person.emails') && emailCols === 1)
    return mapping.map((f) => (f === 'emails' ? 'person.email' : f));
  return mapping;
}

/**
 * A column its header names as one of a few choices whose values mostly are not (a CRM's
 * "Status": warm, cold, in-contract) is another thing of the same name: kept in the file's notes
 * rather than every row refused over it. A stray value in a column that is the field still
 * refuses its row, with the reason.
 */
function checkedByValues(mapping: (Field | null)[], rows: string[][]): (Field | null)[] {
  return mapping.map((f, j) => {
    const read = f && f in CHOICES ? CHOICES[f as keyof typeof CHOICES] : null;
    if (!read) return f;
    const values = rows
      .slice(0, 200)
      .map((r) => (r[j] ?? '').trim())
      .filter(Boolean);
    return values.filter((v) => read(v).ok).length * 2 >= values.length ? f : 'other';
  });
}

/** Picks the customers sheet (named so, or the first with a recognisable header row) and its layout. */
export function chooseLayout(grids: Grid[], sheet?: string, headerRow?: number, mapping?: (Field | null)[]): Layout {
  const candidates = sheet ? grids.filter((g) => g.name === sheet) : grids;
  if (sheet && !candidates.length) throw new ApiError('invalid_request', `no sheet named ${sheet}`);
  const ordered = [...candidates].sort(
    (a, b) => Number(sheetKind(b.name) === 'customers') - Number(sheetKind(a.name) === 'customers'),
  );
  // The row asked for, refused, is said with its headers and how they read, so that a mapping can be given for them.
  let refused: RefusedLayout | undefined;
  for (const g of ordered) {
    const headerIndex = headerRow !== undefined ? g.rowNumbers.indexOf(headerRow) : detectHeader(g);
    if (headerIndex === null || headerIndex < 0) continue;
    const headers = (g.rows[headerIndex] ?? []).map((h) => h.trim());
    const m = mapping ?? checkedByValues(guessMapping(headers), g.rows.slice(headerIndex + 1));
    // An address book may hold no company at all: its people are then listed to be placed.
    const people = m.some((f) => f !== null && NAME_PARTS.has(f));
    if (!m.includes('name') && !people) {
      if (mapping)
        throw new ApiError('invalid_request', 'the mapping needs a company name column', [{ path: 'mapping' }]);
      if (headerRow !== undefined) refused ??= { sheet: g.name, headerRow, headers, mapping: m };
      continue;
    }
    return { sheet: g.name, headerIndex, headers, mapping: m, ...(isAddressBook(headers) ? { book: true } : {}) };
  }
  throw new ApiError(
    'invalid_request',
    refused
      ? `row ${headerRow} has no company name column and no contact name column; say which column holds the name`
      : headerRow !== undefined
        ? `there is no row ${headerRow}`
        : 'no header row with a company name column (公司名称/客户名称/Company) found; say which row is the header and which column holds the company name',
    refused,
  );
}

const take = <T>(r: Parsed<T>, row: number, field: string, errors: RowError[]): T | undefined => {
  if (r.ok) return r.value;
  errors.push({ row, field, ...r.problem });
  return undefined;
};

/**
 * A column's group in an address book: Google's "Phone 2 - Value" → "phone 2", Outlook's "Home
 * Street" → "home" (`key`: the header's bookKey).
 */
function groupOf(header: string, key: string): string {
  const h = header.trim().toLowerCase();
  const google = /^(.*?\d+)\s*-\s*/.exec(h);
  if (google) return (google[1] as string).replace(/\s+/g, ' ');
  const outlook = /^(business|work|mailing|home|other)/.exec(key);
  return outlook ? (outlook[1] as string) : '';
}

type Kind = 'mobile' | 'work' | 'main' | 'fax' | 'home' | 'other';
/** What a phone's or e-mail's label (or its column's header) says it is. */
function kindOf(label: string): Kind {
  const l = label.toLowerCase();
  if (/fax|传真/.test(l)) return 'fax';
  if (/mobile|cell|iphone|手机|移动/.test(l)) return 'mobile';
  if (/main|company|总机|公司代表/.test(l)) return 'main';
  if (/home|personal|住宅|家庭|私人|个人/.test(l)) return 'home';
  if (/work|business|office|商务|工作|办公|单位/.test(l)) return 'work';
  return 'other';
}

// A person's own numbers, e-mail and address: the company's on a row that names no one.
const CONTACT_POINTS: ReadonlySet<Field> = new Set([
  'person.mobile',
  'person.directLine',
  'person.email',
  'person.homeAddress',
]);
const HAN = /\p{Script=Han}/u;

/** A person's name from its parts: family name first and no space for Chinese (刘建华), given first for Western ones (Michael Zhang). */
export function joinName(given: string, middle: string, family: string): string {
  // The whole name typed into one of them (刘建华 as the first name, 刘 as the last) is not doubled.
  if (family && given.startsWith(family) && HAN.test(family)) return `${given}`.replace(/\s+/g, '');
  if (HAN.test(`${family}${given}`)) return `${family}${middle}${given}`.replace(/\s+/g, '');
  return [given, middle, family].filter(Boolean).join(' ');
}

/**
 * A birthday given in three columns (Thunderbird: Birth Year, Birth Month, Birth Day; 1968, 5, 12)
 * as one date for parseDate: without a year as --MM-DD; a part missing as written, for the row's
 * error to say what was there.
 */
function birthdayOfParts(year?: string, month?: string, day?: string): string | undefined {
  if (!year && !month && !day) return undefined;
  const two = (s: string) => (/^\d$/.test(s) ? `0${s}` : s);
  if (month && day) return year ? `${year}-${two(month)}-${two(day)}` : `--${two(month)}-${two(day)}`;
  return [year, month, day].map((x) => x ?? '?').join('-');
}

/**
 * Does the street line already say this part? Chinese runs its words together (徐州市和平路88号
 * says 徐州市); elsewhere the part is a word of its own (CA is not the "Ca" of Carlos).
 */
function mentions(street: string, part: string): boolean {
  if (HAN.test(part)) return street.includes(part);
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(street);
}

/** An address from its parts as one line: street, city, region postcode (the country unless China). */
function addressOf(parts: Map<Field, string[]>): string | null {
  const get = (f: Field) =>
    (parts.get(f) ?? [])
      .join(' ')
      .replace(/\s*\n\s*/g, ', ')
      .trim();
  // A street column that holds the whole address already (a list's "Address" beside its "Zip")
  // is not given its city or postcode twice.
  const street = get('address.street');
  const part = (f: Field) => {
    const v = get(f);
    return v && mentions(street, v) ? '' : v;
  };
  const country = part('address.country');
  const line = [
    street,
    part('address.city'),
    [part('address.region'), part('address.postalCode')].filter(Boolean).join(' '),
    /^(中国|中华人民共和国|china|cn|prc|people's republic of china)$/i.test(country) ? '' : country,
  ]
    .filter(Boolean)
    .join(', ');
  if (line) return line;
  const formatted = get('address.formatted');
  return formatted
    ? formatted
        .split(/\s*\n\s*/)
        .filter(Boolean)
        .join(', ')
    : null;
}

/** A day without its hour (a sheet's 下次回访 "2026-12-20") is fixed at the start of the working day. */
function appointmentOf(raw: string | undefined, order?: DateOrder): Parsed<string> | null {
  if (!raw || isNoDate(raw)) return null;
  const p = parseInstant(raw, order);
  if (!p.ok || !p.value.endsWith('T00:00:00.000')) return p;
  return { ok: true, value: p.value.replace('T00:', `T${String(APPOINTMENT_HOUR).padStart(2, '0')}:`) };
}

/** The layout as a row is read by it: each column's group in an address book beside its header. */
type RowLayout = Pick<Layout, 'mapping' | 'headers' | 'book'> & {
  groups: string[];
  bookKeys: string[];
  dateOrder: DateOrder | undefined;
};

/** Turns one data row into a customer draft with every problem listed, never throwing. */
function candidateOf(cells: string[], layout: RowLayout, row: number): Candidate {
  const { mapping, headers, groups, bookKeys, book, dateOrder } = layout;
  const errors: RowError[] = [];
  const by = new Map<Field, string[]>();
  // An address book's typed values and address parts, with the group of columns each came from.
  const typed: { field: Field; group: string; header: string; key: string; values: string[] }[] = [];
  const labels = new Map<string, string>();
  const addresses = new Map<string, Map<Field, string[]>>();
  const kept: string[] = [];
  mapping.forEach((f, j) => {
    const raw = unguardFormula((cells[j] ?? '').trim());
    if (!f || !raw) return;
    // Google puts several values in one cell, separated by " ::: ".
    const values = raw
      .split(/\s*:::\s*/)
      .map((v) => v.trim())
      .filter((v) => v && !saysNothing(v));
    if (!values.length) return;
    const header = headers[j] ?? '';
    const group = groups[j] ?? '';
    if (f === 'label') {
      if (group) labels.set(group, values[0] as string);
    } else if (f.startsWith('address.')) {
      const parts = addresses.get(group) ?? new Map<Field, string[]>();
      parts.set(f, [...(parts.get(f) ?? []), ...values]);
      addresses.set(group, parts);
    } else if (f === 'other') {
      kept.push(noted(header, values));
    } else if (f === 'person.phone' || f === 'person.emails' || f === 'person.other') {
      typed.push({ field: f, group, header, key: bookKeys[j] ?? '', values });
    } else by.set(f, [...(by.get(f) ?? []), ...values]);
  });
  const one = (f: Field) => by.get(f)?.[0];
  const all = (f: Field) => by.get(f) ?? [];
  const opt = (f: Field) => one(f) ?? null;
  const keys: KeyInput[] = [];
  const implied: KeyInput[] = [];
  const name = one('name');
  // A number too short to dial from outside (a 短号, an extension, a service number "800") and
  // an address with an @ that mail's older form refuses (blablö@blub.com) are what people typed:
  // kept in notes as written, the row not refused for them. A word where a number goes
  // ("BusinessPhone", a template's) or an address without an @ still is.
  const placed = (r: Parsed<string>, raw: string, f: string, aside: string[]) => {
    const keep =
      !r.ok &&
      ((r.problem.code === 'not_phone' && /\d/.test(raw) && !/\p{L}{2}/u.test(raw)) ||
        (r.problem.code === 'not_email' && raw.includes('@')));
    if (!keep) return take(r, row, f, errors);
    aside.push(raw.trim());
    return undefined;
  };
  const list = (values: string[], f: string, parse: (s: string) => Parsed<string>, aside: string[]) =>
    values
      .flatMap(parse === parsePhone ? splitPhones : splitList)
      .map((s) => placed(parse(s), s, f, aside))
      .filter((s): s is string => !!s);
  const email = (s: string): Parsed<string> => {
    const n = normaliseEmail(s);
    return n ? { ok: true, value: n } : { ok: false, problem: problem('not_email', s) };
  };
  const labelOf = (t: { group: string; key: string }) => (labels.get(t.group) ?? t.key).replace(/^\*\s*/, '');

  // Phones: typed ones to the person's mobile and direct line first, a company's to the file.
  let mobile = one('person.mobile');
  let direct = one('person.directLine');
  const companyPhones = [...all('phones')];
  const fax = [...all('fax')];
  const otherPhones: string[] = [];
  const homePhones: string[] = [];
  for (const t of typed.filter((x) => x.field === 'person.phone')) {
    const kind = kindOf(labelOf(t));
    for (const v of t.values.flatMap(splitPhones)) {
      if (kind === 'mobile' && !mobile) mobile = v;
      else if (kind === 'mobile') otherPhones.push(v);
      else if (kind === 'home') homePhones.push(v);
      else if (kind === 'work' && !direct) direct = v;
      else if (kind === 'work' || kind === 'main') companyPhones.push(v);
      else if (kind === 'fax') fax.push(v);
      else if (!mobile && isCnMobile(v)) mobile = v;
      else if (!direct) direct = v;
      else otherPhones.push(v);
    }
  }
  // A Chinese mobile is a mobile whatever column holds it (a lead list's one "Phone", a
  // "Business Phone" that is the person's own handset): the person's mobile when none is given.
  if (!mobile && direct && isCnMobile(direct)) {
    mobile = direct;
    direct = undefined;
  }
  const personName =
    one('person.name') ??
    (joinName(one('person.givenName') ?? '', one('person.middleName') ?? '', one('person.familyName') ?? '') ||
      undefined);
  // A row that names no one but the company (Thunderbird's entry for a vendor, its display name
  // the organization; a Google contact with only an organization; an Apple card "show as
  // company"; a sheet's row with its contact's name blank) is the company's own: its numbers,
  // e-mails and address are the company's, and no person is named after it.
  const ownRow = name !== undefined && (personName === undefined || personName.trim() === name.trim());
  // E-mails: the first (a work one before a home one) is the person's; more at a company's
  // domain go to the file, private ones stay with the person.
  let personEmail = one('person.email');
  const companyEmails = [...all('emails')];
  const otherEmails: string[] = [];
  const typedEmails = typed
    .filter((x) => x.field === 'person.emails')
    .flatMap((t) => t.values.flatMap(splitList).map((v) => ({ v, home: kindOf(labelOf(t)) === 'home' })))
    .sort((x, y) => Number(x.home) - Number(y.home));
  for (const { v } of typedEmails) {
    if (!personEmail) personEmail = v;
    else if (emailMatchKey(v)?.kind === 'email_domain') companyEmails.push(v);
    else otherEmails.push(v);
  }
  if (ownRow) {
    companyPhones.push(...[direct, mobile].filter((v): v is string => !!v), ...homePhones, ...otherPhones);
    companyEmails.push(...(personEmail ? [personEmail] : []), ...otherEmails);
    [direct, mobile, personEmail] = [undefined, undefined, undefined];
    homePhones.length = otherPhones.length = otherEmails.length = 0;
  }
  // What the file's own numbers and addresses keep aside, for its notes.
  const asidePhones: string[] = [];
  const asideEmails: string[] = [];
  const emails = list(companyEmails, 'emails', email, asideEmails);

  // Addresses: a work (or unlabelled) one is the company's, a home one the person's.
  let companyAddress = opt('address');
  let homeAddress = one('person.homeAddress');
  for (const [group, parts] of addresses) {
    const line = addressOf(parts);
    if (!line) continue;
    if (kindOf(labels.get(group) ?? group) === 'home') homeAddress ??= line;
    else companyAddress ??= line;
  }

  // An address book has no column for the company's number: the office number of the row that
  // gives the company's office (its address or fax) stands for it, and stays the person's line too.
  if (book && direct && !companyPhones.length && (companyAddress || fax.length)) companyPhones.push(direct);
  if (ownRow) {
    companyAddress ??= homeAddress ?? null;
    if (homeAddress && homeAddress !== companyAddress) kept.push(noted('其他地址', [homeAddress]));
  }
  // A home number is the person's when they have none other; as their direct line, said to be the home one.
  const home = ownNumbers({ mobile, direct }, homePhones);
  const homeLine = home.direct !== direct ? home.direct : undefined;
  ({ mobile, direct } = home);
  otherPhones.push(...home.rest);

  // What the row says of its person with no field of its own, under its column's name (Outlook's
  // "0/0/00" in an empty anniversary is no value). With no one named on the row (a CRM's Lead
  // Source beside a company alone) it is the file's: kept in its notes, the row not refused for it.
  const said = typed
    .filter((t) => t.field === 'person.other' && !t.values.every(isNoDate))
    .map((t) => noted(t.header, t.values));
  const ofPerson = ownRow || !personName ? typed.filter((t) => t.field !== 'person.other') : typed;
  if (ownRow || !personName) kept.push(...said);
  // What a company's own row says of a person (a title beside a blank contact name) is the file's, under its column's name.
  if (ownRow)
    for (const [f, values] of by)
      if (f.startsWith('person.') && !NAME_PARTS.has(f) && !CONTACT_POINTS.has(f))
        kept.push(f === 'person.preferences' ? values.join('\n') : noted(headers[mapping.indexOf(f)] ?? f, values));
  // A mobile in a sheet's phone column beside a contact's name is the contact's (名称, 联系人, 电话).
  if (!book && personName && !mobile) {
    const numbers = companyPhones.flatMap(splitPhones);
    const i = numbers.findIndex(isCnMobile);
    if (i >= 0) {
      mobile = numbers.splice(i, 1)[0];
      companyPhones.splice(0, companyPhones.length, ...numbers);
    }
  }
  // A profile on a platform (LinkedIn's export gives each connection's) is the person's page,
  // not the company's site: it goes to the person's notes.
  const given = opt('website');
  const onWeb = given ? registrableDomain(given) !== null : false;
  const key = given ? siteKey(given) : null;
  const profile = given && personName && onWeb && !key ? given : undefined;
  const website = profile ? undefined : given;
  if (key) implied.push({ kind: 'domain', value: key });
  else if (given && !onWeb) errors.push({ row, field: 'website', ...problem('not_website', given) });
  const credit = one('creditCode');
  if (credit) {
    const c = normaliseCreditCode(credit);
    if (c) keys.push({ kind: 'credit_code', value: c });
    else errors.push({ row, field: 'creditCode', ...problem('not_credit_code', credit) });
  }
  const icp = one('icp');
  if (icp) {
    const c = normaliseIcp(icp);
    if (c) keys.push({ kind: 'icp', value: c });
    else errors.push({ row, field: 'icp', ...problem('not_icp', icp) });
  }
  const instant = (f: Field) => {
    const v = one(f);
    return v && !isNoDate(v)
      ? ((take(parseInstant(v, dateOrder), row, f, errors) as string | undefined) ?? null)
      : null;
  };
  // A tier among an address book's labels or categories ("A类客户"), when no column names one.
  const tierText =
    one('tier') ??
    all('tags')
      .flatMap((t) => t.split(/[;；,，]/))
      .map((t) => t.replace(/^\*\s*/, '').trim())
      .find((t) => t && parseTier(t).ok) ??
    '';
  const lastContact = instant('lastContact');
  const nextContact = appointmentOf(one('nextContact'), dateOrder);
  // A plan not written as a date ("春节后", "待定") is kept as written, the row not refused for it.
  if (nextContact && !nextContact.ok)
    kept.push(noted(headers[mapping.indexOf('nextContact')] ?? '', [one('nextContact') as string]));
  const phones = list(companyPhones, 'phones', parsePhone, asidePhones);
  const faxes = list(fax, 'fax', parsePhone, asidePhones);
  if (asidePhones.length) kept.push(noted('其他电话', asidePhones));
  if (asideEmails.length) kept.push(noted('其他邮箱', asideEmails));
  const fields = {
    name: name ?? '',
    formerNames: formerNamesOf(name ?? '', all('formerNames').flatMap(splitCompanyNames)),
    tier: take(CHOICES.tier(tierText), row, 'tier', errors) ?? 'C',
    // A row that says when it was last spoken to and not its status is worked (statusAfterContact).
    status: take(CHOICES.status(one('status') ?? (lastContact ? 'active' : '')), row, 'status', errors) ?? 'prospect',
    stage: take(CHOICES.stage(one('stage') ?? ''), row, 'stage', errors) ?? null,
    companyType: take(CHOICES.companyType(one('companyType') ?? ''), row, 'companyType', errors) ?? null,
    sizeClass: take(CHOICES.sizeClass(one('sizeClass') ?? ''), row, 'sizeClass', errors) ?? null,
    lostReasonCode: take(CHOICES.lostReasonCode(one('lostReasonCode') ?? ''), row, 'lostReasonCode', errors) ?? null,
    // A list's city column (beside its street and postcode) is the address's city and, with no
    // region column, the file's region; an address book's cities are not.
    region: (book || all('region').length ? all('region') : (addresses.get('')?.get('address.city') ?? [])).flatMap(
      splitRegion,
    ),
    industry: opt('industry'),
    businessScope: opt('businessScope'),
    products: opt('products'),
    trends: opt('trends'),
    address: companyAddress,
    phones,
    fax: faxes,
    emails,
    website,
    notes: [...all('notes'), ...kept].join('\n') || null,
    owner: opt('owner'),
    nextStep: opt('nextStep'),
    lostReason: opt('lostReason'),
  };
  const checked = CustomerCreate.safeParse(fields);
  if (!checked.success) {
    for (const i of checked.error.issues) {
      if (i.path[0] !== 'name' || name) errors.push({ row, field: String(i.path[0] ?? 'row'), why: i.message });
    }
  }
  const {
    keys: _k,
    people: _p,
    idempotencyKey: _i,
    ...valid
  } = checked.success ? checked.data : { ...fields, keys: 0, people: 0, idempotencyKey: 0 };
  const people: PersonDraft[] = [];
  const personValues = [...by.keys(), ...ofPerson.map((t) => t.field)].filter(
    (f) => f.startsWith('person.') && f !== 'person.department',
  );
  // Thunderbird keeps a mailing list as a row named by its addresses ("gao@…; wu@…"): no one person.
  const listed = personName ? splitList(personName) : [];
  const mailingList = listed.length > 1 && listed.every((a) => normaliseEmail(a));
  if (mailingList) errors.push({ row, field: 'person.name', ...problem('mailing_list', personName ?? '') });
  else if (personName && !ownRow) {
    const p: PersonDraft = { name: personName };
    const set = <K extends keyof PersonInput>(k: K, v: PersonInput[K] | undefined) => {
      if (v !== undefined && v !== null && v !== '') p[k] = v;
    };
    set('title', one('person.title'));
    if (mobile) set('mobile', placed(parsePhone(mobile), mobile, 'person.mobile', otherPhones));
    if (direct) set('directLine', placed(parsePhone(direct), direct, 'person.directLine', otherPhones));
    if (personEmail) set('email', placed(email(personEmail), personEmail, 'person.email', otherEmails));
    // A lunar birthday (农历生日) is the one kept beside a solar one: the day the person keeps.
    const solar =
      one('person.birthday') ??
      birthdayOfParts(one('person.birthYear'), one('person.birthMonth'), one('person.birthDay'));
    const lunar = one('person.lunarBirthday');
    const bd = lunar && !isNoDate(lunar) ? lunar : solar;
    if (bd && !isNoDate(bd)) {
      const b = take(parseBirthday(bd, bd === lunar, dateOrder), row, 'person.birthday', errors);
      set('birthday', b?.date);
      if (b?.lunar) set('birthdayLunar', true);
    }
    set('homeAddress', homeAddress);
    // What has no field of its own is kept in the person's notes, said what it is.
    const department = all('person.department').join(' / ');
    const notes = [
      all('person.preferences').join('\n'),
      department && `部门：${department}`,
      homeLine ? noted('住宅电话', [homeLine]) : '',
      otherPhones.length ? noted('其他电话', otherPhones) : '',
      otherEmails.length ? noted('其他邮箱', otherEmails) : '',
      ...said,
      profile ? `个人主页：${profile}` : '',
      bd !== solar && solar && !isNoDate(solar) ? `公历生日：${solar}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    set('preferences', notes);
    const key = one('person.keyPerson');
    if (key) set('keyPerson', take(parseBool(key), row, 'person.keyPerson', errors) as boolean | undefined);
    const ok = PersonInput.safeParse(p);
    if (!ok.success)
      for (const i of ok.error.issues) errors.push({ row, field: `person.${String(i.path[0])}`, why: i.message });
    people.push(p);
  } else if (personValues.length && !ownRow) {
    errors.push({ row, field: 'person.name', ...problem('no_person_name', '') });
  }
  // A sheet's heading, total or footer ("一、房地产开发企业", "Grand Totals (3 records)", 小计 | 3家)
  // is no customer: listed with that reason alone, never made a file.
  const line = sheetLine(cells, mapping, people.length > 0);
  if (line) errors.splice(0, errors.length, { row, field: 'name', ...problem(line.kind, line.text) });
  else if (!name && !people.length && !mailingList) errors.push({ row, field: 'name', ...problem('no_name', '') });
  for (const e of [...emails, ...people.map((p) => p.email ?? '')]) {
    const k = e ? emailMatchKey(e) : null;
    if (k?.kind === 'email_domain') implied.push(k);
  }
  return {
    row,
    ref: opt('ref'),
    fields: valid as CustomerFields,
    createdAt: instant('createdAt'),
    updatedAt: instant('updatedAt'),
    lostAt: instant('lostAt'),
    people,
    keys,
    implied,
    interactions: [],
    errors,
    ...(lastContact ? { lastContact } : {}),
    ...(lastContact && one('status') == null ? { statusByContact: true as const } : {}),
    ...(nextContact?.ok ? { nextContact: nextContact.value } : {}),
    ...(!name && people.length ? { unplaced: true } : {}),
    ...(line ? { line: true } : {}),
    ...(line?.kind === 'heading' ? { heading: groupName(line.text) } : {}),
  };
}

const DATE_FIELDS: ReadonlySet<Field> = new Set([
  'person.birthday',
  'lastContact',
  'nextContact',
  'createdAt',
  'updatedAt',
  'lostAt',
]);

/**
 * The order of a file's slashed dates, one for the whole file: the order its dates that can be read
 * only one way show (a British 25/12/1980 beside 03/04/1970), else a German or French Outlook's
 * (day first); else none, each date then read month first unless it can't be (US Outlook).
 */
function dateOrderOf(grid: Grid, data: number[], layout: Layout): DateOrder | undefined {
  const columns = layout.mapping.flatMap((f, j) => (f && DATE_FIELDS.has(f) ? [j] : []));
  const values = data.flatMap((i) => columns.map((j) => grid.rows[i]?.[j] ?? ''));
  return slashedOrder(values) ?? (writesDayFirst(layout.headers) ? 'dmy' : undefined);
}

/** Every non-empty data row of the layout's sheet as a candidate, with linked sheets attached. */
export function candidates(
  grids: Grid[],
  layout: Layout,
  maxRows = MAX_IMPORT_ROWS,
): { list: Candidate[]; linked: boolean } {
  const grid = grids.find((g) => g.name === layout.sheet) as Grid;
  const data: number[] = [];
  for (let i = layout.headerIndex + 1; i < grid.rows.length; i++) {
    if (!(grid.rows[i] ?? []).every((v) => !v.trim())) data.push(i);
  }
  if (data.length > maxRows) {
    throw tooLarge(
      'too_many_rows',
      `${layout.sheet} has ${data.length} customers; at most ${maxRows} are imported at once — split the file`,
      { limit: maxRows, sheet: layout.sheet },
    );
  }
  // (Each column's key and group once, not once a cell.)
  const keys = bookKeys(layout.headers);
  const rowLayout = {
    ...layout,
    bookKeys: keys,
    groups: layout.headers.map((h, j) => groupOf(h, keys[j] ?? '')),
    dateOrder: dateOrderOf(grid, data, layout),
  };
  const list = data.map((i) => candidateOf(grid.rows[i] ?? [], rowLayout, grid.rowNumbers[i] ?? i + 1));
  let group: string | undefined;
  for (const c of list) {
    if (c.heading !== undefined) group = c.heading;
    else if (group) c.fields.notes = [c.fields.notes, noted('分组', [group])].filter(Boolean).join('\n');
  }
  const linked = grids.some(
    (g) => g.name !== layout.sheet && sheetKind(g.name) !== null && sheetKind(g.name) !== 'customers',
  );
  if (linked) {
    const byRef = new Map(list.filter((c) => c.ref).map((c) => [c.ref as string, c]));
    attachLinked(grids, byRef);
  }
  return { list, linked };
}
