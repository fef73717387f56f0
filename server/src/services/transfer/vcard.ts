import {
  nameParts,
  normaliseEmail,
  normalisePhone,
  type PersonInput,
  PersonInput as PersonSchema,
} from '@dossier/shared';
import ICAL from 'ical.js';
import { ApiError } from '../../lib/errors.ts';
import type { PersonRecord } from '../../store/records.ts';
import type { Grid } from './files.ts';
import { NO_YEAR_YEAR, noted, ownNumbers, parseDate, parsePhone } from './values.ts';
import { modernVcard } from './vcard-legacy.ts';
import { tooLarge } from './zip.ts';

/**
 * People go into one customer file: a company has tens of them, an address book a few
 * thousand. More cards, or more lines, than this are refused before any is parsed.
 */
export const MAX_CARDS = 5_000;
export const MAX_VCARD_LINES = 200_000;

type PersonRow = PersonRecord;
type JProp = [string, Record<string, unknown>, string, ...unknown[]];

/**
 * People as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426), one card each, written through ical.js so
 * escaping and line folding are right. In 4.0 phones go out as tel: URIs (VALUE=uri) when they
 * parse, as text otherwise; 3.0 has no URI phones, so there they are text in E.164 with TYPE.
 * A birthday without a year (kept under 1604, values.ts) is --MMDD in 4.0 and, in 3.0, which
 * has no such form, 1604-MM-DD with X-APPLE-OMIT-YEAR=1604 as Apple's address book writes it.
 */
export function toVcf(rows: { person: PersonRow; company: string }[], version: '3.0' | '4.0' = '4.0'): string {
  const v3 = version === '3.0';
  return rows
    .map(({ person: p, company }) => {
      const { family, given } = nameParts(p.name);
      const props: JProp[] = [
        ['version', {}, 'text', version],
        v3 ? ['uid', {}, 'text', `dossier-person-${p.id}`] : ['uid', {}, 'uri', `urn:dossier:person:${p.id}`],
        ['fn', {}, 'text', p.name],
        // Family and given names apart, as address books file them (王 + 建国, 欧阳 + 娜娜, Lee + Ann).
        ['n', {}, 'text', [family, given, '', '', '']],
        ['org', {}, 'text', company],
      ];
      if (p.title) props.push(['title', {}, 'text', p.title]);
      const tel = (raw: string, type: string): JProp => {
        const n = normalisePhone(raw);
        if (v3) return ['tel', { type: [type.toUpperCase(), 'VOICE'] }, 'phone-number', n ?? raw];
        // VALUE=uri said outright: without it, readers that default TEL to text keep "tel:+86…" as the number.
        return n ? ['tel', { type, value: 'uri' }, 'uri', `tel:${n}`] : ['tel', { type, value: 'text' }, 'text', raw];
      };
      if (p.mobile) props.push(tel(p.mobile, 'cell'));
      if (p.directLine) props.push(tel(p.directLine, 'work'));
      if (p.email) props.push(['email', { type: v3 ? ['INTERNET', 'WORK'] : 'work' }, 'text', p.email]);
      if (p.birthday && p.birthdayLunar) {
        props.push(['x-altbday', { calscale: 'chinese' }, 'unknown', toAltBday(p.birthday)]);
      } else if (p.birthday) {
        const noYear = p.birthday.startsWith(`${NO_YEAR_YEAR}-`);
        if (!noYear) props.push(['bday', {}, 'date', p.birthday]);
        else if (v3) props.push(['bday', { 'x-apple-omit-year': NO_YEAR_YEAR }, 'date', p.birthday]);
        else props.push(['bday', {}, 'date-and-or-time', `--${p.birthday.slice(5, 7)}${p.birthday.slice(8)}`]);
      }
      if (p.homeAddress)
        props.push(['adr', { type: v3 ? 'HOME' : 'home' }, 'text', ['', '', p.homeAddress, '', '', '', '']]);
      if (p.preferences) props.push(['note', {}, 'text', p.preferences]);
      return ICAL.stringify(['vcard', props, []] as unknown as Parameters<typeof ICAL.stringify>[0]);
    })
    .join('\r\n')
    .concat('\r\n');
}

/*
 * A lunar birthday as Apple's address book writes it (X-ALTBDAY;CALSCALE=chinese:007800021101):
 * the sexagenary cycle (4 digits, the 78th began in 1984), the year in it, the lunar month and
 * day. A birthday without a year is written with cycle and year 0.
 */
const CYCLE_FROM = 2636;
function toAltBday(birthday: string): string {
  const [y, m, d] = birthday.split('-');
  const year = birthday.startsWith(`${NO_YEAR_YEAR}-`) ? null : Number(y) + CYCLE_FROM;
  const pad = (n: number) => String(n).padStart(4, '0');
  return `${year === null ? '00000000' : `${pad(Math.floor(year / 60) + 1)}${pad((year % 60) + 1)}`}${m}${d}`;
}
function fromAltBday(value: string): string | null {
  const m = /^(\d{4})(\d{4})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [cycle, year, month, day] = m.slice(1).map(Number) as [number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 30) return null;
  const y = cycle && year ? String((cycle - 1) * 60 + year - 1 - CYCLE_FROM) : NO_YEAR_YEAR;
  return `${y}-${m[3]}-${m[4]}`;
}

export interface CardRead {
  index: number;
  person: PersonInput | null;
  errors: string[];
  /** What an address book needs beyond the person: the company (ORG), its site and address, more numbers and e-mails. */
  company?: CardCompany;
  /** The card's values as written, bad ones too, when it could not be read: rows are checked (and refused) as a sheet's. */
  draft?: PersonInput;
}
export interface CardCompany {
  org?: string;
  department?: string;
  website?: string;
  workAddress?: string;
  /** The company's own number (TYPE=MAIN), when a card gives it. */
  mainPhones?: string[];
  /** Numbers beyond the person's mobile and direct line, by kind. */
  otherPhones: string[];
  homePhones: string[];
  fax: string[];
  /** E-mails beyond the person's. */
  otherEmails: string[];
}

/**
 * An escape ical.js leaves in a value: `\;` in a one-part text (Thunderbird's NOTE), `\"` (Gmail's
 * NOTE) and `\:` (Apple's and Gmail's URL, read as a URI) stand for the character itself.
 */
const unescaped = (s: string) => s.replace(/\\([;:"])/g, '$1');
const asText = (v: unknown): string =>
  unescaped(Array.isArray(v) ? v.filter(Boolean).join(' ') : v == null ? '' : String(v)).trim();
/**
 * A phone as a person writes it. vCard 4.0 writes a tel: URI (RFC 3966), whose parameters follow
 * semicolons — "tel:+1-418-656-9254;ext=102" — and a semicolon separates numbers in a sheet's
 * phone column, so the extension is written out ("… ext. 102") and the URI's other parameters
 * (phone-context, isub) dropped.
 */
const writtenPhone = (value: string): string => {
  if (!/^tel:/i.test(value)) return value;
  const [number = '', ...params] = value.slice(4).split(';');
  const ext = params.find((p) => /^ext=/i.test(p))?.slice(4);
  return ext ? `${uriText(number)} ext. ${uriText(ext)}` : uriText(number);
};
/** A URI's percent-escapes undone (%2B → +), or the text as it is when they are malformed. */
const uriText = (s: string): string => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};
/** ADR (po box;extended;street;city;region;postcode;country) as one line: the country unless China. */
const addressLine = (value: unknown): string => {
  // A part's own trailing comma (Apple: "Silicon Alley 5,") is not doubled by the line's.
  const [, ext, street, city, region, code, country] = (Array.isArray(value) ? value : ['', '', value]).map((x) =>
    asText(x).replace(/[\s,]+$/, ''),
  );
  return [
    [street, ext].filter(Boolean).join(' '),
    city,
    [region, code].filter(Boolean).join(' '),
    /^(中国|china|cn)$/i.test(country ?? '') ? '' : country,
  ]
    .filter(Boolean)
    .join(', ');
};
const types = (params: Record<string, unknown>) =>
  ([] as unknown[])
    .concat(params.type ?? [])
    .map((t) => String(t).toLowerCase())
    .flatMap((t) => t.split(','));

/** Reads vCard 2.1, 3.0 and 4.0 cards: 2.1 and quoted-printable values made 3.0 first (vcard-legacy.ts), then ical.js. */
export function readVcf(text: string): CardRead[] {
  const cardCount = text.match(/^[ \t]*BEGIN[ \t]*:[ \t]*VCARD/gim)?.length ?? 0;
  if (cardCount > MAX_CARDS) {
    throw tooLarge('too_many_cards', `the file has ${cardCount} cards; at most ${MAX_CARDS} are read at once`, {
      limit: MAX_CARDS,
    });
  }
  let lines = 0;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= MAX_VCARD_LINES; i = text.indexOf('\n', i + 1)) lines++;
  if (lines > MAX_VCARD_LINES) {
    throw tooLarge('too_many_lines', `the file has more than ${MAX_VCARD_LINES} lines`, { limit: MAX_VCARD_LINES });
  }
  let parsed: unknown;
  try {
    // iOS writes CR CR LF at the end of each line: a line ends at its last CR LF.
    parsed = ICAL.parse(modernVcard(text.replace(/\r+\n/g, '\r\n')));
  } catch (e) {
    throw new ApiError('invalid_request', `not a readable vCard file: ${(e as Error).message}`);
  }
  const cards = (Array.isArray((parsed as unknown[])[0]) ? parsed : [parsed]) as [string, JProp[], unknown[]][];
  return cards
    .filter((c) => c[0] === 'vcard')
    .map((card, index) => {
      const errors: string[] = [];
      const props = card[1];
      const all = (name: string) => props.filter((p) => p[0] === name);
      const first = (name: string) => asText(all(name)[0]?.[3]);
      const version = first('version');
      if (version !== '3.0' && version !== '4.0') {
        return {
          index,
          person: null,
          errors: [`vCard ${version || 'without VERSION'} is not supported; export as 3.0 or 4.0`],
        };
      }
      const n = all('n')[0]?.[3];
      // N is family;given;…: for Chinese names family+given, for Western ones given family.
      const fromN = Array.isArray(n)
        ? /\p{Script=Han}/u.test(String(n[0]))
          ? `${n[0] ?? ''}${n[1] ?? ''}`
          : `${n[1] ?? ''} ${n[0] ?? ''}`
        : '';
      // Android writes a contact saved from an e-mail alone as a card with EMAIL and no FN or N;
      // its address book shows the address as the name, and so does the import.
      const name = first('fn') || fromN.trim() || first('email');
      if (!name) errors.push('card has no name (FN/N)');
      const person: PersonInput = { name };
      const raw: Partial<PersonInput> = {};
      // ROLE is what the person does (Outlook: "Counting Money"): the title when there is no TITLE.
      const title = first('title') || first('role');
      if (title) person.title = title;
      const company: CardCompany = { otherPhones: [], homePhones: [], fax: [], otherEmails: [] };
      const org = all('org')[0]?.[3];
      const orgParts = (Array.isArray(org) ? org : [org]).map((x) => asText(x)).filter(Boolean);
      if (orgParts[0]) company.org = orgParts[0];
      if (orgParts.length > 1) company.department = orgParts.slice(1).join(' / ');
      // The company's site and address: the one typed WORK first (Thunderbird lists HOME first),
      // then the first not typed HOME.
      const workFirst = (list: JProp[]) =>
        list.find((p) => types(p[1]).includes('work')) ?? list.find((p) => !types(p[1]).includes('home'));
      const site = workFirst(all('url'));
      const url = asText(site?.[3]);
      if (url) company.website = url;
      const work = workFirst(all('adr'));
      if (work) {
        const line = addressLine(work[3]);
        if (line) company.workAddress = line;
      }
      // Numbers by their types: the first CELL is the mobile, the first WORK voice number the
      // direct line (an untyped one if none is WORK), faxes the company's, HOME and the rest
      // (pager, assistant, a second mobile) kept beside the person.
      const tels = all('tel')
        .map((t) => ({ raw: writtenPhone(asText(t[3])), ty: types(t[1]) }))
        .filter((t) => t.raw);
      const isCell = (ty: string[]) => ty.includes('cell') || ty.includes('mobile') || ty.includes('iphone');
      const untyped = (ty: string[]) => ty.every((x) => x === 'voice' || x === 'pref');
      const mobile = tels.find((t) => isCell(t.ty) && !t.ty.includes('fax'));
      const direct =
        tels.find((t) => t.ty.includes('work') && !t.ty.includes('fax')) ?? tels.find((t) => untyped(t.ty));
      // A number must be one, as in a sheet (Outlook 2003 can write "BusinessPhone" where it goes):
      // the card is then refused with why, whichever way it is imported.
      for (const t of tels) {
        const n = parsePhone(t.raw);
        if (!n.ok) errors.push(n.problem.why);
      }
      if (mobile) person.mobile = mobile.raw;
      if (direct) person.directLine = direct.raw;
      for (const t of tels) {
        if (t === mobile || t === direct) continue;
        if (t.ty.includes('fax')) company.fax.push(t.raw);
        else if (t.ty.includes('main')) company.mainPhones = [...(company.mainPhones ?? []), t.raw];
        else if (t.ty.includes('home')) company.homePhones.push(t.raw);
        else company.otherPhones.push(t.raw);
      }
      // A lone untyped number is most often the mobile.
      if (
        !person.mobile &&
        person.directLine &&
        all('tel').length === 1 &&
        !types(all('tel')[0]?.[1] ?? {}).includes('work')
      ) {
        person.mobile = person.directLine;
        delete person.directLine;
      }
      // With no mobile and no work number, a home number (Android's 住宅), else another, is the
      // person's: as their direct line, a home one said to be so. The card decides, so that a sheet's
      // rule for a home column (rows.ts) has nothing left to place.
      const homes = ownNumbers({ mobile: person.mobile, direct: person.directLine }, company.homePhones);
      const other = ownNumbers(homes, company.otherPhones);
      const homeLine = homes.direct !== person.directLine ? homes.direct : undefined;
      if (other.mobile) person.mobile = other.mobile;
      if (other.direct) person.directLine = other.direct;
      company.homePhones = homes.rest;
      company.otherPhones = other.rest;
      // The person's e-mail: the one marked PREF, else the first not typed HOME, else the first.
      const emails = [...all('email')].sort(
        (x, y) =>
          Number(!types(x[1]).includes('pref')) - Number(!types(y[1]).includes('pref')) ||
          Number(types(x[1]).includes('home')) - Number(types(y[1]).includes('home')),
      );
      const email = asText(emails[0]?.[3]);
      if (email) {
        const e = normaliseEmail(email);
        if (e) person.email = e;
        else {
          errors.push(`"${email}" is not an e-mail address`);
          raw.email = email;
        }
      }
      for (const e of emails.slice(1)) {
        const v = asText(e[3]);
        if (v) company.otherEmails.push(v);
      }
      const bdayRaw = all('bday')[0]?.[3];
      const bday = bdayRaw == null ? '' : String(bdayRaw);
      // A lunar birthday (iPhone's X-ALTBDAY;CALSCALE=chinese) is the person's when no solar one is given, else noted.
      const alt = all('x-altbday').find((a) => String(a[1].calscale ?? '').toLowerCase() === 'chinese');
      const lunar = alt ? fromAltBday(String(alt[3])) : null;
      if (lunar && !bday) {
        person.birthday = lunar;
        person.birthdayLunar = true;
      }
      // A birthday without a year (--05-12, --0512) is kept under the no-year year (values.ts NO_YEAR_YEAR).
      if (bday) {
        const d = parseDate(/^\d{8}$/.test(bday) ? `${bday.slice(0, 4)}-${bday.slice(4, 6)}-${bday.slice(6)}` : bday);
        if (d.ok) person.birthday = d.value;
        else {
          errors.push(`"${bday}" is not a birthday`);
          raw.birthday = bday;
        }
      }
      const home = all('adr').find((a) => types(a[1]).includes('home')) ?? null;
      if (home) person.homeAddress = addressLine(home[3]);
      // Every NOTE (Android writes two), one under the other; then the addresses and sites that
      // have no field of their own (Gmail writes five of each), said what they are.
      const moreAddresses = all('adr')
        .filter((a) => a !== work && a !== home)
        .map((a) => addressLine(a[3]))
        .filter(Boolean);
      const moreSites = [
        ...new Set(
          all('url')
            .filter((u) => u !== site)
            .map((u) => asText(u[3]))
            .filter((u) => u && u !== url),
        ),
      ];
      const note = [
        ...all('note').map((n) => asText(n[3])),
        homeLine ? noted('住宅电话', [homeLine]) : '',
        moreAddresses.length ? noted('其他地址', moreAddresses) : '',
        moreSites.length ? noted('其他网址', moreSites) : '',
        lunar && bday ? `农历生日：${lunar.startsWith(`${NO_YEAR_YEAR}-`) ? lunar.slice(5) : lunar}` : '',
      ]
        .filter(Boolean)
        .join('\n');
      if (note) person.preferences = note;
      const ok = PersonSchema.safeParse(person);
      if (!ok.success) errors.push(...ok.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
      if (!errors.length) return { index, person, errors, company };
      return { index, person: null, errors, company, draft: { ...person, ...raw } };
    });
}

/**
 * What a card says beyond its person's fields, said what each is, for a person imported alone into
 * a chosen customer (read as rows, these are the company's and the notes rows.ts writes): the
 * company's name left out when it is the chosen customer's.
 */
export function cardNotes(card: CardRead, customerName: string): string[] {
  const k = card.company;
  if (!k) return [];
  const line = (what: string, values: (string | undefined)[]) => {
    const v = values.filter((x): x is string => !!x);
    return v.length ? [noted(what, v)] : [];
  };
  return [
    ...line('公司', [k.org?.trim() === customerName.trim() ? undefined : k.org]),
    ...line('部门', [k.department]),
    ...line('公司地址', [k.workAddress]),
    ...line('网址', [k.website]),
    ...line('总机', k.mainPhones ?? []),
    ...line('其他电话', [...k.homePhones, ...k.otherPhones]),
    ...line('传真', k.fax),
    ...line('其他邮箱', k.otherEmails),
  ];
}

/** Headers of cards read as rows, in an address book's words (columns.ts reads them so). */
const CARD_HEADERS = [
  'Name',
  'Company',
  'Department',
  'Job Title',
  'Mobile Phone',
  'Business Phone',
  'Company Main Phone',
  'Home Phone',
  'Business Fax',
  'E-mail Address',
  'E-mail 2 Address',
  'Birthday',
  'Web Page',
  'Business Address',
  'Home Address',
  'Notes',
];

/**
 * An address book's cards as rows, one a person with their company (ORG) beside them, for the
 * same import as a sheet: people grouped into customers by company, matched and merged the same
 * way; a card without ORG is a person to place. A card that could not be read keeps its name only.
 */
export function gridOfCards(cards: CardRead[], name: string): Grid {
  const many = (list: string[] | undefined) => (list ?? []).join(' ::: ');
  const rows = cards.map((c) => {
    const p = c.person ?? c.draft;
    const k = c.company;
    return [
      p?.name ?? '',
      k?.org ?? '',
      k?.department ?? '',
      p?.title ?? '',
      p?.mobile ?? '',
      p?.directLine ?? '',
      many(k?.mainPhones),
      // The card already chose the direct line: a pager, an assistant's or a second mobile is
      // not one, so they go with the home numbers, which rows.ts keeps in the person's notes.
      many([...(k?.otherPhones ?? []), ...(k?.homePhones ?? [])]),
      many(k?.fax),
      p?.email ?? '',
      many(k?.otherEmails),
      p?.birthday && p.birthdayLunar ? `农历 ${p.birthday}` : (p?.birthday ?? ''),
      k?.website ?? '',
      k?.workAddress ?? '',
      p?.homeAddress ?? '',
      p?.preferences ?? '',
    ];
  });
  return { name, rows: [CARD_HEADERS, ...rows], rowNumbers: [1, ...cards.map((c) => c.index + 2)] };
}
