/// <reference path="../../types/lunar-javascript.d.ts" />
import {
  CompanyType,
  CustomerStatus,
  LostReason,
  normalisePhone,
  phoneDigits,
  ROW_PROBLEMS,
  type RowProblem,
  SizeClass,
  Stage,
  type Tier,
  toHalfWidth,
} from '@dossier/shared';
import { LunarUtil } from 'lunar-javascript';
import { own } from '../../lib/own.ts';

/** A cell's value, or what is wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: Problem };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: RowProblem, raw: string, expected?: string): Parsed<never> => ({
  ok: false,
  problem: problem(code, raw, expected),
});

/** What is wrong with a cell: its code, the cell as written, and the English sentence (`why`). */
export interface Problem {
  code: RowProblem;
  value: string;
  expected?: string;
  why: string;
}
export const problem = (code: RowProblem, value: string, expected?: string): Problem => ({
  code,
  value,
  ...(expected === undefined ? {} : { expected }),
  why: ROW_PROBLEMS[code](value, expected),
});

const clean = (s: string) => toHalfWidth(s).trim();

const TIER_WORDS: Record<string, Tier> = {
  A: 'A',
  B: 'B',
  C: 'C',
  甲: 'A',
  乙: 'B',
  丙: 'C',
  一: 'A',
  二: 'B',
  三: 'C',
  '1': 'A',
  '2': 'B',
  '3': 'C',
  重要: 'A',
  重点: 'A',
  核心: 'A',
  VIP: 'A',
  一般: 'B',
  普通: 'C',
  次要: 'C',
  潜在: 'C',
};

/** A/B/C, 甲/乙/丙, 一级/二级/三级, 重要/一般/普通, with or without 类/级/等/客户; blank is C, the tier of a new prospect. */
export function parseTier(raw: string): Parsed<Tier> {
  const s = clean(raw).toUpperCase();
  if (!s) return ok('C');
  // 客户 around it, 类/级 after it; a Western "Tier A", "A customers", a German "A-Kunde(n)", a French "Clients A".
  const core = s
    .replace(/^(?:客户|TIER\s*|CLASS\s*|CLIENTS?\s+)/, '')
    .replace(/(?:类|级|等|档)?(?:客户)?$/, '')
    .replace(/[-\s]*(?:KUNDEN?|CUSTOMERS?|CLIENTS?|ACCOUNTS?)$/, '');
  const tier = own(TIER_WORDS, core) ?? own(TIER_WORDS, s);
  return tier ? ok(tier) : bad('not_tier', raw);
}

/** The customer fields whose values are one of a few choices, each with its reader (blank: the default). */
export const CHOICES = {
  tier: parseTier,
  status: (v: string) => parseChoice(v, CustomerStatus.options, STATUS_WORDS, 'prospect'),
  stage: (v: string) => parseChoice(v, Stage.options, STAGE_WORDS, null),
  companyType: (v: string) => parseChoice(v, CompanyType.options, COMPANY_TYPE_WORDS, null),
  sizeClass: (v: string) => parseChoice(v, SizeClass.options, SIZE_WORDS, null),
  lostReasonCode: (v: string) => parseChoice(v, LostReason.options, LOST_REASON_WORDS, null),
} as const;

/** An enum column: its own codes or the listed words; blank is `fallback`. */
function parseChoice<T extends string>(
  raw: string,
  codes: readonly T[],
  words: Record<string, T>,
  fallback: T | null,
): Parsed<T | null> {
  const s = clean(raw);
  if (!s) return ok(fallback);
  const lower = s.toLowerCase().replace(/[\s-]+/g, '_');
  if ((codes as readonly string[]).includes(lower)) return ok(lower as T);
  const word = own(words, s);
  return word ? ok(word) : bad('not_choice', raw, codes.join(', '));
}

const STATUS_WORDS = {
  潜在: 'prospect',
  意向: 'prospect',
  潜在客户: 'prospect',
  合作: 'active',
  合作中: 'active',
  活跃: 'active',
  正常: 'active',
  签约: 'signed',
  已签约: 'signed',
  成交: 'signed',
  流失: 'lost',
  丢失: 'lost',
  已流失: 'lost',
} as const;
const STAGE_WORDS = {
  竞得: 'land_won',
  已竞得: 'land_won',
  已联系: 'contacted',
  已服务: 'serviced',
  方案: 'proposal',
  报价: 'proposal',
  签约: 'signed',
  售后: 'after_sales',
} as const;
const COMPANY_TYPE_WORDS = {
  外资: 'foreign',
  外企: 'foreign',
  合资: 'joint_venture',
  股份: 'joint_stock',
  股份制: 'joint_stock',
  民营: 'private',
  私营: 'private',
  国有: 'state',
  国企: 'state',
  其他: 'other',
} as const;
const LOST_REASON_WORDS = {
  价格: 'price',
  竞争对手: 'competitor',
  服务: 'service',
  质量: 'quality',
  关系: 'relationship',
  无需求: 'no_need',
  停业: 'closed',
  其他: 'other',
} as const;
const SIZE_WORDS = {
  特大: 'super',
  超大: 'super',
  大: 'large',
  大型: 'large',
  中: 'medium',
  中型: 'medium',
  小: 'small',
  小型: 'small',
  微型: 'small',
} as const;

/** Several values in one cell: 0516-1234; 0516-5678 / a@x.com、b@x.com / Google's " ::: ". Spaces stay: "0516 8765 4321". */
export const splitList = (raw: string) =>
  raw
    .split(/\s*:::\s*|[;；,，、\n/|]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const shortRun = (s: string) => phoneDigits(s).length < 5;

/**
 * Numbers in one cell: as `splitList`, except that a run of fewer than five digits beside a slash
 * belongs to its neighbour — German "0987 /6543" is an area code and its number, "3456/3457" the
 * last digits of a second number — and stays one value as written.
 */
export const splitPhones = (raw: string) =>
  raw
    .split(/\s*:::\s*|[;；,，、\n|]+/)
    .flatMap((cell) => {
      const out: string[] = [];
      // (Cut before each slash and the spaces before it, so a piece keeps the slash it follows.)
      for (const piece of cell.split(/(?=\s*\/)/)) {
        const last = out.at(-1);
        if (last !== undefined && (shortRun(last) || shortRun(piece))) out[out.length - 1] = last + piece;
        else out.push(piece.replace(/^\s*\/\s*/, ''));
      }
      return out;
    })
    .map((s) => s.trim())
    .filter(Boolean);

/** Regions are written 华东/江苏/徐州, 江苏 > 徐州 or 江苏省 徐州市. */
export const splitRegion = (raw: string) =>
  raw
    .split(/[/>＞→,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Values kept in notes under what they are: "需求：门禁系统改造", "其他电话：…; …". */
export const noted = (what: string, values: string[]) => `${what.trim()}：${values.join('; ')}`;

// Told by the one phone parser: a 3-4-4 mainland mobile, not North America's 1-845-383-5299.
export const isCnMobile = (v: string) => /^\+861\d{10}$/.test(normalisePhone(v) ?? '');

/**
 * Numbers of a person who may have no mobile or direct line (Android's 住宅, often a private
 * contact's only number): a mainland mobile is their mobile, else the first their direct line;
 * the rest stay beside them.
 */
export function ownNumbers(has: { mobile?: string | undefined; direct?: string | undefined }, numbers: string[]) {
  let { mobile, direct } = has;
  const rest: string[] = [];
  for (const v of numbers) {
    if (!mobile && isCnMobile(v)) mobile = v;
    else if (!mobile && !direct) direct = v;
    else rest.push(v);
  }
  return { mobile, direct, rest };
}

/** A phone as written, refused only when it can't be one (fewer than 5 digits): files keep what people typed. */
export function parsePhone(raw: string): Parsed<string> {
  const s = raw.trim();
  // Excel shows a long number as 8.61395E+12 and saves a CSV as shown: its last digits are gone.
  if (/^\d(\.\d+)?E\+?\d+$/i.test(s)) return bad('rounded_number', raw);
  return phoneDigits(s).length >= 5 ? ok(s) : bad('not_phone', raw);
}

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Outlook's (US) month/day/year: 8/9/1968, 12/31/85. */
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
// Dotted dates are day first wherever they are written (German Outlook: 3.4.1970).
const DMY_DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
/** A birthday without a year: vCard's --06-01 / --0601, Google's --06-01. */
const NO_YEAR = /^--(\d{2})-?(\d{2})$/;
/**
 * The year a birthday without one is stored under (the schema keeps full dates): 1604, as Apple's
 * address book does (X-APPLE-OMIT-YEAR=1604) — a leap year, so 02-29 is kept, and one no living
 * person was born in. The vCard export writes such a date back without its year.
 */
export const NO_YEAR_YEAR = '1604';

function valid(y: number, mo: number, d: number): string | null {
  const t = new Date(Date.UTC(y, mo - 1, d));
  t.setUTCFullYear(y);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An Excel date serial written out as a number (a date column saved without its format): 1955 to 2119. */
const SERIAL = /^(\d{5})(\.\d+)?$/;
function serialDate(s: string): { date: string; ms: number } | null {
  const m = SERIAL.exec(s);
  if (!m) return null;
  const n = Number(s);
  if (n < 20_000 || n > 80_000) return null;
  const t = Math.round((n - 25569) * 86_400_000);
  const iso = new Date(t).toISOString();
  return { date: iso.slice(0, 10), ms: t };
}

/**
 * Which number comes first in a file's slashed dates: the month in a US Outlook's (8/9/1968), the
 * day in a French or British one (03/04/1970 is 3 April). Unknown, each date is read month first
 * unless its first number can't be a month.
 */
export type DateOrder = 'dmy' | 'mdy';

/** The order a file's slashed dates can only be read in, from those that show it (31/12/1985, 12/31/1985); none when they don't or disagree. */
export function slashedOrder(values: Iterable<string>): DateOrder | undefined {
  let dmy = false;
  let mdy = false;
  for (const v of values) {
    const m = MDY.exec(clean(v).split(/[T\s]/)[0] ?? '');
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dmy = true;
    if (b > 12 && a <= 12) mdy = true;
  }
  return dmy === mdy ? undefined : dmy ? 'dmy' : 'mdy';
}

function ymd(s: string, order?: DateOrder): string | null {
  const serial = serialDate(s);
  if (serial) return serial.date;
  const m = YMD.exec(s) ?? COMPACT.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]));
  const dotted = DMY_DOTTED.exec(s);
  if (dotted) return valid(Number(dotted[3]), Number(dotted[2]), Number(dotted[1]));
  const us = MDY.exec(s);
  if (!us) return null;
  let [mo, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
  if (order === 'dmy') [mo, d] = [d, mo];
  // Two-digit years as Outlook writes them: 00–29 this century, 30–99 the last.
  if ((us[3] as string).length === 2) y += y < 30 ? 2000 : 1900;
  // Day first only when the first number can't be a month (31/12/1985).
  if (!order && mo > 12 && d <= 12) [mo, d] = [d, mo];
  return valid(y, mo, d);
}

/**
 * A cell that says there is nothing — a CRM's or a typist's placeholder (-, —, /, 暂无, 无, N/A,
 * NULL) — is blank: read as a value it would refuse its row (no web address) or fill a field
 * with nothing.
 */
export const saysNothing = (raw: string) =>
  /^(?:[-–—_/\\.*·]+|无|暂无|没有|未知|不详|未填|未填写|空|[(（]空[)）]|n\/a|none|null|unknown)$/i.test(clean(raw));

/** Outlook writes 0/0/00 (and some tools 0000-00-00) for "no date": a blank, not an error. */
export const isNoDate = (raw: string) => /^0{1,2}[-/.]0{1,2}[-/.]0{2,4}$|^0{4}[-/.]0{1,2}[-/.]0{1,2}$/.test(clean(raw));

/** A calendar date (birthday): 1968-05-12, 1968/5/12, 1968年5月12日, 19680512, 8/9/1968 (US), --06-01 (no year). */
export function parseDate(raw: string, order?: DateOrder): Parsed<string> {
  const s = clean(raw);
  const noYear = NO_YEAR.exec(s);
  if (noYear) {
    const d = valid(Number(NO_YEAR_YEAR), Number(noYear[1]), Number(noYear[2]));
    if (d) return ok(d);
  }
  const d = ymd(s, order) ?? (/^\d{4}-\d{2}-\d{2}T/.test(s) ? ymd(s.slice(0, 10)) : null);
  return d ? ok(d) : bad('not_date', raw);
}

// 农历/阴历 (or "lunar") before a birthday says it is a lunar month and day.
const LUNAR_MARK = /^\s*(?:农历|阴历|lunar)\s*/i;
const LUNAR_WORDS = /^(.{1,2})月(.{2})$/;
const LUNAR_MONTHS: Record<string, number> = { 一: 1, 十一: 11, 十二: 12 };

/** A lunar month and day in words (冬月初八, 十一月初八, 腊月廿三) as a birthday without a year, else null. */
function lunarWords(s: string): string | null {
  const m = LUNAR_WORDS.exec(s);
  if (!m) return null;
  const month = LUNAR_MONTHS[m[1] as string] ?? LunarUtil.MONTH.indexOf(m[1] as string);
  const day = LunarUtil.DAY.indexOf(m[2] as string);
  if (month < 1 || day < 1) return null;
  return `${NO_YEAR_YEAR}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A birthday and whether it is a lunar one: so when its column says so (`lunar`: 农历生日), when
 * 农历 stands before it (农历 1975-11-08, as the export writes one), or when it is a lunar month
 * and day in words (冬月初八).
 */
export function parseBirthday(raw: string, lunar = false, order?: DateOrder): Parsed<{ date: string; lunar: boolean }> {
  const marked = LUNAR_MARK.test(raw);
  const s = clean(raw.replace(LUNAR_MARK, ''));
  const words = lunarWords(s);
  if (words) return ok({ date: words, lunar: true });
  const d = parseDate(s, order);
  return d.ok ? ok({ date: d.value, lunar: lunar || marked }) : d;
}

const WALL = /^(.+?)(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * An instant: ISO-8601 with a zone (kept as that instant), or a local date and time as a
 * spreadsheet holds one (2026-11-20, 2026/11/20 14:30, 2026-11-30T23:30:00, 11/20/2026 9:05):
 * that comes back as wall time without a zone (YYYY-MM-DDTHH:MM:SS.sss), to be placed in the
 * configured time zone by `inZone` where the settings are known.
 */
export function parseInstant(raw: string, order?: DateOrder): Parsed<string> {
  const s = clean(raw);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const t = new Date(s);
    if (!Number.isNaN(t.getTime())) return ok(t.toISOString());
  }
  const serial = serialDate(s);
  if (serial) return ok(new Date(serial.ms).toISOString().slice(0, 23));
  const m = WALL.exec(s);
  const d = m ? ymd((m[1] as string).trim(), order) : null;
  if (m && d) {
    const [h, mi, sec, ms] = [m[2], m[3], m[4], m[5]].map((v) => Number(v ?? 0));
    if ((h as number) < 24 && (mi as number) < 60 && (sec as number) < 60) {
      const p2 = (n: number) => String(n).padStart(2, '0');
      return ok(
        `${d}T${p2(h as number)}:${p2(mi as number)}:${p2(sec as number)}.${String(ms).padEnd(3, '0').slice(0, 3)}`,
      );
    }
  }
  return bad('not_date_time', raw);
}

/** True for a zoneless wall time from `parseInstant`. */
export const isWallTime = (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/.test(s);

const zoneParts = new Map<string, Intl.DateTimeFormat>();
/** How far `timeZone` is ahead of UTC at instant `t` (ms). */
function offsetAt(t: number, timeZone: string): number {
  let f = zoneParts.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneParts.set(timeZone, f);
  }
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(t))) p[x.type] = Number(x.value);
  const n = (k: string) => p[k] ?? 0;
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - (t - (((t % 1000) + 1000) % 1000));
}

/** An instant from `parseInstant` as ISO UTC: a wall time is read in `timeZone` (Excel keeps no zone). */
export function inZone(s: string, timeZone: string): string {
  if (!isWallTime(s)) return s;
  const wall = Date.parse(`${s}Z`);
  let t = wall - offsetAt(wall, timeZone);
  // Once more at the instant found, for a wall time near a change of offset.
  t = wall - offsetAt(t, timeZone);
  return new Date(t).toISOString();
}

/** An instant as the wall time of `timeZone`, as a Date whose UTC fields are that wall time (what a spreadsheet cell holds). */
export function wallDate(iso: string, timeZone: string): Date {
  const t = Date.parse(iso);
  return new Date(t + offsetAt(t, timeZone));
}

export function parseBool(raw: string): Parsed<boolean> {
  const s = clean(raw).toLowerCase();
  if (['', '0', 'no', 'n', 'false', '否', '不是', '×'].includes(s)) return ok(false);
  if (['1', 'yes', 'y', 'true', '是', '√', '✓', 'x'].includes(s)) return ok(true);
  return bad('not_yes_no', raw);
}

// A CSV opened in Excel runs a cell starting with = + - @ as a formula; the export puts a ' in
// front of such text and the import takes it off again, so the data survives the round trip.
const FORMULA_START = /^[=+\-@\t\r]/;
export const guardFormula = (s: string) => (FORMULA_START.test(s) && !/^[+-]?[\d\s()-]+$/.test(s) ? `'${s}` : s);
export const unguardFormula = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

/**
 * Coded values as a Chinese book writes them (the export in zh) — and reads them back: the
 * import's word lists above hold each of these, the linked sheets' kinds are read by `codeOf`.
 */
export const ZH_VALUES = {
  status: { prospect: '潜在', active: '活跃', signed: '已签约', lost: '流失' },
  stage: {
    land_won: '已竞得',
    contacted: '已联系',
    serviced: '已服务',
    proposal: '方案',
    signed: '签约',
    after_sales: '售后',
  },
  companyType: {
    foreign: '外资',
    joint_venture: '合资',
    joint_stock: '股份制',
    private: '民营',
    state: '国有',
    other: '其他',
  },
  sizeClass: { super: '特大', large: '大型', medium: '中型', small: '小型' },
  lostReasonCode: {
    price: '价格',
    competitor: '竞争对手',
    service: '服务',
    quality: '质量',
    relationship: '关系',
    no_need: '无需求',
    closed: '停业',
    other: '其他',
  },
  kind: { call: '电话', visit: '拜访', email: '邮件', sms: '短信', meeting: '会议', greeting: '问候', note: '备注' },
  intention: { high: '高', medium: '中', low: '低' },
  keyKind: {
    credit_code: '信用代码',
    icp: 'ICP备案',
    domain: '域名',
    email_domain: '邮箱域名',
    email: '邮箱',
    name: '名称',
  },
  bool: { yes: '是', no: '否' },
} as const satisfies Record<string, Record<string, string>>;

/** The code a cell names: the code itself, or its Chinese word (ZH_VALUES[table]). */
export function codeOf(table: keyof typeof ZH_VALUES, raw: string | null): string | null {
  if (raw === null) return null;
  const s = clean(raw);
  for (const [code, word] of Object.entries(ZH_VALUES[table])) if (word === s) return code;
  return s;
}
