import { foldWidth } from '@dossier/shared';

/**
 * Land figures as the pages write them → the capture's units: areas to m², prices to yuan
 * (USD and other currencies kept as given, with their code), dates to YYYY-MM-DD.
 */

// 1 亩 = 666.67 m² (the conversion the land bureaus and our brief use), 1 公顷 = 10 000 m².
const AREA_UNITS: [RegExp, number][] = [
  [/平方米|平米|㎡|m²|m2|sq\.?\s*m|square\s+met(?:er|re)s?/i, 1],
  [/公顷|hectares?|\bha\b/i, 10_000],
  [/亩/, 666.67],
  [/acres?|\bac\b/i, 4046.8564224],
  [/(?:sq\.?\s*ft|square\s+feet|ft²)/i, 0.09290304],
];

const PRICE_UNITS: [RegExp, number][] = [
  [/亿元|亿/, 100_000_000],
  [/万元|万/, 10_000],
  [/元/, 1],
];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The first number in a string, thousands separators allowed: "12,345.6" → 12345.6. */
export function firstNumber(text: string): number | undefined {
  const m = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)/.exec(foldWidth(text));
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : undefined;
}

const hints = new Map<string, string>();

/** The unit a column header or label states in brackets: "面积（公顷）" → "公顷". */
export function unitHint(label: string): string {
  // Asked once per cell of a result table, of the few labels its header has.
  let hint = hints.get(label);
  if (hint === undefined) {
    hint = /[（(]\s*([^）)]+?)\s*[）)]/.exec(foldWidth(label))?.[1] ?? '';
    if (hints.size > 500) hints.clear();
    hints.set(label, hint);
  }
  return hint;
}

export function areaM2(value: string, hint = ''): number | undefined {
  const n = firstNumber(value);
  if (n === undefined) return undefined;
  const after = foldWidth(value).replace(/^[^\d]*[\d,.]+/, '');
  const factor = AREA_UNITS.find(([re]) => re.test(after))?.[1] ?? AREA_UNITS.find(([re]) => re.test(hint))?.[1] ?? 1;
  return round2(n * factor);
}

export interface Price {
  amount: number;
  currency?: string;
}

export function price(value: string, hint = ''): Price | undefined {
  const v = foldWidth(value);
  const n = firstNumber(v);
  if (n === undefined) return undefined;
  if (/\$|USD|US\s*dollars?/i.test(v) || (/USD|\$/i.test(hint) && !/元/.test(v))) return { amount: n, currency: 'USD' };
  const after = v.replace(/^[^\d]*[\d,.]+/, '');
  const factor = PRICE_UNITS.find(([re]) => re.test(after))?.[1] ?? PRICE_UNITS.find(([re]) => re.test(hint))?.[1] ?? 1;
  return { amount: round2(n * factor) };
}

/** "2024-01-15", "2024年1月15日", "2024/1/15", "2024.01.15" → "2024-01-15"; 1900-01-01 means empty. */
export function isoDate(value: string): string | undefined {
  const v = foldWidth(value);
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(v);
  // 11/07/2012 15:42:40: the en-US form .NET systems print, month first (a Chinese page writes
  // the year first, so this order is never its own).
  const us = m ? null : /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(v);
  if (!m && !us) return undefined;
  const [y, mo, d] = m
    ? [Number(m[1]), Number(m[2]), Number(m[3])]
    : [Number(us?.[3]), Number(us?.[1]), Number(us?.[2])];
  if (y <= 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
