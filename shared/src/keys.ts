import freeEmailDomains from 'free-email-domains';
import { parse as parseHost } from 'tldts';
import { normaliseCompanyName, toHalfWidth } from './names.ts';
import type { KeyKind } from './schemas/customer.ts';

// ---------------------------------------------------------------------------------------------
// Domains
// ---------------------------------------------------------------------------------------------

// shared/ is typed against plain ES2023 (no DOM, no Node types), yet both runtimes it runs in
// have the WHATWG URL class; this is the slice of it used here.
interface WhatwgUrl {
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}
const URL = (globalThis as unknown as { URL: new (input: string) => WhatwgUrl }).URL;

const WEB_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:']);

// Private PSL section on, so customers hosted on github.io, vercel.app, … stay apart; `localhost`
// (and *.localhost) is a valid host so a locally served page still has a key.
const TLD_OPTIONS = { allowPrivateDomains: true, validHosts: ['localhost'] };

export function isWebUrl(url: string): boolean {
  try {
    const u = new URL(url.trim());
    return WEB_PROTOCOLS.has(u.protocol) && u.hostname !== '';
  } catch {
    return false;
  }
}

/** A web URL or a bare host (optionally with port and path) as the WHATWG URL parser reads it. */
function urlOf(input: string): WhatwgUrl | null {
  let s = toHalfWidth(input).trim();
  if (!s) return null;
  if (s.startsWith('//')) s = `http:${s}`;
  let url: WhatwgUrl;
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
      url = new URL(s);
      if (!WEB_PROTOCOLS.has(url.protocol)) return null;
    } else {
      // A bare host (optionally with port and path). `@` would turn `mailto:a@b.com` into
      // credentials for b.com, so anything that is not plainly a host is refused.
      const authority = s.split(/[/?#]/, 1)[0] ?? '';
      if (!authority || /[\s@\\]/.test(authority)) return null;
      url = new URL(`http://${s}`);
    }
  } catch {
    return null;
  }
  return url;
}

/**
 * The host of a web URL or bare host, as the WHATWG URL parser writes it: lowercase, IDN in
 * punycode (münchen.de → xn--mnchen-3ya.de), IPv4 in dotted quads, IPv6 compressed and without
 * brackets, trailing dots dropped. Keys are compared as strings, so the one parser that the
 * browser also uses decides the canonical form.
 */
function hostOf(input: string): string | null {
  const url = urlOf(input);
  if (!url) return null;
  let host = url.hostname.replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return host || null;
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The registrable domain of a URL or host under the Public Suffix List (www.xz-land.com.cn and
 * hr.xz-land.com.cn → xz-land.com.cn), the address itself for an IP, `localhost` for local
 * hosts, null for anything that is not a web address. (What customers are matched by is
 * `siteKey`, built on it.)
 */
export function registrableDomain(urlOrHost: string): string | null {
  const host = hostOf(urlOrHost);
  if (!host) return null;
  if (host.includes(':') || IPV4.test(host)) return host;
  return parseHost(host, TLD_OPTIONS).domain ?? null;
}

/**
 * Does the host end in a suffix the public list knows (com, co.uk, 中国, github.io)? A page's
 * "passionelevator.coms" is a typo no mail reaches.
 */
export function hasPublicSuffix(host: string): boolean {
  const r = parseHost(host, TLD_OPTIONS);
  // (.example and .test are reserved for documentation and tests, RFC 2606: sample pages use them.)
  return Boolean(r.isIcann || r.isPrivate || /\.(?:example|test)$/i.test(host));
}

// Sites whose domain names the platform, not a company: people's and companies' profiles under
// one domain (linkedin.com/in/…, weibo.com/u/…), registers and maps. A page there is about
// whoever it shows, so the domain is nobody's key.
const PROFILE_SITES: ReadonlySet<string> = new Set([
  'linkedin.com',
  'xing.com',
  'facebook.com',
  'instagram.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'tiktok.com',
  'github.com',
  'gitee.com',
  'wa.me',
  't.me',
  'weibo.com',
  'weibo.cn',
  'douyin.com',
  'xiaohongshu.com',
  'zhihu.com',
  'bilibili.com',
  'qq.com',
  'baidu.com',
  'qcc.com',
  'tianyancha.com',
  'qixin.com',
  'dianping.com',
  'meituan.com',
  'amap.com',
  '58.com',
  'zhaopin.com',
  '51job.com',
  'liepin.com',
  'google.com',
  'wikipedia.org',
  'yelp.com',
  'tripadvisor.com',
]);

// Marketplaces that give each shop its own sub-host (hualian.1688.com, xyz.en.made-in-china.com):
// the shop's host is its key; the marketplace's own pages (www, detail, item …) are nobody's.
const SHOP_SITES: ReadonlySet<string> = new Set([
  '1688.com',
  'taobao.com',
  'tmall.com',
  'jd.com',
  'alibaba.com',
  'aliexpress.com',
  'made-in-china.com',
  'globalsources.com',
  'hc360.com',
]);
const MARKET_PAGES = /^(?:www|m|en|detail|item|items|s|search|list|login|passport|buyer|trade|offer|work|mall)\./;

/**
 * The key a website matches its company by: its registrable domain, a shop's own host on a
 * marketplace, and none for a profile on a platform (a LinkedIn connection's profile link is
 * not the company's site: as a key it made every connection one customer).
 */
export function siteKey(urlOrHost: string): string | null {
  const domain = registrableDomain(urlOrHost);
  if (!domain || PROFILE_SITES.has(domain)) return null;
  if (!SHOP_SITES.has(domain)) return domain;
  const host = hostOf(urlOrHost) ?? '';
  const shop = host.slice(0, -domain.length - 1);
  return shop && !MARKET_PAGES.test(`${shop}.`) ? host : null;
}

// The first part of a profile's path that says what kind of profile it is (linkedin.com/company/…,
// weibo.com/u/…): the name is the part after it.
const PROFILE_KINDS = /^(?:in|company|school|showcase|pub|u|n|people|profile|user|users|channel|c|firm|pages|groups?)$/;

/**
 * What search finds a website by: its site key, or for a profile on a platform the profile's own
 * address (linkedin.com/company/acme) — the platform's domain alone would find every customer
 * with a profile there, as a marketplace's would every shop on it.
 */
export function webSearchKey(urlOrHost: string): string | null {
  const domain = registrableDomain(urlOrHost);
  if (!domain || !PROFILE_SITES.has(domain)) return siteKey(urlOrHost);
  const parts = (urlOf(urlOrHost)?.pathname ?? '').toLowerCase().split('/').filter(Boolean);
  const n = PROFILE_KINDS.test(parts[0] ?? '') ? 2 : 1;
  return parts.length >= n ? [domain, ...parts.slice(0, n)].join('/') : null;
}

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

// Hosts whose addresses belong to people, not companies: a match on these is by full address. The
// public list (HubSpot's free providers and ISPs, and the disposable ones: yahoo.fr, orange.fr,
// t-online.de) with the mainland's own providers, a few of which it lacks (88.com, wo.cn).
const MAINLAND_MAILBOXES = [
  'qq.com',
  'vip.qq.com',
  'foxmail.com',
  '163.com',
  '126.com',
  'yeah.net',
  'vip.163.com',
  'vip.126.com',
  '188.com',
  '88.com',
  'sina.com',
  'sina.cn',
  'vip.sina.com',
  'sohu.com',
  '139.com',
  '189.cn',
  'wo.cn',
  'aliyun.com',
  'tom.com',
  '21cn.com',
];
export const FREE_MAILBOXES: ReadonlySet<string> = new Set([...freeEmailDomains, ...MAINLAND_MAILBOXES]);

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const MAIL_HOST = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);

/** Lowercase `local@host` with the host in punycode, or null if it does not look like an address. */
export function normaliseEmail(s: string): string | null {
  const t = toHalfWidth(s)
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  const at = t.lastIndexOf('@');
  if (at <= 0 || t.length > 254) return null;
  const local = t.slice(0, at);
  const domain = t.slice(at + 1).replace(/\.$/, '');
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  if (!domain || /[\s/?#:@[\]\\%]/.test(domain)) return null;
  let host: string;
  try {
    host = new URL(`http://${domain}`).hostname;
  } catch {
    return null;
  }
  return MAIL_HOST.test(host) ? `${local}@${host}` : null;
}

/** The full host after `@` (sales.xz-land.com.cn, not reduced to the registrable domain). */
export function emailDomain(email: string): string | null {
  const n = normaliseEmail(email);
  return n ? n.slice(n.lastIndexOf('@') + 1) : null;
}

/** For an address or a bare domain; vip.qq.com and any other host under a free provider count. */
export function isFreeMailbox(emailOrDomain: string): boolean {
  const host = emailOrDomain.includes('@') ? emailDomain(emailOrDomain) : hostOf(emailOrDomain);
  if (!host) return false;
  if (FREE_MAILBOXES.has(host)) return true;
  const reg = registrableDomain(host);
  return reg !== null && FREE_MAILBOXES.has(reg);
}

export type EmailMatchKey = { kind: 'email'; value: string } | { kind: 'email_domain'; value: string };

/**
 * What a sender's address matches by: a free mailbox identifies a person (the full address);
 * a company mailbox identifies the company (li@sales.xz-land.com.cn → xz-land.com.cn).
 */
export function emailMatchKey(email: string): EmailMatchKey | null {
  const n = normaliseEmail(email);
  if (!n) return null;
  const host = n.slice(n.lastIndexOf('@') + 1);
  const reg = isFreeMailbox(host) ? null : registrableDomain(host);
  return reg ? { kind: 'email_domain', value: reg } : { kind: 'email', value: n };
}

// ---------------------------------------------------------------------------------------------
// Unified social credit code (统一社会信用代码, GB 32100-2015)
// ---------------------------------------------------------------------------------------------

// 31 characters: digits and capitals without I, O, S, V, Z (too easily confused with 1, 0, 5, U, 2).
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const C = '[0-9A-HJ-NPQRTUWXY]';
// Registration authority (never 0) + category, the 6-digit administrative division code, the
// 9-character organisation code and the check character.
const CREDIT_SHAPE = new RegExp(`^[1-9A-HJ-NPQRTUWXY]${C}\\d{6}${C}{10}$`);
const CREDIT_CANDIDATE = /(?<![0-9A-Za-z])[0-9A-Z]{18}(?![0-9A-Za-z])/g;

function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARSET.indexOf(first17.charAt(i)) * (CREDIT_WEIGHTS[i] ?? 0);
  return CREDIT_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Exactly a canonical code (18 half-width capitals/digits) whose check character is right. */
export function isValidCreditCode(s: string): boolean {
  return CREDIT_SHAPE.test(s) && creditCheckChar(s.slice(0, 17)) === s.charAt(17);
}

/** User or page input → canonical code, or null if it is not a valid one. Inner spaces are tolerated. */
export function normaliseCreditCode(s: string): string | null {
  const t = toHalfWidth(s).replace(/\s+/g, '').toUpperCase();
  return isValidCreditCode(t) ? t : null;
}

/**
 * Valid codes in free text, in order of appearance, deduplicated. Only upper-case runs count:
 * an 18-character lower/mixed-case token on a page is an id or a hash far more often than a code.
 */
export function findCreditCodes(text: string): string[] {
  const found = new Set<string>();
  for (const m of toHalfWidth(text).matchAll(CREDIT_CANDIDATE)) {
    if (isValidCreditCode(m[0])) found.add(m[0]);
  }
  return [...found];
}

// ---------------------------------------------------------------------------------------------
// ICP licence (ICP备案 / ICP经营许可证)
// ---------------------------------------------------------------------------------------------

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
// The `-N` after 号 numbers one of the licensee's sites; the licence (and so the company) is
// what comes before it. 公网安备 numbers have no "ICP" and are never matched.
const ICP = new RegExp(`([${PROVINCES}])\\s*ICP\\s*([备证])\\s*(\\d{4,12})\\s*号?(?:\\s*[-—–]\\s*\\d{1,4})?`, 'giu');

/** Canonical licence numbers (京ICP备05002571号, 京ICP证030173号) in text, deduplicated. */
export function findIcp(text: string): string[] {
  const found = new Set<string>();
  for (const m of toHalfWidth(text).matchAll(ICP)) found.add(`${m[1]}ICP${m[2]}${m[3]}号`);
  return [...found];
}

/** One licence number in any spelling → `苏ICP备12345678号`; null if there is none or more than one. */
export function normaliseIcp(s: string): string | null {
  const found = findIcp(s);
  return found.length === 1 ? (found[0] ?? null) : null;
}

// ---------------------------------------------------------------------------------------------
// One canonical form per key kind
// ---------------------------------------------------------------------------------------------

/**
 * The form a key of `kind` is stored and looked up in, or null if `raw` is not a usable key
 * of that kind. An `email_domain` accepts a domain, `@domain` or an address, and refuses free
 * mailbox domains: qq.com as a company key would claim every QQ user.
 */
export function keyValue(kind: KeyKind, raw: string): string | null {
  switch (kind) {
    case 'credit_code':
      return normaliseCreditCode(raw);
    case 'icp':
      return normaliseIcp(raw);
    case 'domain':
      return siteKey(raw);
    case 'email_domain': {
      const t = toHalfWidth(raw).trim();
      const host = t.slice(t.lastIndexOf('@') + 1);
      if (!host || isFreeMailbox(host)) return null;
      return registrableDomain(host);
    }
    case 'email':
      return normaliseEmail(raw);
    case 'name': {
      const n = normaliseCompanyName(raw);
      return n === '' ? null : n;
    }
  }
}
