import { fullPinyin, isValidCreditCode } from '@dossier/shared';
import {
  BRAND_CHARS,
  CITIES,
  CN_TLDS,
  EN_FIRST,
  EN_INDUSTRY,
  EN_LAST,
  EN_LEGAL,
  EN_PREFIX,
  EN_SUFFIX,
  EN_TITLES,
  EN_TLDS,
  FREE_MAIL,
  GIVEN_CHARS,
  INDUSTRIES,
  LEGAL_FORMS,
  OWNER_WEIGHTS,
  OWNERS,
  type Rng,
  SURNAMES,
  TITLES,
} from './data.ts';

export interface Person {
  name: string;
  title: string;
  mobile: string | null;
  directLine: string | null;
  email: string | null;
  keyPerson: boolean;
}

export interface Customer {
  name: string;
  cn: boolean;
  tier: 'A' | 'B' | 'C';
  status: 'prospect' | 'active' | 'signed' | 'lost';
  owner: string;
  region: string[];
  industry: string;
  address: string;
  createdMs: number;
  deleted: boolean;
  website: string;
  phones: string[];
  emails: string[];
  keys: { kind: 'domain' | 'email_domain' | 'credit_code'; value: string }[];
  people: Person[];
}

const DAY = 86_400_000;
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Pinyin of single characters, looked up once: per-name pinyin for 300k people would dominate.
const py = new Map<string, string>();
const pinyinOf = (s: string) =>
  [...s]
    .map((ch) => {
      const known = py.get(ch);
      if (known !== undefined) return known;
      const v = fullPinyin(ch);
      py.set(ch, v);
      return v;
    })
    .join('');
const initialsOf = (s: string) => [...s].map((ch) => pinyinOf(ch).charAt(0)).join('');

/** A valid 统一社会信用代码: the check character is found by trying all 31 (the rule lives in shared). */
function creditCode(r: Rng): string {
  let body = `91${r.digits(6)}`;
  for (let i = 0; i < 9; i++) body += r.pick([...CREDIT_CHARSET]);
  for (const ch of CREDIT_CHARSET) if (isValidCreditCode(body + ch)) return body + ch;
  throw new Error(`no check character for ${body}`);
}

const fmtMobile = (r: Rng) => {
  const m = `1${r.pick(['3', '5', '7', '8', '9'])}${r.digits(9)}`;
  return r.chance(0.3) ? `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}` : m;
};

function cnPerson(r: Rng, domain: string, i: number): Person {
  const surname = r.pick(SURNAMES);
  const given = r.pick(GIVEN_CHARS) + (r.chance(0.6) ? r.pick(GIVEN_CHARS) : '');
  const kind = r.next();
  const email =
    kind < 0.65
      ? `${pinyinOf(surname)}${initialsOf(given)}${r.chance(0.3) ? r.int(1, 99) : ''}@${domain}`
      : kind < 0.9
        ? r.chance(0.6)
          ? `${r.int(10000, 9999999999)}@qq.com`
          : `${pinyinOf(surname + given)}${r.int(60, 99)}@${r.pick(FREE_MAIL)}`
        : null;
  return {
    name: surname + given,
    title: r.pick(TITLES),
    mobile: r.chance(0.9) ? fmtMobile(r) : null,
    directLine: r.chance(0.3) ? `${r.int(2, 8)}${r.digits(7)}` : null,
    email,
    keyPerson: i === 0 || r.chance(0.15),
  };
}

function enPerson(r: Rng, domain: string, cc: string, i: number): Person {
  const first = r.pick(EN_FIRST);
  const last = r.pick(EN_LAST);
  const local = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  return {
    name: `${first} ${last}`,
    title: r.pick(EN_TITLES),
    mobile: r.chance(0.7) ? `${cc} ${r.digits(3)} ${r.digits(3)} ${r.digits(4)}` : null,
    directLine: null,
    email: r.chance(0.9) ? `${local}@${domain}` : null,
    keyPerson: i === 0 || r.chance(0.15),
  };
}

/**
 * Customers with their keys and people, in memory (about 200 MB at full size). Tiers 20/40/40,
 * ~70 % Chinese names, owners skewed, creation dates over three years with a first import.
 */
export function buildCustomers(r: Rng, n: number, nowMs: number): Customer[] {
  const usedDomains = new Set<string>();
  const unique = (base: string, tld: string) => {
    let d = `${base}.${tld}`;
    for (let k = 2; usedDomains.has(d); k++) d = `${base}${k}.${tld}`;
    usedDomains.add(d);
    return d;
  };
  const start = nowMs - 3 * 365 * DAY;
  const out: Customer[] = [];
  for (let i = 0; i < n; i++) {
    const cn = r.chance(0.7);
    const tier = (['A', 'B', 'C'] as const)[r.weighted([20, 40, 40])] ?? 'C';
    // 40 % came in with the first import; the rest were added steadily since.
    const createdMs = r.chance(0.4) ? start + r.int(0, 30) * DAY + r.int(0, DAY) : r.int(start, nowMs - DAY);
    let c: Customer;
    if (cn) {
      const [city, province, area] = r.pick(CITIES);
      const brandLen = r.weighted([0, 0, 50, 20, 30]);
      let brand = '';
      for (let k = 0; k < brandLen; k++) brand += r.pick(BRAND_CHARS);
      const industry = r.pick(INDUSTRIES);
      const name = `${r.chance(0.15) ? `${city}市` : city}${brand}${industry}${r.pick(LEGAL_FORMS)}`;
      const base = r.chance(0.5) ? pinyinOf(brand) : `${initialsOf(city)}${initialsOf(brand)}`;
      const domain = unique(
        r.chance(0.3) ? `${base}-${r.pick(['land', 'tech', 'group', 'jt', 'gs'])}` : base,
        r.pick(CN_TLDS),
      );
      const phones = [`${area}-${r.digits(4)} ${r.digits(4)}`];
      if (r.chance(0.4)) phones.push(`${area}-${r.digits(8)}`);
      c = {
        name,
        cn,
        tier,
        status: 'prospect',
        owner: '',
        region: [province, city],
        industry,
        address: `${province}${city}市${r.pick(['经济开发区', '高新区', '云龙区', '工业园区', '新城区'])}${r.pick(BRAND_CHARS)}${r.pick(['路', '大道', '街'])}${r.int(1, 999)}号`,
        createdMs,
        deleted: false,
        website: `https://www.${domain}`,
        phones,
        emails: [`info@${domain}`, ...(r.chance(0.3) ? [`sales@${domain}`] : [])],
        keys: [{ kind: 'domain', value: domain }],
        people: [],
      };
      if (r.chance(0.2857)) c.keys.push({ kind: 'credit_code', value: creditCode(r) });
    } else {
      const brand = r.pick(EN_PREFIX) + r.pick(EN_SUFFIX);
      const industry = r.pick(EN_INDUSTRY);
      const [tld, cc] = r.pick(EN_TLDS);
      const domain = unique(r.chance(0.5) ? brand.toLowerCase() : `${brand}-${industry}`.toLowerCase(), tld);
      c = {
        name: `${brand} ${industry} ${r.pick(EN_LEGAL)}`,
        cn,
        tier,
        status: 'prospect',
        owner: '',
        region: [r.pick(['United Kingdom', 'Germany', 'United States', 'Singapore', 'France', 'Australia'])],
        industry,
        address: `${r.int(1, 400)} ${r.pick(EN_PREFIX)} Street`,
        createdMs,
        deleted: false,
        website: `https://www.${domain}`,
        phones: [`${cc} ${r.digits(2)} ${r.digits(4)} ${r.digits(4)}`],
        emails: [`contact@${domain}`],
        keys: [{ kind: 'domain', value: domain }],
        people: [],
      };
    }
    const domain = c.keys[0]?.value ?? '';
    const root = domain.split('.')[0] ?? 'x';
    if (r.chance(0.2))
      c.keys.push({ kind: 'domain', value: unique(`${root}-${r.pick(['shop', 'cloud', 'hr', 'en'])}`, 'com') });
    if (r.chance(0.1)) c.keys.push({ kind: 'email_domain', value: unique(`${root}mail`, 'com') });
    c.status = (['prospect', 'active', 'signed', 'lost'] as const)[r.weighted([40, 35, 20, 5])] ?? 'prospect';
    c.owner = OWNERS[r.weighted(OWNER_WEIGHTS)] ?? 'wangfang';
    c.deleted = r.chance(0.01);
    const cc = c.phones[0]?.split(' ')[0] ?? '+1';
    const nPeople = r.weighted([0, 20, 20, 20, 20, 20]);
    for (let k = 0; k < nPeople; k++) c.people.push(cn ? cnPerson(r, domain, k) : enPerson(r, domain, cc, k));
    out.push(c);
  }
  return out;
}
