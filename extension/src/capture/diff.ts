import type { Capture, CapturedParcel, CapturedPerson } from '@dossier/shared';

/**
 * What changed on a page since its last saved capture: a new phone number, a person gone
 * from the team page, a parcel that has found its winner. Compared value by value, so the
 * order in which a page lists things does not count as a change.
 */
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface Change {
  /** `company.phones`, `people.title`, `parcels.winner`, … — the label to show. */
  field: string;
  kind: ChangeKind;
  /** The person's name or the parcel's number the change belongs to. */
  subject?: string;
  before?: string;
  after?: string;
}

const SCALARS = ['name', 'creditCode', 'icp', 'website', 'address', 'businessScope'] as const;
const LISTS = ['phones', 'faxes', 'emails', 'products'] as const;
const PERSON = ['title', 'mobile', 'phone', 'email'] as const;
const PARCEL = [
  'location',
  'areaM2',
  'use',
  'method',
  'startPrice',
  'dealPrice',
  'currency',
  'dealDate',
  'winner',
] as const satisfies ReadonlyArray<keyof CapturedParcel>;

const squash = (s: string) => s.replace(/[\s\u3000]+/g, ' ').trim();

/**
 * A phone number's identity for comparing two captures: its digits without China's country
 * code or trunk 0, so +8651687654321 and 0516-8765 4321 are one number (extensions count).
 * Deliberately simple — the panel does without the phone-number library the server uses.
 */
export function phoneKey(raw: string): string {
  const half = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  let digits = half.replace(/\D/g, '');
  if (/^\s*(?:\+|00)86/.test(half)) digits = digits.replace(/^(?:00)?86/, '');
  return digits.replace(/^0+/, '');
}

/** Same value however it is written: phones by digits, e-mails and the rest ignoring case and spacing. */
function sameKey(path: string, v: string): string {
  const field = path.slice(path.lastIndexOf('.') + 1);
  if (field === 'phones' || field === 'faxes' || field === 'mobile' || field === 'phone') {
    return phoneKey(v);
  }
  return squash(v).toLowerCase();
}

function scalar(out: Change[], field: string, before: string | undefined, after: string | undefined, subject?: string) {
  const b = before === undefined || before === '' ? undefined : before;
  const a = after === undefined || after === '' ? undefined : after;
  if (b === undefined && a === undefined) return;
  const s = subject === undefined ? {} : { subject };
  if (b === undefined) out.push({ field, kind: 'added', after: a, ...s });
  else if (a === undefined) out.push({ field, kind: 'removed', before: b, ...s });
  else if (sameKey(field, b) !== sameKey(field, a)) out.push({ field, kind: 'changed', before: b, after: a, ...s });
}

function list(out: Change[], field: string, before: readonly string[], after: readonly string[]) {
  const key = (v: string) => sameKey(field, v);
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  for (const v of after) if (!had.has(key(v))) out.push({ field, kind: 'added', after: v });
  for (const v of before) if (!has.has(key(v))) out.push({ field, kind: 'removed', before: v });
}

const personKey = (p: CapturedPerson) => squash(p.name);
const parcelKey = (p: CapturedParcel) => squash(p.parcelNo ?? p.location ?? '');
const str = (v: string | number | undefined) => (v === undefined ? undefined : String(v));

export function diffCaptures(before: Capture, after: Capture): Change[] {
  const out: Change[] = [];
  const bc = before.company;
  const ac = after.company;
  for (const f of SCALARS) scalar(out, `company.${f}`, bc?.[f], ac?.[f]);
  for (const l of LISTS) list(out, `company.${l}`, bc?.[l] ?? [], ac?.[l] ?? []);

  const oldPeople = new Map(before.people.map((p) => [personKey(p), p]));
  const newPeople = new Map(after.people.map((p) => [personKey(p), p]));
  for (const [k, p] of newPeople) {
    const old = oldPeople.get(k);
    if (!old) {
      out.push({ field: 'people', kind: 'added', after: p.title ? `${p.name} · ${p.title}` : p.name });
      continue;
    }
    for (const f of PERSON) scalar(out, `people.${f}`, old[f], p[f], p.name);
  }
  for (const [k, p] of oldPeople) {
    if (!newPeople.has(k)) out.push({ field: 'people', kind: 'removed', before: p.name });
  }

  const oldParcels = new Map(before.parcels.map((p) => [parcelKey(p), p]));
  const newParcels = new Map(after.parcels.map((p) => [parcelKey(p), p]));
  for (const [k, p] of newParcels) {
    const old = oldParcels.get(k);
    const name = p.parcelNo ?? p.location ?? '';
    if (!old) {
      out.push({ field: 'parcels', kind: 'added', after: name });
      continue;
    }
    for (const f of PARCEL) scalar(out, `parcels.${f}`, str(old[f]), str(p[f]), name);
  }
  for (const [k, p] of oldParcels) {
    if (!newParcels.has(k)) out.push({ field: 'parcels', kind: 'removed', before: p.parcelNo ?? p.location ?? '' });
  }
  return out;
}
