/**
 * Scoring a capture against what a careful person would clip from the page (an expected.json of
 * ../shared/fixtures/real-pages), field by field, by the comparison rule of that set's README:
 * every scored unit is a true positive, a false positive or a false negative, and each unit
 * carries the kind of field it belongs to so that results can be summed per kind.
 */

/** The expected result: the shape of a capture, every key optional (an absent key is not scored). */
export interface Expected {
  url?: string;
  kind?: string;
  company?: Partial<Record<'name' | 'creditCode' | 'icp' | 'website' | 'address' | 'businessScope', string>> &
    Partial<Record<'phones' | 'faxes' | 'emails' | 'products', string[]>>;
  people?: { name: string; title?: string; mobile?: string; phone?: string; email?: string }[];
  message?: { fromName?: string; fromEmail?: string; subject?: string; date?: string } | null;
  parcels?: ExpectedParcel[];
}

export interface ExpectedParcel {
  parcelNo?: string;
  location?: string;
  areaM2?: number | string;
  use?: string;
  method?: string;
  startPrice?: number | string;
  dealPrice?: number | string;
  dealDate?: string;
  winner?: string;
}

/** What an extractor printed: loosely typed, since a broken one may print anything. */
export type Output = Record<string, unknown>;

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface CaseScore extends Tally {
  /** Per field kind ("company.phones", "person.email", "parcel.dealPrice", …). */
  byKind: Map<string, Tally>;
  /** What went wrong, in the order it was found. */
  mismatches: string[];
}

export const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

const ratio = (a: number, b: number, other: number) => (a + b === 0 ? (other === 0 ? 1 : 0) : a / (a + b));

/** Precision, recall and F1 of a tally (an empty denominator gives 1 when the other count is 0). */
export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = ratio(t.tp, t.fp, t.fn);
  const r = ratio(t.tp, t.fn, t.fp);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1 };
}

// ---------------------------------------------------------------------------------------------
// Normal forms
// ---------------------------------------------------------------------------------------------

/** NFKC, lower case, no whitespace, punctuation or symbols. */
export const normText = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** Equal after normText, or the shorter inside the longer and at least `min` of its length. */
export function sameText(a: unknown, b: unknown, min = 1): boolean {
  const x = normText(a);
  const y = normText(b);
  if (!x || !y) return false;
  if (x === y) return true;
  if (min >= 1) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long.includes(short) && short.length >= min * long.length;
}

export const normEmail = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<|>$/g, '')
    .trim()
    .toLowerCase();

export const normWebsite = (s: unknown): string =>
  String(s ?? '')
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');

export const normIcp = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/(号)[-—–]\d+$/, '$1')
    .replace(/[-—–]\d+$/, '');

export const normCredit = (s: unknown): string =>
  String(s ?? '')
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '');

const COUNTRY_CODES = ['852', '853', '886', '86', '44', '61', '65', '81', '82', '49', '33', '1', '7'];

/**
 * A phone as digits: a leading +/00 country code from the list dropped (also 86… with 12+
 * digits, and a NANP "1-…" prefix), then one leading trunk 0; an extension stays as digits.
 */
export function phoneKey(raw: unknown): string {
  const s = String(raw ?? '')
    .normalize('NFKC')
    .trim()
    .replace(/^tel:/i, '');
  let d = s.replace(/\D+/g, '');
  const intl = /^\(?\s*(?:\+|00)/.exec(s);
  if (intl) {
    if (d.startsWith('00')) d = d.slice(2);
    const code = COUNTRY_CODES.find((c) => d.startsWith(c));
    if (code) d = d.slice(code.length);
  } else if (d.startsWith('86') && d.length >= 12) d = d.slice(2);
  else if (d.length === 11 && /^1\s*[-.\s(]/.test(s)) d = d.slice(1);
  if (d.startsWith('0')) d = d.slice(1);
  return d;
}

const phoneDigitsOnly = (raw: unknown) => String(raw ?? '').replace(/\D+/g, '');

export const samePhone = (a: unknown, b: unknown): boolean => {
  const x = phoneKey(a);
  return x !== '' && x === phoneKey(b);
};

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return undefined;
}

const sameNumber = (a: unknown, b: unknown) => {
  const x = num(a);
  const y = num(b);
  if (x === undefined || y === undefined) return false;
  if (x === y) return true;
  return Math.abs(x - y) <= 0.005 * Math.max(Math.abs(x), Math.abs(y));
};

const day = (s: unknown) => /(\d{4}-\d{2}-\d{2})/.exec(String(s ?? ''))?.[1];
const minute = (s: unknown) => /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})/.exec(String(s ?? ''))?.[1];
const METHOD = /挂牌|拍卖|招标|协议|划拨/;
const useText = (s: unknown) => normText(String(s ?? '').replace(/用地|土地/g, ''));
const winners = (s: unknown) =>
  String(s ?? '')
    .split(/[、,，;；/]/)
    .map(normText)
    .filter(Boolean)
    .sort()
    .join('|');
const alnum = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

type Same = (a: unknown, b: unknown) => boolean;

const PARCEL_FIELDS: Record<keyof ExpectedParcel, Same> = {
  parcelNo: (a, b) => sameText(a, b) || (alnum(a) !== '' && alnum(a) === alnum(b)),
  location: (a, b) => sameText(a, b, 0.6),
  areaM2: sameNumber,
  use: (a, b) => {
    const x = useText(a);
    const y = useText(b);
    return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
  },
  method: (a, b) => {
    const x = METHOD.exec(String(a ?? ''))?.[0];
    return x !== undefined && x === METHOD.exec(String(b ?? ''))?.[0];
  },
  startPrice: sameNumber,
  dealPrice: sameNumber,
  dealDate: (a, b) => day(a) !== undefined && day(a) === day(b),
  winner: (a, b) => winners(a) !== '' && winners(a) === winners(b),
};

const SCALARS: Record<string, Same> = {
  name: (a, b) => sameText(a, b, 0.85),
  creditCode: (a, b) => normCredit(a) !== '' && normCredit(a) === normCredit(b),
  icp: (a, b) => normIcp(a) !== '' && normIcp(a) === normIcp(b),
  website: (a, b) => normWebsite(a) !== '' && normWebsite(a) === normWebsite(b),
  address: (a, b) => sameText(a, b, 0.6),
  businessScope: (a, b) => sameText(a, b, 0.8),
};

const MESSAGE: Record<string, Same> = {
  fromName: (a, b) => sameText(a, b, 0.85),
  fromEmail: (a, b) => normEmail(a) !== '' && normEmail(a) === normEmail(b),
  subject: (a, b) => sameText(a, b, 0.8),
  date: (a, b) => minute(a) !== undefined && minute(a) === minute(b),
};

// ---------------------------------------------------------------------------------------------
// The score of one case
// ---------------------------------------------------------------------------------------------

const obj = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const present = (v: unknown) => v !== undefined && v !== null && v !== '';
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v ?? null));

class Scorer {
  readonly s: CaseScore = { tp: 0, fp: 0, fn: 0, byKind: new Map(), mismatches: [] };

  add(kind: string, what: 'tp' | 'fp' | 'fn', n = 1, note?: string): void {
    if (n <= 0) return;
    this.s[what] += n;
    let t = this.s.byKind.get(kind);
    if (!t) {
      t = emptyTally();
      this.s.byKind.set(kind, t);
    }
    t[what] += n;
    if (note && what !== 'tp') this.s.mismatches.push(`${what} ${kind}: ${note}`);
  }

  /** A scalar scored only when expected: missing → fn; wrong → fn + fp; right → tp. */
  scalar(kind: string, want: unknown, got: unknown, same: Same): void {
    if (!present(want)) return;
    if (!present(got)) this.add(kind, 'fn', 1, `missing ${show(want)}`);
    else if (same(want, got)) this.add(kind, 'tp');
    else {
      this.add(kind, 'fn', 1, `${show(got)} ≠ expected ${show(want)}`);
      this.add(kind, 'fp');
    }
  }
}

/** Every phone-like and e-mail value the expected result holds anywhere on the page. */
function expectedEverywhere(e: Expected): { phones: string[]; emails: string[] } {
  const c = e.company ?? {};
  const phones = [...(c.phones ?? []), ...(c.faxes ?? [])];
  const emails = [...(c.emails ?? [])];
  for (const p of e.people ?? []) {
    if (p.mobile) phones.push(p.mobile);
    if (p.phone) phones.push(p.phone);
    if (p.email) emails.push(p.email);
  }
  if (e.message?.fromEmail) emails.push(e.message.fromEmail);
  return { phones, emails };
}

function scoreList(
  sc: Scorer,
  kind: string,
  want: string[] | undefined,
  gotRaw: unknown,
  same: Same,
  extras: { counted: boolean; neutral: (v: unknown) => boolean },
): void {
  const got: unknown[] = [];
  for (const g of list(gotRaw)) if (!got.some((x) => same(x, g))) got.push(g);
  const used = new Set<number>();
  for (const w of want ?? []) {
    const k = got.findIndex((g, i) => !used.has(i) && same(w, g));
    if (k >= 0) {
      used.add(k);
      sc.add(kind, 'tp');
    } else sc.add(kind, 'fn', 1, `missing ${show(w)}`);
  }
  if (!extras.counted) return;
  got.forEach((g, i) => {
    if (used.has(i) || (want ?? []).some((w) => same(w, g)) || extras.neutral(g)) return;
    sc.add(kind, 'fp', 1, `extra ${show(g)}`);
  });
}

function scorePeople(sc: Scorer, e: Expected, gotRaw: unknown, everywhere: { phones: string[]; emails: string[] }) {
  const want = e.people ?? [];
  const got = list(gotRaw).map(obj);
  const taken = new Set<number>();
  const match: (number | undefined)[] = want.map((w) => {
    const k = got.findIndex(
      (g, i) => !taken.has(i) && normText(g.name) !== '' && normText(g.name) === normText(w.name),
    );
    if (k >= 0) taken.add(k);
    return k >= 0 ? k : undefined;
  });
  want.forEach((w, j) => {
    if (match[j] !== undefined) return;
    const k = got.findIndex((g, i) => !taken.has(i) && sameText(g.name, w.name, 0.6));
    if (k >= 0) {
      taken.add(k);
      match[j] = k;
    }
  });
  const anywherePhone = (v: unknown) => everywhere.phones.some((p) => samePhone(p, v));
  const anywhereEmail = (v: unknown) => everywhere.emails.some((m) => normEmail(m) === normEmail(v));
  want.forEach((w, j) => {
    const k = match[j];
    const wantNumbers = [w.mobile, w.phone].filter(present) as string[];
    const units = 1 + (w.title ? 1 : 0) + wantNumbers.length + (w.email ? 1 : 0);
    if (k === undefined) {
      sc.add('people', 'fn', 1, `person ${show(w.name)} not found`);
      if (w.title) sc.add('person.title', 'fn');
      sc.add('person.numbers', 'fn', wantNumbers.length);
      if (w.email) sc.add('person.email', 'fn');
      void units;
      return;
    }
    const g = got[k] ?? {};
    sc.add('people', 'tp');
    if (w.title) {
      if (!present(g.title)) sc.add('person.title', 'fn', 1, `${w.name}: title missing ${show(w.title)}`);
      else if (sameText(w.title, g.title, 0.5)) sc.add('person.title', 'tp');
      else sc.add('person.title', 'fn', 1, `${w.name}: title ${show(g.title)} ≠ ${show(w.title)}`);
    }
    const gotNumbers = [g.mobile, g.phone].filter(present);
    const usedNumbers = new Set<number>();
    for (const n of wantNumbers) {
      const i = gotNumbers.findIndex((x, q) => !usedNumbers.has(q) && samePhone(n, x));
      if (i >= 0) {
        usedNumbers.add(i);
        sc.add('person.numbers', 'tp');
      } else sc.add('person.numbers', 'fn', 1, `${w.name}: number ${show(n)} missing`);
    }
    gotNumbers.forEach((x, q) => {
      if (!usedNumbers.has(q) && !anywherePhone(x))
        sc.add('person.numbers', 'fp', 1, `${w.name}: extra number ${show(x)}`);
    });
    if (w.email) {
      if (present(g.email) && normEmail(g.email) === normEmail(w.email)) sc.add('person.email', 'tp');
      else {
        sc.add('person.email', 'fn', 1, `${w.name}: e-mail ${show(g.email)} ≠ ${show(w.email)}`);
        if (present(g.email) && !anywhereEmail(g.email)) sc.add('person.email', 'fp');
      }
    } else if (present(g.email) && !anywhereEmail(g.email))
      sc.add('person.email', 'fp', 1, `${w.name}: extra e-mail ${show(g.email)}`);
  });
  got.forEach((g, i) => {
    if (taken.has(i)) return;
    sc.add('people', 'fp', 1, `extra person ${show(g.name)}${present(g.title) ? ` (${g.title})` : ''}`);
    for (const n of [g.mobile, g.phone]) if (present(n) && !anywherePhone(n)) sc.add('person.numbers', 'fp');
    if (present(g.email) && !anywhereEmail(g.email)) sc.add('person.email', 'fp');
  });
}

const PARCEL_KEYS = Object.keys(PARCEL_FIELDS) as (keyof ExpectedParcel)[];
const EXTRA_ON_MATCH: (keyof ExpectedParcel)[] = ['startPrice', 'dealPrice', 'dealDate', 'winner'];

function scoreParcels(sc: Scorer, want: ExpectedParcel[], gotRaw: unknown): void {
  const got = list(gotRaw).map(obj);
  const taken = new Set<number>();
  const find = (pred: (g: Record<string, unknown>) => boolean) => {
    const k = got.findIndex((g, i) => !taken.has(i) && pred(g));
    if (k >= 0) taken.add(k);
    return k >= 0 ? k : undefined;
  };
  const match = want.map((w) =>
    present(w.parcelNo)
      ? find((g) => present(g.parcelNo) && PARCEL_FIELDS.parcelNo(w.parcelNo, g.parcelNo))
      : undefined,
  );
  want.forEach((w, j) => {
    if (match[j] === undefined && present(w.location))
      match[j] = find((g) => present(g.location) && PARCEL_FIELDS.location(w.location, g.location));
  });
  want.forEach((w, j) => {
    if (match[j] !== undefined) return;
    const keys: (keyof ExpectedParcel)[] = ['areaM2', 'startPrice', 'dealPrice', 'dealDate', 'winner', 'use'];
    match[j] = find((g) => keys.filter((f) => present(w[f]) && PARCEL_FIELDS[f](w[f], g[f])).length >= 2);
  });
  want.forEach((w, j) => {
    const k = match[j];
    const g = k === undefined ? undefined : got[k];
    const label = w.parcelNo ?? w.location ?? `#${j + 1}`;
    for (const f of PARCEL_KEYS) {
      if (!present(w[f])) continue;
      if (!g) sc.add(`parcel.${f}`, 'fn', 1, `parcel ${show(label)} not found: ${f}`);
      else sc.scalar(`parcel.${f}`, w[f], g[f], PARCEL_FIELDS[f]);
    }
    if (g)
      for (const f of EXTRA_ON_MATCH)
        if (!present(w[f]) && present(g[f]))
          sc.add(`parcel.${f}`, 'fp', 1, `parcel ${show(label)}: extra ${f} ${show(g[f])}`);
  });
  got.forEach((g, i) => {
    if (taken.has(i)) return;
    const dup = want.some(
      (w) =>
        (present(w.parcelNo) && present(g.parcelNo) && PARCEL_FIELDS.parcelNo(w.parcelNo, g.parcelNo)) ||
        (present(w.location) && present(g.location) && PARCEL_FIELDS.location(w.location, g.location)),
    );
    const filled = PARCEL_KEYS.filter((f) => present(g[f])).length;
    sc.add('parcels.extra', 'fp', dup ? 1 : filled, `extra parcel ${show(g.parcelNo ?? g.location ?? '')}`);
  });
}

/** Score one extractor output against one expected result. `output` null: the extractor crashed. */
export function scoreCase(e: Expected, output: Output | null): CaseScore & { crashed: boolean } {
  const sc = new Scorer();
  if (output === null) return { ...sc.s, crashed: true };
  if (e.kind !== undefined) sc.scalar('kind', e.kind, output.kind, (a, b) => a === b);
  const everywhere = expectedEverywhere(e);
  const wc = e.company;
  const gc = obj(output.company);
  if (wc) {
    for (const [k, same] of Object.entries(SCALARS))
      sc.scalar(`company.${k}`, (wc as Record<string, unknown>)[k], gc[k], same);
    const phoneNeutral = (v: unknown) => (e.people ?? []).some((p) => samePhone(p.mobile, v) || samePhone(p.phone, v));
    const emailNeutral = (v: unknown) => everywhere.emails.some((m) => normEmail(m) === normEmail(v));
    scoreList(sc, 'company.phones', wc.phones, gc.phones, samePhone, { counted: true, neutral: phoneNeutral });
    scoreList(sc, 'company.emails', wc.emails, gc.emails, (a, b) => normEmail(a) === normEmail(b), {
      counted: true,
      neutral: emailNeutral,
    });
    scoreList(sc, 'company.faxes', wc.faxes, gc.faxes, samePhone, {
      counted: wc.faxes !== undefined,
      neutral: () => false,
    });
    scoreList(sc, 'company.products', wc.products, gc.products, (a, b) => sameText(a, b, 0.8), {
      counted: wc.products !== undefined,
      neutral: () => false,
    });
  }
  if (e.people !== undefined) scorePeople(sc, e, output.people, everywhere);
  if (e.message) {
    const gm = obj(output.message);
    for (const [k, same] of Object.entries(MESSAGE))
      sc.scalar(`message.${k}`, (e.message as Record<string, unknown>)[k], gm[k], same);
  }
  if (e.parcels !== undefined) scoreParcels(sc, e.parcels, output.parcels);
  return { ...sc.s, crashed: false };
}

/** Every phone, fax and e-mail value a capture holds, anywhere in it. */
export function captureContacts(output: Output): { phones: string[]; emails: string[] } {
  const c = obj(output.company);
  const phones = [...list(c.phones), ...list(c.faxes)].map(String);
  const emails = list(c.emails).map(String);
  for (const p of list(output.people).map(obj)) {
    for (const n of [p.mobile, p.phone]) if (present(n)) phones.push(String(n));
    if (present(p.email)) emails.push(String(p.email));
  }
  const m = obj(output.message);
  if (present(m.fromEmail)) emails.push(String(m.fromEmail));
  return { phones, emails };
}

/** A number recalled: the same by the scoring rule, or the same digits as written. */
export const phoneRecalled = (want: string, got: string[]): boolean =>
  got.some(
    (g) => samePhone(want, g) || (phoneDigitsOnly(want).length >= 5 && phoneDigitsOnly(want) === phoneDigitsOnly(g)),
  );
