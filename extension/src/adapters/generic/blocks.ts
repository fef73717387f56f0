import type { CapturedCompany } from '@dossier/shared';
import { clean, type Line } from '../dom.ts';
import { addNumber, emptyCompany } from '../merge.ts';
import { phonesIn } from '../phones.ts';
import { linesMatching, linesWithChar } from '../scan.ts';
import { labelField } from './vocab.ts';

/**
 * What a page's contact block says without labels: the footer line "+61-2-9468-6300", a
 * number standing on its own next to the e-mail address (089 231416666 / info@…), the
 * street and town lines of a Western address, a Chinese address after its organisation's
 * name. Read only on short lines (a contact block, not an article's prose).
 */

// Lines that may hold a number: an international prefix, an area code in brackets, or digit
// groups joined by a space, dot or dash.
// (Tight on purpose: on a long page most lines hold dates, prices and order numbers, and
// every line let through is parsed.)
// It says which lines and cells hold one, never where: digit groups are read from the start of
// a run of two or more digits (the last two to five of a longer run, followed by the
// separator, are in the same line), not retried from every digit of every number on the page:
// 1.25 → 0.95 ms over the 1 MB page's text.
export const PHONEISH =
  /\d(?<!\d\d)\d+[\s./-]\d{3}|\(\d{2,5}\)\s?\d{3}|\d{2} \d{2} \d{2} \d{2}|(?:^|\D)(?:1[3-9]\d{9}|0\d{4,11}|[48]00\d{7})(?!\d)|\+\s?\d/;
// What makes the digits after it something other than a phone (the shared reader knows the
// Chinese ones: QQ, 邮编, 备案 …).
const NOT_PHONE =
  /(?:fax|telefax|传真|qq|微信|skype|zvr|uid|ust|vat|iva|steuer|hrb|hra|register|rcs|siren|siret|tva|iban|bic|blz|konto|account|swift|isbn|order|invoice|ref|postfach|postboks|p\.?\s?o\.?\s?box|org\.?\s?nr|许可证|备案|邮编|编号|代码|账号)[^\d]{0,12}$/i;
// Labels whose values are numbers but never phones.
const NOT_PHONE_LABELS = new Set<string>(['other', 'credit', 'icp', 'postcode', 'qq']);
// A cell that starts with a number written on its own.
const NUMBER_FIRST = /^\+?\(?\d[\d\s()./-]{4,}\d/;
const MAX_LINE = 160;

/** Lines with an e-mail address or an international number: what marks a contact block. */
export function contactAnchors(lines: Line[]): Set<number> {
  const out = new Set(linesWithChar(lines, '@'));
  for (const i of linesWithChar(lines, '+')) if (/\+\s?\d/.test(lines[i]?.cells.join(' ') ?? '')) out.add(i);
  return out;
}

function nearContact(i: number, anchors: Set<number>): boolean {
  for (let k = i - 3; k <= i + 3; k++) if (anchors.has(k)) return true;
  return false;
}

/** Phone numbers in unlabelled text of short lines. */
export function loosePhones(lines: Line[], nanp: boolean): string[] {
  const out: string[] = [];
  const candidates = linesMatching(lines, PHONEISH);
  if (candidates.length === 0) return out;
  // E-mail addresses and international numbers mark a contact block.
  const anchors = contactAnchors(lines);
  for (const i of candidates) {
    const line = lines[i] as Line;
    for (const [j, cell] of line.cells.entries()) {
      if (cell.length > MAX_LINE || labelField(cell) || (line.cells.length > 1 && !PHONEISH.test(cell))) continue;
      // A table row's value under a label for something else (RCS | 922 178 488, 邮编 | 221000).
      if (j > 0 && NOT_PHONE_LABELS.has(labelField(line.cells[j - 1] ?? '') ?? '')) continue;
      const asWritten = NUMBER_FIRST.test(cell) && nearContact(i, anchors);
      for (const p of phonesIn(cell, { nanp, asWritten })) {
        if (NOT_PHONE.test(cell.slice(Math.max(0, p.start - 24), p.start))) continue;
        // As written: only the number the cell starts with (a list of them, each on its line).
        if (p.type === 'unknown' && p.start > 1) continue;
        addNumber(out, p.value);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Addresses
// ---------------------------------------------------------------------------------------------

/** A Chinese address: administrative units, then a road, a number, a building. */
export function looksLikeCnAddress(s: string): boolean {
  return (
    s.length >= 6 &&
    s.length <= 120 &&
    /[省市区县州]/.test(s) &&
    /[路街道巷号楼村镇园厦座室层弄]/.test(s) &&
    !/[。！？!?]/.test(s) &&
    !/^(?:欢迎|我们|本公司|公司)/.test(s)
  );
}

// "深圳拉把贸易有限公司位于深圳宝安西乡共和工业路…创意园B座412交通便利": where a company says it is,
// up to the sentence's next clause — a street or building and a number in it, or it is a landscape.
const LIES_AT =
  /(?:公司|厂|集团|我司|总部)(?:坐落|座落)?(?:位于|地处|坐落于|座落于)\s*([\u4e00-\u9fffA-Za-z0-9 #\-－（）()]{6,60}?)(?=[，,。；;！!、\n]|交通|地理|环境|毗邻|邻近|紧邻|距离|是一家|$)/;

/** The company's address as a sentence of the page gives it, for a page that labels none. */
export function addressInProse(text: string): string | undefined {
  const at = LIES_AT.exec(text)?.[1]?.trim();
  return at && /[路街道巷号楼村镇园厦座室层弄]/.test(at) && /\d/.test(at) ? clean(at) : undefined;
}

// "82205 Gilching", "CH-6300 Zug - Schweiz", "I-39020 Kastelbell-Tschars", "0950 Oslo", "1012 AB Amsterdam",
// "67032 Pescasseroli (AQ)" (an Italian town with its province).
const TOWN = "\\p{Lu}[\\p{L}'’.]*(?:[ -]\\p{L}[\\p{L}'’.]*){0,3}";
const POSTCODE_TOWN = new RegExp(
  `^(?:[A-Z]{1,2}[- ])?\\d{4,5}(?: ?[A-Z]{2})? ${TOWN}(?: \\([A-Z]{2}\\))?(?: [-–] ${TOWN})?$`,
  'u',
);
// "New York, NY 10003"
const STATE_ZIP = '[A-Z]{2} \\d{5}(?:-\\d{4})?';
const US_TOWN = new RegExp(`^${TOWN},? ${STATE_ZIP}$`, 'u');
const US_STATE_ZIP = new RegExp(`^${STATE_ZIP}$`);
// "Talhofstraße 32", "Eisgrubengasse 2–6 / 2", "Bedriftsveien 7", "Juval 2", "101 5th Ave 10th Floor".
// Number first (American, British, French): the street says what it is (5th Ave, Main Street,
// rue de …); name first (Continental): the name and the house number, the postcode line after
// it decides.
const STREET_WORD =
  /\b(?:st|street|ave|avenue|rd|road|blvd|boulevard|ln|lane|dr|drive|way|pl|place|ct|court|sq|square|pkwy|parkway|hwy|highway|terrace|crescent|close|row|floor|fl|suite|ste|unit|rue|avenida|calle|via|viale|piazza|corso)\b\.?/i;
// (The house may carry a note: "Weißenburgstr. 4 (Hinterhof, EG)".)
const STREET_NAME_FIRST =
  /^\p{L}[\p{L}'’. -]{1,40}? \d{1,5} ?[a-zA-Z]?(?: ?[-–/] ?\d{1,4} ?[a-zA-Z]?)*(?: \([^()]{1,30}\))?$/u;
const STREET_NUMBER_FIRST = /^\d{1,5}[a-zA-Z]? [\p{L}\d][\p{L}0-9'’. -]{2,50}$/u;
const STREET = {
  test: (s: string) => STREET_NAME_FIRST.test(s) || (STREET_NUMBER_FIRST.test(s) && STREET_WORD.test(s)),
};
// "Am Mühlenweg", "Industriestraße": a German street with no house number, known by its ending —
// only over a postcode-and-town line.
const STREET_BY_NAME =
  /^[\p{L}'’. -]{2,40}(?:weg|straße|strasse|str\.|gasse|allee|platz|ring|damm|ufer|chaussee|steig|pfad|markt)$/iu;
// "viale Santa Lucia", "rue de la Paix": a street known by its first word, its number not given —
// only before a postcode and town.
const STREET_BY_WORD =
  /^(?:via|viale|piazza|piazzale|corso|largo|vicolo|strada|località|rue|avenue|boulevard|chemin|place|calle|avenida|plaza|paseo)\s\p{L}[\p{L}'’. -]{1,40}$/iu;
const PO_BOX = /postfach|postboks|p\.?\s?o\.?\s?box|casella postale|boîte postale|postbox/i;

/**
 * "Street 1, 12345 Town" or "1 Main St, Town, ST 12345" in one cell: the address, else
 * undefined. A top bar's line may hold the number and e-mail before it, and part street and
 * town with a bullet or a dash ("01 43 31 80 49 news@… 4 rue Guyton-de-Morveau • 75013 Paris",
 * "viale Santa Lucia - 67032 Pescasseroli (AQ)").
 */
function westernInline(cell: string): string | undefined {
  if (cell.length > 120 || PO_BOX.test(cell)) return undefined;
  const bullets = cell.split(/\s+[•·|–-]\s+/);
  if (bullets.length > 1) {
    for (let k = 1; k < bullets.length; k++) {
      const town = bullets[k] as string;
      const before = bullets[k - 1] as string;
      const street = streetAtEnd(before) ?? (STREET_BY_WORD.test(before) ? before : undefined);
      if (street && POSTCODE_TOWN.test(town)) return `${street}, ${town}`;
    }
  }
  const parts = cell.split(/\s*,\s*/);
  if (parts.length < 2) {
    // "Julius-Hatry-Straße 1 68163 Mannheim": the two lines of a postal address that the page
    // broke with a plain newline, which a browser shows as one space.
    const m = /^(.+? \d{1,5} ?[a-zA-Z]?) ((?:[A-Z]{1,2}-)?\d{4,5} .+)$/u.exec(cell);
    return m?.[1] && m[2] && STREET_NAME_FIRST.test(m[1]) && POSTCODE_TOWN.test(m[2]) ? `${m[1]}, ${m[2]}` : undefined;
  }
  for (let k = 1; k < parts.length; k++) {
    const street = parts.slice(0, k).join(', ');
    const town = parts.slice(k).join(', ');
    if (STREET.test(street) && (POSTCODE_TOWN.test(town) || US_TOWN.test(town))) return cell;
  }
  // "©2015 WNET 825 Eighth Avenue New York, NY 10019": a name before the street, the street and
  // the town set apart by spaces only; the address is the street on, its town inside it.
  const state = parts[parts.length - 1] as string;
  if (!US_STATE_ZIP.test(state)) return undefined;
  const street = streetAtEnd(parts.slice(0, -1).join(', '));
  return street && /^\d/.test(street) ? `${street.replace(/\s+/g, ' ')}, ${state}` : undefined;
}

/**
 * The street that ends a run of text: the longest name-first one ("Am Alten Markt 5"), else the
 * shortest number-first one ("4 rue …", not the phone's last digits before it); never across an
 * e-mail address.
 */
function streetAtEnd(text: string): string | undefined {
  const words = text.split(' ');
  let numberFirst: string | undefined;
  let nameFirst: string | undefined;
  for (let k = words.length - 1; k >= 0 && !/[@:]/.test(words[k] as string); k--) {
    const tail = words.slice(k).join(' ');
    if (STREET_NAME_FIRST.test(tail)) nameFirst = tail;
    else if (!numberFirst && STREET.test(tail)) numberFirst = tail;
  }
  return nameFirst ?? numberFirst;
}

// Lines that may hold an address: a postcode before a town, an American state and ZIP, or a
// Chinese address after a colon.
// (Without the u flag: a Unicode-aware scan of a long page costs several times more.)
const ADDRESSISH = /\d{4,5} ?[A-Z]{0,2} [A-ZÀ-ÖØ-Þ]|\b[A-Z]{2} \d{5}\b|[：:][^：:]{0,40}?[省市区县]/;

/**
 * The first address the page's short lines show: a Western one (one line, or a street line
 * over a postcode-and-town line, or a postcode-and-town line alone in a contact block), or a
 * Chinese one after its organisation's name ("河南省心电学诊疗中心：郑州市金水区经八路2号…").
 */
export function looseAddress(lines: Line[]): string | undefined {
  // (Any line with a phone-shaped number counts: the scan the numbers needed already found them.)
  const anchors = new Set([...contactAnchors(lines), ...linesMatching(lines, PHONEISH)]);
  for (const i of linesMatching(lines, ADDRESSISH)) {
    const line = lines[i] as Line;
    if (line.cells.length !== 1) continue;
    const cell = line.cells[0] ?? '';
    if (cell.length > 120) continue;
    const inline = westernInline(cell);
    if (inline) return inline;
    if (POSTCODE_TOWN.test(cell) || US_TOWN.test(cell)) {
      const prev = lines[i - 1]?.cells;
      const street = prev?.length === 1 ? (prev[0] ?? '') : '';
      if (
        street &&
        (STREET.test(street) || STREET_BY_NAME.test(street) || STREET_BY_WORD.test(street)) &&
        !PO_BOX.test(street)
      )
        return `${street}, ${cell}`;
      // Alone only with its country's prefix (CH-6300 Zug), next to the contact details: a
      // figure and a word ("2192 Shares", "2019 Michael Müller") are not a town.
      if (nearContact(i, anchors) && !PO_BOX.test(street) && /^[A-Z]{1,2}-\d/.test(cell)) return cell;
    }
    const named = /^[^：:]{2,40}[：:]\s*(.+)$/.exec(cell);
    if (named?.[1] && looksLikeCnAddress(named[1]) && nearContact(i, anchors)) return named[1];
  }
  return undefined;
}

/**
 * Phones and an address read from the page's unlabelled contact lines; the address only when
 * the page labels none (`wantAddress`), as it is the second scan of a long page.
 */
export function foundInBlocks(lines: Line[], nanp: boolean, wantAddress = true): CapturedCompany {
  const c = emptyCompany();
  for (const p of loosePhones(lines, nanp)) addNumber(c.phones, p);
  const address = wantAddress ? looseAddress(lines) : undefined;
  if (address) c.address = address;
  return c;
}
