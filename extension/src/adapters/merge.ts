import {
  CAPTURE_LIMITS,
  type Capture,
  type CapturedCompany,
  type CapturedPerson,
  findPhones,
  hasPublicSuffix,
  normaliseEmail,
  normalisePhone,
  phoneDigits,
} from '@dossier/shared';
import { clean } from './dom.ts';
import { pageIsForeign, phonesIn } from './phones.ts';

const INTERNATIONAL = /^\s*(?:tel:)?\s*\(?\s*(?:\+|00)/i;

/**
 * What one extractor found: a company (or nothing) and people. Extractors each return one of
 * these and they are merged in order of trust — the earlier source wins a field, lists are
 * unioned without duplicates.
 */
export interface Found {
  company: CapturedCompany | null;
  people: CapturedPerson[];
}

export const emptyCompany = (): CapturedCompany => ({ phones: [], faxes: [], emails: [], products: [] });
export const nothing = (): Found => ({ company: null, people: [] });

/**
 * A phone as stored in a capture: E.164 (";ext=" for extensions). Explicitly marked-up numbers
 * (tel: links, itemprop="telephone") that libphonenumber cannot place are kept as written
 * rather than dropped — the page says it is a phone.
 */
function phoneValue(raw: string | undefined, explicit = false): string | undefined {
  if (!raw) return undefined;
  // On a page not in Chinese a number without its country code is not read the Chinese way.
  if (pageIsForeign() && !INTERNATIONAL.test(raw)) {
    const found = phonesIn(raw.replace(/^\s*tel:/i, ''), { nanp: true, asWritten: explicit });
    if (found.length === 1) return found[0]?.value;
    const text = clean(raw.replace(/^tel:/i, ''));
    return explicit && found.length === 0 && phoneDigits(text).length >= 5 ? text : undefined;
  }
  const n = normalisePhone(raw);
  if (n) return n;
  const text = clean(raw.replace(/^tel:/i, ''));
  return explicit && phoneDigits(text).length >= 5 ? text : undefined;
}

export const isMobile = (raw: string): boolean => findPhones(raw.replace(/;ext=/, ' ext ')).at(0)?.type === 'mobile';

function emailValue(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const addr = normaliseEmail(decodeURIComponent(raw.replace(/^mailto:/i, '').split('?')[0] ?? ''));
  // A page's address must be one mail can reach: a mistyped ending (.coms) is left out.
  return addr && hasPublicSuffix(addr.slice(addr.lastIndexOf('@') + 1)) ? addr : undefined;
}

const textKey = (s: string) => clean(s).toLowerCase();

function union(a: string[], b: string[], key: (s: string) => string): string[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}

/**
 * The numbers of a list, to tell whether another is one of them: by digits, and an E.164
 * number (+4989231416666) is also the same as that number written nationally, as a page
 * prints it (089 231416666) — its digits after a country code of one to three digits are the
 * national ones without the trunk 0.
 */
export class PhoneSet {
  private readonly full = new Set<string>();
  private readonly e164Tails = new Set<string>();
  private readonly national = new Set<string>();
  size = 0;

  private static digits = (p: string) => phoneDigits(p.replace(/;ext=/, 'x')) || p;

  has(p: string): boolean {
    const d = PhoneSet.digits(p);
    if (p.startsWith('+')) {
      if (this.full.has(d)) return true;
      for (let cc = 1; cc <= 3; cc++) if (this.national.has(d.slice(cc))) return true;
      return false;
    }
    const n = d.replace(/^0/, '');
    return this.full.has(d) || this.national.has(n) || this.e164Tails.has(n);
  }

  add(p: string): void {
    const d = PhoneSet.digits(p);
    this.size++;
    if (p.startsWith('+')) {
      this.full.add(d);
      for (let cc = 1; cc <= 3; cc++) this.e164Tails.add(d.slice(cc));
    } else {
      this.full.add(d);
      this.national.add(d.replace(/^0/, ''));
    }
  }

  static of(list: string[]): PhoneSet {
    const set = new PhoneSet();
    for (const p of list) set.add(p);
    return set;
  }
}

/** Both lists' numbers, each once; the E.164 form of a number wins over its national print. */
function unionPhones(a: string[], b: string[]): string[] {
  const seen = PhoneSet.of(a);
  const out = [...a];
  for (const x of b) {
    if (!seen.has(x)) {
      seen.add(x);
      out.push(x);
    } else if (x.startsWith('+')) {
      const k = out.findIndex((y) => !y.startsWith('+') && PhoneSet.of([y]).has(x));
      if (k >= 0) out[k] = x;
    }
  }
  return out;
}

// The numbers of a list, kept beside the list so that adding the n-th is one look-up (a page
// of 3,000 tel: links was 4.5 million comparisons). Rebuilt when the list was changed by other
// means than addNumber.
const listKeys = new WeakMap<string[], PhoneSet>();

export function addPhone(list: string[], raw: string | undefined, explicit = false): void {
  addNumber(list, phoneValue(raw, explicit));
}

/** Add a number already read (phonesIn's E.164 or as-written value) as it is, once. */
export function addNumber(list: string[], v: string | undefined): void {
  if (!v) return;
  let keys = listKeys.get(list);
  if (!keys || keys.size !== list.length) {
    keys = PhoneSet.of(list);
    listKeys.set(list, keys);
  }
  if (keys.has(v)) return;
  keys.add(v);
  list.push(v);
}

export function addEmail(list: string[], raw: string | undefined): void {
  const v = emailValue(raw);
  if (v && !list.includes(v)) list.push(v);
}

export function mergeCompany(a: CapturedCompany | null, b: CapturedCompany | null): CapturedCompany | null {
  if (!a) return b ? { ...b } : null;
  if (!b) return a;
  const out: CapturedCompany = {
    ...a,
    phones: unionPhones(a.phones, b.phones),
    faxes: unionPhones(a.faxes, b.faxes),
    emails: union(a.emails, b.emails, textKey),
    products: union(a.products, b.products, textKey),
  };
  for (const k of ['name', 'creditCode', 'icp', 'website', 'address', 'businessScope'] as const) {
    if (out[k] === undefined && b[k] !== undefined) out[k] = b[k];
  }
  return out;
}

/** People are the same person when their names match (whitespace and case aside). */
export function mergePeople(a: CapturedPerson[], b: CapturedPerson[]): CapturedPerson[] {
  const out = a.map((p) => ({ ...p }));
  for (const p of b) {
    const same = out.find((q) => textKey(q.name) === textKey(p.name));
    if (!same) {
      out.push({ ...p });
      continue;
    }
    for (const k of ['title', 'mobile', 'phone', 'email'] as const) {
      if (same[k] === undefined && p[k] !== undefined) same[k] = p[k];
    }
  }
  return out;
}

export function mergeFound(...parts: Found[]): Found {
  let company: CapturedCompany | null = null;
  let people: CapturedPerson[] = [];
  for (const f of parts) {
    company = mergeCompany(company, f.company);
    people = mergePeople(people, f.people);
  }
  return { company, people };
}

/** A company with nothing in it is no company. */
function isEmptyCompany(c: CapturedCompany | null): boolean {
  if (!c) return true;
  const scalar = ['name', 'creditCode', 'icp', 'website', 'address', 'businessScope'] as const;
  return (
    scalar.every((k) => c[k] === undefined) &&
    !c.phones.length &&
    !c.faxes.length &&
    !c.emails.length &&
    !c.products.length
  );
}

// The wire schema caps every string (shared/src/schemas/common.ts); a page can hold more (a
// 经营范围 of several thousand characters), so values are cut to fit rather than rejected.
const LIMIT: Record<string, number> = {
  url: 2000,
  website: 500,
  address: 500,
  location: 500,
  businessScope: 4000,
  email: 320,
  fromEmail: 320,
  subject: 1000,
};
const clip = (key: string, v: string) => v.slice(0, LIMIT[key] ?? 200).trim();

function fitLimits<T extends object>(o: T, listLimit: Record<string, number> = {}): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined || v === '') continue;
    if (typeof v === 'string') out[k] = clip(k, v);
    else if (Array.isArray(v))
      out[k] = v.map((x) => (typeof x === 'string' ? x.slice(0, listLimit[k] ?? 200).trim() : x));
    else out[k] = v;
  }
  return out as T;
}

/** The first `max` of a list, and a note of how many were left out ("showing the first 50 of 40,009"). */
function firstOf<T>(list: T[], max: number, what: string, notes: string[]): T[] {
  if (list.length <= max) return list;
  notes.push(`showing the first ${max} of ${list.length.toLocaleString('en')} ${what}`);
  return list.slice(0, max);
}

/**
 * Drop absent optional fields, cut overlong values and keep each list within what one page can
 * hold (CAPTURE_LIMITS), so that captures compare, serialise and validate.
 */
export function tidy(c: Capture): Capture {
  const { warnings, ...rest } = c;
  const notes: string[] = [];
  const L = CAPTURE_LIMITS;
  const co = c.company && !isEmptyCompany(c.company) ? fitLimits(c.company, { emails: 320 }) : null;
  const company = co && {
    ...co,
    phones: firstOf(co.phones, L.phones, 'phones', notes),
    faxes: firstOf(co.faxes, L.phones, 'fax numbers', notes),
    emails: firstOf(co.emails, L.emails, 'e-mails', notes),
    products: firstOf(co.products, L.products, 'products', notes),
  };
  const people = firstOf(c.people, L.people, 'people', notes).map((p) => fitLimits(p));
  const parcels = firstOf(c.parcels, L.parcels, 'parcels', notes).map((p) => fitLimits(p));
  const all = [...(warnings ?? []), ...notes].slice(0, L.warnings).map((w) => w.slice(0, 500));
  return {
    ...rest,
    url: clip('url', c.url),
    company,
    people,
    parcels,
    message: c.message ? fitLimits(c.message) : null,
    ...(all.length ? { warnings: all } : {}),
  };
}

/** A person from a name and whatever else is known; phones sorted into mobile / direct line. */
export function person(name: string, f: { title?: string; phones?: string[]; email?: string }): CapturedPerson {
  const p: CapturedPerson = { name: clean(name) };
  if (f.title) p.title = clean(f.title);
  for (const raw of f.phones ?? []) {
    const v = phoneValue(raw, true);
    if (!v) continue;
    if (isMobile(v) && !p.mobile) p.mobile = v;
    else if (!isMobile(v) && !p.phone) p.phone = v;
  }
  const e = emailValue(f.email);
  if (e) p.email = e;
  return p;
}
