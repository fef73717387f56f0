import { phoneDigits, type Tier, toHalfWidth } from '@dossier/shared';

/** A cell's value, or why it is not usable. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; why: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (why: string): Parsed<never> => ({ ok: false, why });

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
  const core = s.replace(/^客户/, '').replace(/(?:类|级|等|档)?(?:客户)?$/, '');
  const tier = TIER_WORDS[core] ?? TIER_WORDS[s];
  return tier ? ok(tier) : bad(`"${raw}" is not a tier (A/B/C, 甲/乙/丙, 重要/一般/普通)`);
}

/** An enum column: its own codes or the listed words; blank is `fallback`. */
export function parseChoice<T extends string>(
  raw: string,
  codes: readonly T[],
  words: Record<string, T>,
  fallback: T | null,
): Parsed<T | null> {
  const s = clean(raw);
  if (!s) return ok(fallback);
  const lower = s.toLowerCase().replace(/[\s-]+/g, '_');
  if ((codes as readonly string[]).includes(lower)) return ok(lower as T);
  const word = words[s];
  return word ? ok(word) : bad(`"${raw}" is not one of ${codes.join(', ')}`);
}

export const STATUS_WORDS = {
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
export const STAGE_WORDS = {
  竞得: 'land_won',
  已竞得: 'land_won',
  已联系: 'contacted',
  已服务: 'serviced',
  方案: 'proposal',
  报价: 'proposal',
  签约: 'signed',
  售后: 'after_sales',
} as const;
export const COMPANY_TYPE_WORDS = {
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
export const SIZE_WORDS = {
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

/** Several values in one cell: 0516-1234; 0516-5678 / a@x.com、b@x.com. Spaces stay: "0516 8765 4321". */
export const splitList = (raw: string) =>
  raw
    .split(/[;；,，、\n/|]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Regions are written 华东/江苏/徐州, 江苏 > 徐州 or 江苏省 徐州市. */
export const splitRegion = (raw: string) =>
  raw
    .split(/[/>＞→,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A phone as written, refused only when it can't be one (fewer than 5 digits): files keep what people typed. */
export function parsePhone(raw: string): Parsed<string> {
  const s = raw.trim();
  return phoneDigits(s).length >= 5 ? ok(s) : bad(`"${raw}" is not a phone number`);
}

const YMD = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function ymd(s: string): string | null {
  const m = YMD.exec(s) ?? COMPACT.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

/** A calendar date (birthday): 1968-05-12, 1968/5/12, 1968年5月12日, 19680512. */
export function parseDate(raw: string): Parsed<string> {
  const s = clean(raw);
  const d = ymd(s) ?? (/^\d{4}-\d{2}-\d{2}T/.test(s) ? ymd(s.slice(0, 10)) : null);
  return d ? ok(d) : bad(`"${raw}" is not a date`);
}

/** An instant: ISO-8601 with a zone, or a date (taken as 00:00 UTC). */
export function parseInstant(raw: string): Parsed<string> {
  const s = clean(raw);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(s)) {
    const t = new Date(s);
    if (!Number.isNaN(t.getTime())) return ok(t.toISOString());
  }
  const d = ymd(s);
  return d ? ok(`${d}T00:00:00.000Z`) : bad(`"${raw}" is not a date and time`);
}

export function parseBool(raw: string): Parsed<boolean> {
  const s = clean(raw).toLowerCase();
  if (['', '0', 'no', 'n', 'false', '否', '不是', '×'].includes(s)) return ok(false);
  if (['1', 'yes', 'y', 'true', '是', '√', '✓', 'x'].includes(s)) return ok(true);
  return bad(`"${raw}" is not yes or no`);
}

// A CSV opened in Excel runs a cell starting with = + - @ as a formula; the export puts a ' in
// front of such text and the import takes it off again, so the data survives the round trip.
const FORMULA_START = /^[=+\-@\t\r]/;
export const guardFormula = (s: string) => (FORMULA_START.test(s) && !/^[+-]?[\d\s()-]+$/.test(s) ? `'${s}` : s);
export const unguardFormula = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);
