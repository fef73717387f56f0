import { Capture, type CapturedParcel, normaliseCreditCode } from '@dossier/shared';
import { displayPhone } from './phone-display.ts';

/**
 * The capture as the user reviews it: every field editable (as text) and tickable. Unticked
 * or emptied fields are not sent; nothing is sent that the user did not see.
 */
export interface Tick {
  value: string;
  on: boolean;
}

export const SCALARS = ['name', 'creditCode', 'icp', 'website', 'address', 'businessScope'] as const;
export type Scalar = (typeof SCALARS)[number];
export const LISTS = ['phones', 'faxes', 'emails', 'products'] as const;
export type ListField = (typeof LISTS)[number];

export const PERSON_FIELDS = ['name', 'title', 'mobile', 'phone', 'email'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export type PersonDraft = { on: boolean } & Record<PersonField, string>;

export const PARCEL_FIELDS = [
  'parcelNo',
  'location',
  'areaM2',
  'use',
  'method',
  'startPrice',
  'dealPrice',
  'dealDate',
  'winner',
] as const;
export type ParcelField = (typeof PARCEL_FIELDS)[number];
export type ParcelDraft = { on: boolean; currency?: string } & Record<ParcelField, string>;

export interface PreviewState {
  /** What the page gave: url, kind, adapter, message and warnings travel unchanged. */
  base: Capture;
  company: Record<Scalar, Tick> & Record<ListField, Tick[]>;
  people: PersonDraft[];
  parcels: ParcelDraft[];
}

export type PreviewAction =
  | { type: 'tickField'; field: Scalar; on: boolean }
  | { type: 'editField'; field: Scalar; value: string }
  | { type: 'tickItem'; list: ListField; index: number; on: boolean }
  | { type: 'editItem'; list: ListField; index: number; value: string }
  | { type: 'addItem'; list: ListField }
  | { type: 'tickPerson'; index: number; on: boolean }
  | { type: 'editPerson'; index: number; field: PersonField; value: string }
  | { type: 'addPerson' }
  | { type: 'tickParcel'; index: number; on: boolean }
  | { type: 'editParcel'; index: number; field: ParcelField; value: string }
  /** Parcels read with the capture but handed over after its preview; `from`: where they go. */
  | { type: 'addParcels'; from: number; parcels: CapturedParcel[] };

const tick = (value: string | undefined): Tick => ({ value: value ?? '', on: true });
const PHONE_LISTS: ReadonlySet<ListField> = new Set(['phones', 'faxes']);

const numberText = (n: number | undefined) => (n === undefined ? '' : String(n));

export function fromCapture(c: Capture): PreviewState {
  const co = c.company;
  const company = {} as PreviewState['company'];
  for (const f of SCALARS) company[f] = tick(co?.[f]);
  for (const l of LISTS) {
    const values = co?.[l] ?? [];
    company[l] = values.map((v) => tick(PHONE_LISTS.has(l) ? displayPhone(v) : v));
  }
  return {
    base: c,
    company,
    people: c.people.map((p) => ({
      on: true,
      name: p.name,
      title: p.title ?? '',
      mobile: p.mobile ? displayPhone(p.mobile) : '',
      phone: p.phone ? displayPhone(p.phone) : '',
      email: p.email ?? '',
    })),
    parcels: c.parcels.map(parcelDraft),
  };
}

function parcelDraft(p: CapturedParcel): ParcelDraft {
  return {
    on: true,
    ...(p.currency ? { currency: p.currency } : {}),
    parcelNo: p.parcelNo ?? '',
    location: p.location ?? '',
    areaM2: numberText(p.areaM2),
    use: p.use ?? '',
    method: p.method ?? '',
    startPrice: numberText(p.startPrice),
    dealPrice: numberText(p.dealPrice),
    dealDate: p.dealDate ?? '',
    winner: p.winner ?? '',
  };
}

const at = <T>(list: T[], index: number, fn: (x: T) => T): T[] => list.map((x, i) => (i === index ? fn(x) : x));

export function previewReducer(s: PreviewState, a: PreviewAction): PreviewState {
  switch (a.type) {
    case 'tickField':
      return { ...s, company: { ...s.company, [a.field]: { ...s.company[a.field], on: a.on } } };
    case 'editField':
      // Typing into a field means it is wanted.
      return { ...s, company: { ...s.company, [a.field]: { value: a.value, on: true } } };
    case 'tickItem':
      return { ...s, company: { ...s.company, [a.list]: at(s.company[a.list], a.index, (t) => ({ ...t, on: a.on })) } };
    case 'editItem':
      return {
        ...s,
        company: { ...s.company, [a.list]: at(s.company[a.list], a.index, () => ({ value: a.value, on: true })) },
      };
    case 'addItem':
      return { ...s, company: { ...s.company, [a.list]: [...s.company[a.list], { value: '', on: true }] } };
    case 'tickPerson':
      return { ...s, people: at(s.people, a.index, (p) => ({ ...p, on: a.on })) };
    case 'editPerson':
      return { ...s, people: at(s.people, a.index, (p) => ({ ...p, [a.field]: a.value })) };
    case 'addPerson':
      return { ...s, people: [...s.people, { on: true, name: '', title: '', mobile: '', phone: '', email: '' }] };
    case 'tickParcel':
      return { ...s, parcels: at(s.parcels, a.index, (p) => ({ ...p, on: a.on })) };
    case 'editParcel':
      return { ...s, parcels: at(s.parcels, a.index, (p) => ({ ...p, [a.field]: a.value })) };
    case 'addParcels':
      // Once, where they belong: the same parcels handed over twice are not added twice.
      if (s.parcels.length !== a.from) return s;
      return { ...s, parcels: [...s.parcels, ...a.parcels.map(parcelDraft)] };
  }
}

/** What is wrong with the edits, per field id (`company.creditCode`, `people.0.name`, `parcels.1.areaM2`). */
export type ProblemCode = 'creditCode' | 'number' | 'date' | 'personName';
export interface Problem {
  where: string;
  code: ProblemCode;
}

const NUMERIC: readonly ParcelField[] = ['areaM2', 'startPrice', 'dealPrice'];

/** "56,721" / "56 721" / "5.2e8" → number; null when it is not a non-negative number. */
function parseAmount(s: string): number | null {
  const t = s.replace(/[,，\s]/g, '');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

const validDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

export function previewProblems(s: PreviewState): Problem[] {
  const out: Problem[] = [];
  const code = s.company.creditCode;
  if (code.on && code.value.trim() && !normaliseCreditCode(code.value)) {
    out.push({ where: 'company.creditCode', code: 'creditCode' });
  }
  s.people.forEach((p, i) => {
    const filled = PERSON_FIELDS.some((f) => p[f].trim());
    if (p.on && filled && !p.name.trim()) out.push({ where: `people.${i}.name`, code: 'personName' });
  });
  s.parcels.forEach((p, i) => {
    if (!p.on) return;
    for (const f of NUMERIC)
      if (p[f].trim() && parseAmount(p[f]) === null) out.push({ where: `parcels.${i}.${f}`, code: 'number' });
    if (p.dealDate.trim() && !validDate(p.dealDate.trim())) out.push({ where: `parcels.${i}.dealDate`, code: 'date' });
  });
  return out;
}

const kept = (t: Tick) => (t.on ? t.value.trim() : '');
const optional = <K extends string>(k: K, v: string) => (v ? ({ [k]: v } as Record<K, string>) : {});

/**
 * The capture to send: only ticked, non-empty values, trimmed; no company at all when nothing
 * of it is kept. Throws when `previewProblems` has something to say (the Save buttons wait
 * for those to be fixed).
 */
export function toCapture(s: PreviewState): Capture {
  const c = s.company;
  const scalars: Partial<Record<Scalar, string>> = {};
  for (const f of SCALARS) {
    const v = kept(c[f]);
    if (v) scalars[f] = f === 'creditCode' ? (normaliseCreditCode(v) ?? v) : v;
  }
  const lists = {} as Record<ListField, string[]>;
  for (const l of LISTS) lists[l] = [...new Set(c[l].map(kept).filter(Boolean))];
  const anything = Object.keys(scalars).length > 0 || LISTS.some((l) => lists[l].length > 0);

  const people = s.people
    .filter((p) => p.on && p.name.trim())
    .map((p) => ({
      name: p.name.trim(),
      ...optional('title', p.title.trim()),
      ...optional('mobile', p.mobile.trim()),
      ...optional('phone', p.phone.trim()),
      ...optional('email', p.email.trim()),
    }));

  const parcels = s.parcels
    .filter((p) => p.on)
    .map((p): CapturedParcel => {
      const out: CapturedParcel = {};
      for (const f of ['parcelNo', 'location', 'use', 'method', 'winner', 'dealDate'] as const) {
        const v = p[f].trim();
        if (v) out[f] = v;
      }
      for (const f of NUMERIC) {
        const n = parseAmount(p[f]);
        if (n !== null && (f === 'areaM2' || f === 'startPrice' || f === 'dealPrice')) out[f] = n;
      }
      if (p.currency) out.currency = p.currency;
      return out;
    })
    .filter((p) => Object.keys(p).some((k) => k !== 'currency'));

  return Capture.parse({
    ...s.base,
    company: anything ? { ...scalars, ...lists } : null,
    people,
    parcels,
  });
}

/** The name a new customer file gets: the company name as edited. */
export function newCustomerName(s: PreviewState): string {
  return kept(s.company.name);
}
