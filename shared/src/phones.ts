import { type NumberType, type PhoneNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { memoised } from './memo.ts';

/**
 * Phone numbers in Chinese and English text, parsed with libphonenumber-js (default country CN).
 *
 * libphonenumber decides whether a digit string is a valid number; the rules here decide
 * whether a digit string on a page was *written as* a phone number. Pages are full of digit
 * strings that happen to validate (a 10-digit QQ number parses as a Sichuan landline), so:
 * - a Chinese landline must be written with its trunk 0 or with +86 — nobody prints a
 *   landline as "5168765432", while QQ numbers, dates and order numbers look exactly like that;
 * - foreign numbers must be written in international form (+ or 00), the default being CN;
 * - a run of digits labelled as QQ, account, order, postcode, credit code, ICP… is skipped;
 * - digits glued to letters, '@', currency or units are part of something else.
 */

export type PhoneType = 'mobile' | 'fixed' | 'tollfree' | 'unknown';

export interface FoundPhone {
  /** E.164 without extension, e.g. +8651687654321. */
  number: string;
  /** The text as written on the page (extension included). */
  display: string;
  ext?: string;
  type: PhoneType;
}

/**
 * Full-width forms (Ａ-Ｚ, ０-９, （）＋－) and typographic dashes/spaces folded to ASCII,
 * one character for one so that offsets in the folded text are offsets in the original.
 */
// The characters foldWidth changes: most text has none, and is returned without a copy.
const FOLDABLE = /[\uff01-\uff5e\u3000\u00a0\u2002\u2003\u2009\u2010-\u2014\u2212\u3001]/;

export function foldWidth(text: string): string {
  if (!FOLDABLE.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009) out += ' ';
    else if (c === 0x2010 || c === 0x2011 || c === 0x2012 || c === 0x2013 || c === 0x2014 || c === 0x2212) out += '-';
    else if (c === 0x3001) out += ',';
    else out += ch; // astral characters pass through whole, so lengths still match
  }
  return out;
}

/** Digits only (full-width folded), for search: "+86 138-0000-0000" → "8613800000000". */
export function phoneDigits(raw: string): string {
  return foldWidth(raw).replace(/\D+/g, '');
}

interface Group {
  /** Position in the list of all digit groups of the text. */
  idx: number;
  start: number;
  end: number;
  digits: string;
}

// Between two digit groups of one number: spaces, dots, dashes, brackets, at most 3 of them.
const JOIN_GAP = /^[ \t.\-()/]{1,3}$/;
// Between a number and its extension: 转 / 分机 / ext. / x / # / -.
const EXT_GAP = /^\s*(?:转|轉|分机|分機|ext\.?|extn\.?|extension|x|#|-)\s*$/i;
// Text right before a digit run that says it is not a phone. The last keyword wins, so
// "订单电话：0516…" is a phone and "电话：… 订单号：2024…" is not.
const NEGATIVE =
  /QQ|Q\s*Q|qq|企鹅|账号|帐号|賬號|账户|帐户|賬戶|卡号|开户|银行|订单|單號|单号|编号|編號|工号|流水|邮编|郵編|邮政编码|税号|稅號|代码|代碼|信用|备案|備案|ICP|身份证|证号|证书|批准|文号|合同号|Order|Invoice|Account|Acct|A\/C|IBAN|SWIFT|Zip|Postcode|Postal|ISBN|SKU|Ref/gi;
const POSITIVE =
  /电话|電話|手机|手機|传真|傳真|热线|熱線|座机|座機|联系|聯繫|致电|咨询|服务|客服|Tel|Phone|Mobile|Mob|Cell|Fax|Hotline|Call|Contact|[TMF]\s*[:：]/gi;
// Digits followed by these are amounts, sizes or dates, never phones.
const UNIT_AFTER =
  /^\s*(?:元|万|萬|亿|億|円|块|%|‰|平方|㎡|m2|m²|亩|畝|公顷|公頃|kg|公斤|吨|件|个|個|次|年|月|日|号|號|人|台|套|天|小时|分钟|RMB|CNY|USD|yuan)/i;
const CURRENCY_BEFORE = /(?:[¥￥$€£]|RMB|CNY|USD|HK\$)\s*$/i;

function lastKeyword(re: RegExp, text: string): number {
  let at = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index;
  return at;
}

function typeOf(t: NumberType | undefined): PhoneType {
  if (t === 'MOBILE') return 'mobile';
  if (t === 'FIXED_LINE') return 'fixed';
  if (t === 'TOLL_FREE' || t === 'SHARED_COST' || t === 'UAN') return 'tollfree';
  return 'unknown';
}

/** Was this digit string written the way a person writes that kind of number? */
function writtenAsPhone(p: PhoneNumber, written: string, hasPlus: boolean): boolean {
  const digits = written.replace(/\D/g, '');
  const international = hasPlus || digits.startsWith('00');
  if (p.country !== 'CN' && p.countryCallingCode !== '86') return international;
  if (international) return true;
  const type = p.getType();
  // A mainland mobile is grouped 3-4-4; a lone leading 1 is North America's trunk prefix
  // ("1-845-383-5299"), whose eleven digits happen to read as a mobile here.
  if (type === 'MOBILE') return !/^1[\s.\-(]/.test(written);
  if (type === 'TOLL_FREE' || type === 'SHARED_COST' || type === 'UAN') return true;
  // "86-516…" written without '+': the 86 is the country code, fine.
  if (digits.startsWith('86') && digits.length === p.nationalNumber.length + 2) return true;
  return digits.startsWith('0');
}

function groupsOf(text: string): Group[] {
  const out: Group[] = [];
  for (const m of text.matchAll(/\d+/g)) {
    const start = m.index ?? 0;
    out.push({ idx: out.length, start, end: start + m[0].length, digits: m[0] });
  }
  return out;
}

function tryNumber(text: string, groups: Group[], i: number, j: number): { p: PhoneNumber; from: number } | null {
  const first = groups[i];
  const last = groups[j];
  if (!first || !last) return null;
  let digitCount = 0;
  for (let k = i; k <= j; k++) digitCount += groups[k]?.digits.length ?? 0;
  if (digitCount < 7 || digitCount > 17) return null;
  // Take a leading '+' or '(' / '(+' that belongs to the number.
  let from = first.start;
  const before = text.slice(Math.max(0, from - 3), from);
  const lead = /\(?\+?\(?\s?$/.exec(before)?.[0] ?? '';
  from -= lead.length;
  const hasPlus = lead.includes('+');
  const written = text.slice(from, last.end);
  const p = parsePhoneNumberFromString(hasPlus ? `+${written.replace(/[^\d]/g, '')}` : written, 'CN');
  if (!p?.isValid() || !writtenAsPhone(p, written, hasPlus)) return null;
  return { p, from: first.start - lead.trimStart().length };
}

/** Is the digit run starting at `start` labelled as something other than a phone? */
function labelledOtherwise(text: string, start: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 16);
  const before = text.slice(lineStart, start);
  const neg = lastKeyword(NEGATIVE, before);
  return neg >= 0 && neg > lastKeyword(POSITIVE, before);
}

/** Card numbers are printed in groups of four: "6222 0212 3456 7890 123". */
function looksLikeCard(run: Group[]): boolean {
  const total = run.reduce((n, g) => n + g.digits.length, 0);
  return total >= 16 && run.length >= 4 && run.slice(0, -1).every((g) => g.digits.length === 4);
}

/** Digits that continue a word, a URL or an e-mail address are part of that, not a phone. */
function gluedToWord(text: string, start: number, end: number): boolean {
  const prev = text[start - 1] ?? '';
  const after = text.slice(end, end + 2);
  return /[A-Za-z_@=/\\]/.test(prev) || /^(?:@|\.[A-Za-z])/.test(after);
}

/** Every phone number in `text`, in order of appearance, each distinct number (and extension) once. */
export function findPhones(raw: string): FoundPhone[] {
  const text = foldWidth(raw);
  const groups = groupsOf(text);
  const found: FoundPhone[] = [];
  const seen = new Set<string>();
  // Split the digit groups into runs that could belong together.
  const runs: Group[][] = [];
  for (const g of groups) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (run && prev && JOIN_GAP.test(text.slice(prev.end, g.start))) run.push(g);
    else runs.push([g]);
  }
  for (const run of runs) {
    const head = run[0];
    if (!head || looksLikeCard(run) || labelledOtherwise(text, head.start)) continue;
    let i = 0;
    while (i < run.length) {
      let hit: { p: PhoneNumber; from: number; j: number } | null = null;
      // Up to six groups, the longest first; eight after a '+': German numbers are printed in
      // pairs after the (0) trunk prefix, "+49 (0) 49 21 / 99 96 70", and no pair may be left
      // behind. (Only there: every group more is one more parse of each run of a long page.)
      const start = run[i] as Group;
      const widest = text.charCodeAt(start.start - 1) === 43 || text.charCodeAt(start.start - 2) === 43 ? 7 : 5;
      for (let j = Math.min(run.length - 1, i + widest); j >= i && !hit; j--) {
        const r = tryNumber(text, run, i, j);
        if (r) hit = { ...r, j };
      }
      if (!hit) {
        i++;
        continue;
      }
      const last = run[hit.j] as Group;
      let end = last.end;
      let ext: string | undefined = hit.p.ext;
      const next = run[hit.j + 1];
      // An extension joined by '-' sits inside the run; one joined by 转/ext/x sits after it.
      const extGroup = next ?? groups[last.idx + 1];
      const gap = extGroup ? text.slice(end, extGroup.start) : '';
      if (
        extGroup &&
        extGroup.digits.length <= 6 &&
        gap.length <= 12 &&
        EXT_GAP.test(gap) &&
        !(gap.trim() === '-' && (extGroup.digits.length > 5 || typeOf(hit.p.getType()) !== 'fixed'))
      ) {
        ext = extGroup.digits;
        end = extGroup.end;
        if (next === extGroup) hit.j++;
      }
      i = hit.j + 1;
      if (gluedToWord(text, hit.from, end)) continue;
      if (UNIT_AFTER.test(text.slice(end)) || CURRENCY_BEFORE.test(text.slice(0, hit.from))) continue;
      const key = `${hit.p.number};${ext ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const phone: FoundPhone = {
        number: hit.p.number,
        display: raw.slice(hit.from, end),
        type: typeOf(hit.p.getType()),
      };
      if (ext) phone.ext = ext;
      found.push(phone);
    }
  }
  return found;
}

/**
 * One phone number as E.164, with ";ext=" (RFC 3966) when it has an extension; null when the
 * string holds no phone number or more digits than the one number found.
 */
export function normalisePhone(raw: string): string | null {
  return normalised(raw);
}

/** Numbers kept by each memo here before it starts over (a few MB at most). */
const MEMO_SIZE = 50_000;
// Parsing costs ~80 µs; the same numbers come back on every capture, merge and import of a file
// (an import of 3,000 files reads each number several times: room for all of them).
const normalised = memoised(MEMO_SIZE, (raw: string) => parseOne(raw));

function parseOne(raw: string): string | null {
  // Our own output form (+8651687654321;ext=808) must read back as the same number.
  const text = raw.trim().replace(/^tel:/i, '').replace(/;ext=/i, ' ext ');
  const [first, ...rest] = findPhones(text);
  if (!first || rest.length > 0) return null;
  const used = phoneDigits(first.display).length;
  if (phoneDigits(text).length !== used) return null;
  return first.ext ? `${first.number};ext=${first.ext}` : first.number;
}

const STORED_MAINLAND = /^\+86(1[3-9]\d{9}|[2-9]\d{9,10})$/;

/**
 * The digits a search for one phone number looks for: its national significant number, which
 * every stored form of the number contains ("+86 187-5348-5579", "0086 187 5348 5579" and
 * "18753485579" → "18753485579"; "0516-87654321" and "+86 516 8765 4321" → "51687654321").
 * Null when the text is not one phone number (a fragment such as the last four digits).
 */
export function phoneSearchDigits(raw: string): string | null {
  // A mainland number as we store it (+86 and a mobile or an area code's number): its national
  // number without a parse — files are written this way, and an import of thousands meets each
  // number once (two parses of ~80 µs each were most of its write).
  return STORED_MAINLAND.test(raw) ? raw.slice(3) : searchDigits(raw);
}

// The same numbers come back on every card and search: two parses each were most of the card's own CPU.
const searchDigits = memoised(MEMO_SIZE, (raw: string): string | null => {
  const e164 = normalisePhone(raw);
  return e164 ? (parsePhoneNumberFromString(e164.replace(/;ext=.*$/, ''))?.nationalNumber ?? null) : null;
});

/** The same number however written: by E.164 where both parse, else by their digits. */
export function samePhone(a: string, b: string): boolean {
  const [na, nb] = [normalisePhone(a), normalisePhone(b)];
  return na && nb ? na === nb : phoneDigits(a) === phoneDigits(b);
}
