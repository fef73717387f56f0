import type { CompanyType, CustomerStatus, Intention, LostReason, SizeClass, Stage, Tier } from '@dossier/shared';
import type { z } from 'zod';

/** Where a demo customer sits: its region path, telephone area code and administrative division code. */
export interface City {
  region: string[];
  /** Telephone area code with its trunk 0: '0516', '025'. */
  area: string;
  /** 6-digit administrative division code, used inside credit codes. */
  division: string;
}

export const CITIES = {
  xz: { region: ['华东', '江苏', '徐州'], area: '0516', division: '320300' },
  ts: { region: ['华东', '江苏', '徐州', '铜山'], area: '0516', division: '320312' },
  jw: { region: ['华东', '江苏', '徐州', '贾汪'], area: '0516', division: '320305' },
  pz: { region: ['华东', '江苏', '徐州', '邳州'], area: '0516', division: '320382' },
  xy: { region: ['华东', '江苏', '徐州', '新沂'], area: '0516', division: '320381' },
  sn: { region: ['华东', '江苏', '徐州', '睢宁'], area: '0516', division: '320324' },
  px: { region: ['华东', '江苏', '徐州', '沛县'], area: '0516', division: '320322' },
  fx: { region: ['华东', '江苏', '徐州', '丰县'], area: '0516', division: '320321' },
  nj: { region: ['华东', '江苏', '南京'], area: '025', division: '320100' },
  su: { region: ['华东', '江苏', '苏州'], area: '0512', division: '320500' },
  tc: { region: ['华东', '江苏', '苏州', '太仓'], area: '0512', division: '320585' },
  wx: { region: ['华东', '江苏', '无锡'], area: '0510', division: '320200' },
  ha: { region: ['华东', '江苏', '淮安'], area: '0517', division: '320800' },
  sq: { region: ['华东', '江苏', '宿迁'], area: '0527', division: '321300' },
  lyg: { region: ['华东', '江苏', '连云港'], area: '0518', division: '320700' },
} as const satisfies Record<string, City>;
export type CityCode = keyof typeof CITIES;

export interface DemoPerson {
  name: string;
  title: string;
  /** A local part on the company's domain ('zhangjg'), or a full address on a free mailbox. */
  email?: string;
  /** 'YYYY-MM-DD', or a number: the next birthday falls that many days after `now`. */
  birthday?: string | number;
  preferences?: string;
  homeAddress?: string;
  key?: boolean;
}

/** How the history of a customer ends, in local days relative to today (0 = today, −2 = two days ago). */
export interface DemoPlan {
  /** The day the next call falls due; the last call-type contact is placed one cadence earlier. */
  callDue: number;
  /** The day the next visit falls due; omitted → comfortably ahead (or overdue for long-silent files). */
  visitDue?: number;
  /** The last call-type contact was a visit or a meeting rather than a phone call. */
  last?: 'call' | 'visit' | 'meeting';
  /** What was said at the last contact (else a line from the pool). */
  lastSummary?: string;
  lastOutcome?: string;
  /** The appointment fixed at the last contact; negative = already missed. */
  appt?: number;
  intention: z.infer<typeof Intention>;
  /** A winner just captured from a land-result page: created this many days ago, no contact yet. */
  freshDays?: number;
  /** The parcel it won ({y} in the number is the current year). */
  parcel?: DemoParcel;
  /** Reclassified `daysAgo` from `tier` to the current one, for these reason codes. */
  tierWas?: { tier: Tier; daysAgo: number; reasons: string };
  /** Promises made at the last contact. `due` is a local day offset, `hour` the local hour. */
  commitments?: { text: string; due: number; hour: number; kept?: boolean }[];
}

/** A parcel (宗地) as a land-result page gives it; prices in yuan. Without a deal price it is only listed. */
export interface DemoParcel {
  no: string;
  location: string;
  areaM2: number;
  use: string;
  method: '挂牌' | '拍卖';
  startPrice: number;
  dealPrice?: number;
}

export interface DemoCustomer {
  /** The registered Chinese name, as she files it. */
  name: string;
  /** A foreign-invested company's English name, kept as a name key so its English pages match. */
  alias?: string;
  tier: Tier;
  status: CustomerStatus;
  stage?: z.infer<typeof Stage>;
  /** Lost customers: why (a code) and in words; the loss is recorded at the last contact. */
  lostReasonCode?: LostReason;
  lostReason?: string;
  /** The next step this case needs. */
  nextStep?: string;
  city: CityCode;
  type: z.infer<typeof CompanyType>;
  size: z.infer<typeof SizeClass>;
  industry: string;
  scope: string;
  products: string;
  trends?: string;
  address: string;
  /** Omitted for some freshly captured prospects. */
  website?: string;
  /** Local parts of the company's mailboxes; default ['info']. */
  mailboxes?: string[];
  /** 9-character organisation code body (8 chars, check computed) → a valid credit code. */
  org?: string;
  people: DemoPerson[];
  plan: DemoPlan;
}

export const p = (
  name: string,
  title: string,
  email?: string,
  more: Omit<DemoPerson, 'name' | 'title' | 'email'> = {},
) => ({ name, title, ...(email ? { email } : {}), ...more }) satisfies DemoPerson;

// --- Codes -------------------------------------------------------------------------------------

const ORG_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code: 8 characters + check (0–9 or X). */
export function orgCode(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_CHARS.indexOf(body8.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return body8 + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 unified social credit code of an enterprise (91…) registered in `division`. */
export function creditCode(division: string, body8: string): string {
  const first17 = `91${division}${orgCode(body8)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17.charAt(i)) * (CREDIT_WEIGHTS[i] ?? 0);
  return first17 + CREDIT_CHARS.charAt((31 - (sum % 31)) % 31);
}
