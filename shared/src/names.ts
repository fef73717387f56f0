import { OutputFormat, pinyin, segment } from 'pinyin-pro';

// Chinese pages mix full-width and half-width forms freely (（） vs (), ＡＢＣ vs ABC, ＠ vs @);
// everything that compares strings goes through this first. Hand-rolled rather than NFKC, which
// also rewrites circled digits, ㈱ and the like in ways nobody asked for.
const BRACKETS: Readonly<Record<string, string>> = {
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '〖': '[',
  '〗': ']',
};

export function toHalfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += BRACKETS[ch] ?? ch;
  }
  return out;
}

// Provinces, provincial capitals and the larger prefecture/county-level cities: a registered
// name starts with the registering authority's region (行政区划 + 字号 + 行业 + 组织形式), and the
// same company shows up as 徐州嘉华…, 徐州市嘉华…, 江苏嘉华… or plain 嘉华…. Longest first so
// 黑龙江 wins over a shorter accidental prefix.
const REGIONS: readonly string[] = [
  // provincial level
  '北京',
  '天津',
  '上海',
  '重庆',
  '河北',
  '山西',
  '辽宁',
  '吉林',
  '黑龙江',
  '江苏',
  '浙江',
  '安徽',
  '福建',
  '江西',
  '山东',
  '河南',
  '湖北',
  '湖南',
  '广东',
  '海南',
  '四川',
  '贵州',
  '云南',
  '陕西',
  '甘肃',
  '青海',
  '台湾',
  '内蒙古',
  '广西',
  '西藏',
  '宁夏',
  '新疆',
  '香港',
  '澳门',
  // provincial capitals
  '石家庄',
  '太原',
  '沈阳',
  '长春',
  '哈尔滨',
  '南京',
  '杭州',
  '合肥',
  '福州',
  '南昌',
  '济南',
  '郑州',
  '武汉',
  '长沙',
  '广州',
  '海口',
  '成都',
  '贵阳',
  '昆明',
  '西安',
  '兰州',
  '西宁',
  '呼和浩特',
  '南宁',
  '拉萨',
  '银川',
  '乌鲁木齐',
  '台北',
  // other large cities
  '深圳',
  '苏州',
  '无锡',
  '常州',
  '徐州',
  '南通',
  '扬州',
  '镇江',
  '泰州',
  '盐城',
  '淮安',
  '连云港',
  '宿迁',
  '昆山',
  '江阴',
  '常熟',
  '张家港',
  '宁波',
  '温州',
  '绍兴',
  '嘉兴',
  '湖州',
  '金华',
  '台州',
  '义乌',
  '青岛',
  '烟台',
  '潍坊',
  '临沂',
  '淄博',
  '济宁',
  '威海',
  '大连',
  '大庆',
  '厦门',
  '泉州',
  '漳州',
  '东莞',
  '佛山',
  '珠海',
  '中山',
  '惠州',
  '汕头',
  '江门',
  '洛阳',
  '宜昌',
  '襄阳',
  '岳阳',
  '株洲',
  '唐山',
  '保定',
  '廊坊',
  '邯郸',
  '包头',
  '鄂尔多斯',
  '芜湖',
  '赣州',
  '绵阳',
  '柳州',
  '桂林',
  '遵义',
].sort((a, b) => b.length - a.length);

// 市 is not taken when it starts a word (上海市场…, 北京市政…), which would eat the 字号.
const REGION_SUFFIX = '(?:壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市(?![场政]))?';
const LEADING_REGION = new RegExp(`^(?:${REGIONS.join('|')})${REGION_SUFFIX}`, 'u');
const WHOLE_REGION = new RegExp(`^(?:${REGIONS.join('|')})${REGION_SUFFIX}$`, 'u');
const ANY_ADMIN_UNIT = /^\p{Script=Han}{1,6}(?:省|市|区|县|自治州|自治县)$/u;

// Stripping 北京 from 北京银行 leaves just the industry word, which would then "match" every
// other bank. A 字号 plus an industry is almost always at least three characters.
const MIN_REST_AFTER_REGION = 3;

const BRANCH_NOTE = /(?:分公司|分店|分厂|分部|分行|支行|办事处|代表处|营业部|分社|分所|分院|分中心|门店)$/u;
const FORM_NOTES: ReadonlySet<string> = new Set(['集团', '中国', '有限合伙', '普通合伙', '特殊普通合伙']);
const ENGLISH_REGION_NOTES: ReadonlySet<string> = new Set([
  'china',
  'prc',
  'asia',
  'asia pacific',
  'hong kong',
  'hk',
  'macau',
  'macao',
]);
let regionPinyin: ReadonlySet<string> | undefined;

/** A bracketed remark that says where or which branch, not who: （徐州分公司）, (北京), (集团), (Shanghai). */
function isBracketNote(content: string): boolean {
  const c = content.trim();
  if (!c) return true;
  if (BRANCH_NOTE.test(c) || FORM_NOTES.has(c) || WHOLE_REGION.test(c) || ANY_ADMIN_UNIT.test(c)) return true;
  const latin = c.replace(/[\s.,]+/g, ' ').trim();
  if (ENGLISH_REGION_NOTES.has(latin)) return true;
  regionPinyin ??= new Set(REGIONS.map(fullPinyin));
  return regionPinyin.has(latin.replace(/ /g, ''));
}

function dropBracketNotes(s: string): string {
  const one = (_m: string, inner: string) => (isBracketNote(inner) ? ' ' : ` ${inner} `);
  let prev: string;
  let cur = s;
  // Innermost first, so nested brackets resolve too.
  do {
    prev = cur;
    cur = cur.replace(/\(([^()[\]]*)\)/g, one).replace(/\[([^()[\]]*)\]/g, one);
  } while (cur !== prev);
  return cur;
}

// 徐州嘉华融通置业有限公司铜山分公司 is the same customer as its parent for matching purposes.
const BRANCH_TAIL =
  /^(.+?(?:有限责任公司|股份有限公司|有限公司|公司))[^()]{1,20}?(?:分公司|分店|分厂|办事处|营业部|分部|代表处)$/u;

const CJK_LEGAL_FORMS: readonly string[] = [
  '有限责任公司',
  '股份有限公司',
  '有限公司',
  '股份公司',
  '集团公司',
  '合伙企业',
  '总公司',
  '公司',
  '集团',
];
// English ones, then the continent's (SARL, AG, KG, B.V., S.p.A., AB…), dotted or not (S.p.A.
// only dotted: a day spa is not one); always a word of its own at the end, so Casa or Atlas
// keeps its last letters.
const LATIN_LEGAL_FORM =
  /(^|[^a-z0-9])(?:co\.?\s*,?\s*ltd|company\s+limited|limited|ltd|incorporated|inc|corporation|corp|l\.l\.c|llc|gmbh|plc|company|co|s\.?a\.?r\.?l|s\.?a\.?s|s\.?a|ag|kg|ohg|e\.k|ug|n\.?v|b\.?v|s\.?r\.?l|s\.p\.a|s\.?l|ab|oy|a\/?s|aps|ltda)\.?$/;
const TRAILING_JUNK = /[\s,.;:&'"\-_/]+$/;

function stripLegalForms(s: string): string {
  let cur = s.replace(TRAILING_JUNK, '');
  for (;;) {
    const cjk = CJK_LEGAL_FORMS.find((f) => cur.endsWith(f));
    let next = cjk ? cur.slice(0, -cjk.length) : cur;
    if (!cjk) {
      const m = LATIN_LEGAL_FORM.exec(cur);
      if (m) next = cur.slice(0, m.index + (m[1]?.length ?? 0));
    }
    next = next.replace(TRAILING_JUNK, '');
    if (next === cur || !next) return cur;
    cur = next;
  }
}

function stripLeadingRegion(s: string): string {
  let cur = s;
  for (;;) {
    const m = LEADING_REGION.exec(cur);
    if (!m?.[0]) return cur;
    const rest = cur.slice(m[0].length).trim();
    if ([...rest.replace(/\s/g, '')].length < MIN_REST_AFTER_REGION) return cur;
    cur = rest;
  }
}

/** Punctuation and symbols become one space; spaces next to a Han character go (ABC 科技 = ABC科技). */
function collapse(s: string): string {
  return s
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim()
    .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '');
}

// Letters NFD does not take apart, as people type them without their marks.
const UNMARKED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
};

/**
 * Latin letters with marks, precomposed (À–ɏ, Vietnamese's Ḁ–ỿ) or as combining marks (a Mac's
 * decomposed Ce\u0301line). The migration that refolds names written before folding
 * (drizzle/0022) selects them with these same ranges.
 */
const ACCENTED = /[\u00c0-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/;

export const hasAccents = (text: string): boolean => ACCENTED.test(text);

/** Text without the marks on its Latin letters (Céline → Celine, Straße → Strasse); other scripts as they are. */
export const withoutAccents = (text: string): string =>
  hasAccents(text)
    ? text
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[ßæÆœŒøØđĐłŁı]/g, (ch) => UNMARKED[ch] ?? ch)
        .normalize('NFC')
    : text;

/**
 * A German ä, ö, ü written out (MUELLER, Oelmuehle: a keyboard or a system without them) reads as
 * the letter without its marks, so Müller, Mueller and Muller are one name; only for suggesting a
 * match, so a rare name that really has "ue" (Samuel) costs at most a suggestion. Not after y, x, j
 * or q: there ue is pinyin's (Yuexiu, Xue are not Yuxiu, Xu).
 */
const UMLAUT_WRITTEN_OUT = /(?<![yxjq])([aou])e+/g;

/**
 * Two company names as written, the same but for character width, case and spaces
 * (万达置业（徐州）有限公司 and 万达置业(徐州)有限公司): one company, unlike two names that are
 * only the same once normalised (normaliseCompanyName drops the region, the legal form, notes).
 */
export function sameCompanyName(a: string, b: string): boolean {
  const plain = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();
  return plain(a) === plain(b);
}

/** How many former names (曾用名) a file keeps: beyond it the oldest go. */
export const MAX_FORMER_NAMES = 20;

/** A file's former names from a list, in its order: each once, not the name it has now, the oldest dropped beyond the limit. */
export const formerNamesOf = (name: string, names: readonly string[]) =>
  names
    .filter((n, i) => !sameCompanyName(n, name) && names.findIndex((m) => sameCompanyName(m, n)) === i)
    .slice(0, MAX_FORMER_NAMES);

/** The file among `files` that went by `name` before (one of its former names, as written). */
export const onceNamed = <F extends { formerNames: readonly string[] }>(files: readonly F[], name: string) =>
  files.find((f) => f.formerNames.some((n) => sameCompanyName(n, name)));

/**
 * Company names in one text, one per line or after a semicolon or 、 (a registry's 曾用名 cell, the
 * file's form): never split at a comma, which an English name holds ("Haiyi Co., Ltd."); a dash
 * or 无 names none.
 */
export const splitCompanyNames = (raw: string) =>
  raw
    .split(/\s*:::\s*|[;；、\n]+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s) && s !== '无');

/**
 * The form of a company name used to *suggest* a match (never to merge): half-width, lowercase,
 * without branch/region remarks in brackets, legal-form suffixes or the leading region, and
 * with punctuation collapsed. 徐州市嘉华融通置业有限公司 → 嘉华融通置业. Never empty for a
 * non-blank name: if everything would be stripped, the plain lowercased name is returned.
 */
export function normaliseCompanyName(name: string): string {
  const base = withoutAccents(toHalfWidth(name)).toLowerCase().replace(/\s+/g, ' ').trim();
  if (!base) return '';
  let s = dropBracketNotes(base).replace(/\s+/g, ' ').trim();
  s = s.replace(BRANCH_TAIL, '$1');
  s = stripLegalForms(s);
  s = stripLegalForms(collapse(s));
  s = collapse(stripLeadingRegion(s));
  return (s || collapse(base) || base).replace(UMLAUT_WRITTEN_OUT, '$1');
}

function pinyinParts(name: string, pattern: 'first' | 'pinyin'): string[] {
  return pinyin(toHalfWidth(name), { pattern, toneType: 'none', type: 'array', v: true });
}

/** Initials for search (`jhrt` finds 嘉华融通). Latin letters are kept letter by letter; digits and punctuation dropped. */
export function pinyinInitials(name: string): string {
  return pinyinParts(name, 'first')
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Toneless pinyin without spaces (`jiahuarongtong`); ü is written v, as people type it. */
export function fullPinyin(name: string): string {
  return pinyinParts(name, 'pinyin')
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** The A–Z letter a list is grouped under; `#` when the name starts with a digit or anything else. */
export function indexLetter(name: string): string {
  const chars = [...toHalfWidth(name)];
  const i = chars.findIndex((c) => !/[\s\p{P}\p{S}]/u.test(c));
  const first = chars[i];
  if (first === undefined) return '#';
  if (/\p{Script=Han}/u.test(first)) {
    // A few characters of context let pinyin-pro pick the right reading (重庆 → C, not Z).
    const letter = pinyinParts(chars.slice(i, i + 6).join(''), 'first')[0]?.toUpperCase() ?? '';
    return /^[A-Z]$/.test(letter) ? letter : '#';
  }
  const latin = first.normalize('NFD').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(latin) ? latin : '#';
}

export interface SearchForms {
  /** normaliseCompanyName: the name-key and the "same company?" comparison. */
  normalised: string;
  /** Initials of the whole name, so a substring search for `jhrt` also hits 徐州嘉华融通…. */
  initials: string;
  /** Full pinyin of the whole name. */
  pinyin: string;
}

export function searchForms(name: string): SearchForms {
  return { normalised: normaliseCompanyName(name), initials: pinyinInitials(name), pinyin: fullPinyin(name) };
}

/**
 * The surname of a Chinese personal name, compound ones kept whole (欧阳娜娜 → 欧阳, 司马光 → 司马,
 * 王建国 → 王): pinyin-pro's surname table decides the head of the name.
 */
export function chineseSurname(name: string): string {
  const trimmed = name.trim();
  const head = segment(trimmed, { surname: 'head', format: OutputFormat.ZhSegment })[0] ?? '';
  return [...head].length === 2 && [...trimmed].length > 2 ? head : [...trimmed].slice(0, 1).join('');
}

/**
 * A person's name as family and given names, for formats that keep them apart (vCard N): a
 * Chinese name by its surname, compound ones kept whole (欧阳娜娜 → 欧阳 + 娜娜); a Western one
 * as written, given names first (Ann Marie Lee → Lee + Ann Marie); a single word as the family name.
 */
export function nameParts(name: string): { family: string; given: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (/^[\p{Script=Han}·]+$/u.test(trimmed) && [...trimmed].length > 1) {
    const family = chineseSurname(trimmed);
    return { family, given: trimmed.slice(family.length) };
  }
  const words = trimmed.split(' ');
  if (words.length < 2) return { family: trimmed, given: '' };
  return { family: words.at(-1) ?? '', given: words.slice(0, -1).join(' ') };
}
