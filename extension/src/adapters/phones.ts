import { findPhones, foldWidth, type PhoneType } from '@dossier/shared';
import { captureStore } from './cache.ts';
import { clean } from './text.ts';

/**
 * Phone numbers as pages write them, on top of @dossier/shared's findPhones (which reads
 * numbers the Chinese way: default country CN, landlines with their trunk 0):
 * - North-American numbers (919-555-0123, (646) 694-8530, 1-305-677-6594, +1-866-…) keep +1,
 *   and a "1-…" prefix is never read as a Chinese mobile;
 * - local numbers listed after a landline share its area code (0731-89852209 89852069);
 * - a number the page marks as a phone (a label, a contact block) but that no rule can place —
 *   a national number of another country (044 586 00 40, 0221 1642 1411) — is kept as written.
 */

// Whether the page being captured is not in Chinese: set once per capture (genericFound), read
// wherever a number is turned into a value.
const PAGE = {};

export function setPageForeign(foreign: boolean): void {
  captureStore('page')?.set(PAGE, foreign);
}

/** Is the page being captured one not in Chinese? Undefined outside a capture. */
export const pageIsForeign = (): boolean | undefined => captureStore('page')?.get(PAGE) as boolean | undefined;

export interface PagePhone {
  /** E.164 (";ext=" for an extension), or the number as written when it cannot be placed. */
  value: string;
  /** The text as written on the page. */
  display: string;
  type: PhoneType;
  start: number;
  end: number;
}

export interface PhoneOptions {
  /** Read 3-3-4 numbers as North-American (a page not in Chinese). Explicit +1 / 1- always are. */
  nanp?: boolean;
  /** The page says this is a phone: keep a number no rule can place as written. */
  asWritten?: boolean;
}

const CJK = /[\u3400-\u9fff]/g;
const LATIN = /[A-Za-z]/g;

/** Is the text mostly Chinese (by its letters, over a sample of its start)? */
export function isChineseText(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const cjk = sample.match(CJK)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  return cjk > 0 && cjk * 3 >= latin;
}

// 3-3-4, the area code and the exchange never starting with 0 or 1; an optional +1 / 1- before.
// A dash may stand between spaces: (212) 560 – 6928.
const NANP =
  /(?<![\d+])(?:(\+\s?1|\b1)[\s.-]?)?(?:\(\s?([2-9]\d{2})\s?\)|([2-9]\d{2}))(?:\s?-\s?|[\s.])?([2-9]\d{2})(?:\s?-\s?|[\s.])(\d{4})(?![\d])/g;

function nanpNumbers(text: string, all: boolean): PagePhone[] {
  const out: PagePhone[] = [];
  for (const m of text.matchAll(NANP)) {
    const explicit = m[1] !== undefined;
    if (!explicit && !all) continue;
    const digits = `${m[2] ?? m[3]}${m[4]}${m[5]}`;
    const p = findPhones(`+1 ${digits}`)[0];
    if (!p) continue;
    const start = m.index ?? 0;
    out.push({ value: p.number, display: m[0], type: p.type, start, end: start + m[0].length });
  }
  return out;
}

// After a landline: more local numbers of the same length, separated by spaces, commas or
// slashes, written in one piece or in two (8678 5678).
const NEXT_LOCAL = /^[\s,，、/;；]+(\d{3,4}[\s-]?\d{4})(?![\d-])/;

function continuations(text: string, p: PagePhone): PagePhone[] {
  const out: PagePhone[] = [];
  if (!p.value.startsWith('+86') || p.value.includes(';') || p.type === 'mobile' || p.type === 'tollfree') return out;
  // The area code: 10 and 2x are two digits, the others three (+86 571 …).
  const national = p.value.slice(3);
  const local = national.slice(/^(?:10|2)/.test(national) ? 2 : 3);
  if (!/^\d{7,8}$/.test(local)) return out;
  const area = p.value.slice(0, p.value.length - local.length);
  let at = p.end;
  for (let m = NEXT_LOCAL.exec(text.slice(at)); m; m = NEXT_LOCAL.exec(text.slice(at))) {
    const written = m[1] ?? '';
    const digits = written.replace(/\D/g, '');
    if (digits.length !== local.length) break;
    const start = at + m[0].length - written.length;
    out.push({ value: `${area}${digits}`, display: written, type: p.type, start, end: start + written.length });
    at = start + written.length;
  }
  return out;
}

// A run that reads as a phone number: digits in groups (spaces, dashes, dots, slashes, brackets).
const WRITTEN = /(?<![\w.,:/-])\+?\(?\d[\d\s()./-]*\d\)?(?![\w@:])/g;
const DATE =
  /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$|^(?:19|20)\d{2}\s*[-/]\s*(?:19|20)?\d{2}$|^\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d/;
// A date however bracketed: (2016-02-01), 10.10.2018.
const DATE_LIKE = { test: (s: string) => DATE.test(s.replace(/^[\s(（[]+|[\s)）\]]+$/g, '')) };

function writtenNumbers(text: string): PagePhone[] {
  const out: PagePhone[] = [];
  for (const m of text.matchAll(WRITTEN)) {
    const display = m[0].replace(/[\s(./-]+$/, '');
    const digits = display.replace(/\D/g, '');
    if (digits.length < 5 || digits.length > 15 || DATE_LIKE.test(display)) continue;
    // Five or six digits only when they start like a dialled number (short numbers: 03080).
    if (digits.length < 7 && !/^[+0(]/.test(display)) continue;
    const start = m.index ?? 0;
    out.push({ value: clean(display), display, type: 'unknown', start, end: start + display.length });
  }
  return out;
}

// A theme's demo number ("+44 1234 567 890", "123-456-7890"): nine digits counting up are nobody's.
const PLACEHOLDER = /123456789/;

// The digits of a site's licence (粤ICP备15114012号, 京公网安备 11010502030143号) are no one's number.
const LICENCE_BEFORE = /(?:ICP\s*[备证]|公网安备)\s*$/i;

const overlaps = (a: PagePhone, b: PagePhone) => a.start < b.end && b.start < a.end;

/** Every phone number in `text`, in order, each once. */
export function phonesIn(raw: string, opt: PhoneOptions = {}): PagePhone[] {
  const text = foldWidth(raw);
  const nanpAll = opt.nanp ?? !isChineseText(text);
  // On a Chinese page numbers sharing a prefix ("0571-8678 1234/8678 5678") are read one by one:
  // the number matcher takes digits around a slash for a date and drops them all. (Elsewhere a
  // slash parts the area code from the number: 0 93 82 / 84 73 99. Same length: the positions
  // below are the text's.)
  const probe = nanpAll ? text : text.replace(/(?<=\d)\s*\/\s*(?=\d)/g, (m) => m.replace('/', ','));
  let found: PagePhone[] = findPhones(probe).map((p) => {
    const start = text.indexOf(foldWidth(p.display));
    return {
      value: p.ext ? `${p.number};ext=${p.ext}` : p.number,
      display: p.display,
      type: p.type,
      start,
      end: start + p.display.length,
    };
  });
  if (/\d{3}(?:\s?-\s?|[\s.])\d{4}/.test(text)) {
    const nanp = nanpNumbers(text, nanpAll);
    // A North-American number written as one wins over the Chinese reading of the same digits.
    found = [...found.filter((f) => !nanp.some((n) => overlaps(n, f))), ...nanp];
  }
  found = found.flatMap((p) => [p, ...continuations(text, p)]).filter((p) => !DATE_LIKE.test(p.display));
  // Outside a Chinese page a number written without its country code is not read as Chinese
  // (0 93 82 / 84 73 99 is a German number, not +86 938…): it is kept as written.
  if (nanpAll)
    for (const p of found)
      if (p.value.startsWith('+86') && !/^\s*\(?\s*(?:\+|00|86)/.test(p.display)) {
        p.value = clean(p.display);
        p.type = 'unknown';
      }
  if (opt.asWritten) found.push(...writtenNumbers(text).filter((w) => !found.some((f) => overlaps(f, w))));
  found.sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return found.filter((p) => {
    const key = p.value.startsWith('+') ? p.value : p.value.replace(/\D/g, '');
    if (seen.has(key) || PLACEHOLDER.test(p.value.replace(/\D/g, ''))) return false;
    if (LICENCE_BEFORE.test(text.slice(Math.max(0, p.start - 8), p.start))) return false;
    seen.add(key);
    return true;
  });
}
