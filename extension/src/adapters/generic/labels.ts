import {
  type CapturedPerson,
  findCreditCodes,
  findIcp,
  findPhones,
  foldWidth,
  normaliseCreditCode,
  registrableDomain,
} from '@dossier/shared';
import { clean, type Line, lineText } from '../dom.ts';
import { addEmail, addNumber, emptyCompany, type Found, isMobile, mergePeople, person } from '../merge.ts';
import { isChineseText, phonesIn } from '../phones.ts';
import { looksLikeCnAddress } from './blocks.ts';
import { emailsIn, ROLE_MAILBOX } from './emails.ts';
import {
  CN_POLITE,
  type Field,
  findLabels,
  isPersonName,
  isTitle,
  labelField,
  mayStartLabel,
  TITLES,
  WHOLE_NAME,
  withoutCourtesy,
} from './vocab.ts';

const POLITE = new RegExp(`^${CN_POLITE}$`);
/** A polite name (陈经理, 王先生) as a line's label, the rest its value. */
const NAMED_NUMBER = new RegExp(`^(${CN_POLITE})\\s*[:：]\\s*(.+)$`);

/**
 * Labelled values: "电话：0516-87654321", a table row "传真 | 0516-87654322", a <dt>/<dd> pair.
 * The label says what the value is, so this is the main source on Chinese contact pages.
 */

export interface Labelled {
  field: Field;
  value: string;
  line: number;
}

const TRIM = /^[\s:：,，;；|｜、/\\-]+|[\s,，;；|｜、/\\-]+$/g;

// Fields a label may give without a colon, right before the number it labels ("电话 0516…").
// Any other label in running text needs its colon: "… der Company (*um), Data Science …" is a
// sentence, not a company name.
const BEFORE_NUMBER = new Set<Field>([
  'phone',
  'mobile',
  'fax',
  'phoneFax',
  'postcode',
  'qq',
  'credit',
  'icp',
  'other',
]);

/** What a heading's labels say: its numbers, and a contact named beside one. */
function inHeading<L extends { field: Field }>(found: L[], heading: boolean): L[] {
  if (!heading) return found;
  if (!found.some((l) => BEFORE_NUMBER.has(l.field))) return [];
  return found.filter((l) => BEFORE_NUMBER.has(l.field) || l.field === 'contact');
}

const WEB_LINE = /^(\S+(?: \S+)?) +(\S+)$/;
const WEB_ADDRESS = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?$/i;
// A German imprint's statement of who provides the site ("Angaben gemäß § 5 TMG"): the line
// under it is that provider's name, however it is set.
const RESPONSIBLE = /^Verantwortlich\b.{0,40}§\s*(?:55|18)\s*Abs/;
const PROVIDER_STATEMENT = /§\s*5\s*(?:TMG|DDG)/i;

/** Every "label：value" in one piece of text; a value runs to the next label. */
function labelsIn(text: string, line: number): Labelled[] {
  const hits = findLabels(text);
  return hits.flatMap((h, k) => {
    const colon = /[:：]/.test(text.charAt(h.end - 1));
    if (!colon && !BEFORE_NUMBER.has(h.field)) return [];
    const value = text.slice(h.end, hits[k + 1]?.start ?? text.length).replace(TRIM, '');
    return value ? [{ field: h.field, value, line }] : [];
  });
}

/**
 * The lines a label ends in, from one pass over the whole text: on a long page only a handful
 * of lines have one, and reading every line for them is most of what labels cost. A label the
 * line holds on its own is found this way too (the pass only ever sees more text around it).
 */
function linesWithLabels(lines: Line[]): Set<number> {
  const { text, starts } = lineText(lines);
  const out = new Set<number>();
  let line = 0;
  for (const hit of findLabels(text)) {
    while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= hit.end - 1) line++;
    out.add(line);
  }
  return out;
}

// One-letter labels of European and American footers and cards: "T 0221 1642 1411",
// "F: 919-555-0124", "M +49 171 …" — a capital on its own, right before a number.
// At the start of a line, after a separator, or after the number before it ("T 1 | F 2",
// "T: 919-555-0123 F: 919-555-0124") — never an initial inside a name ("Nourani, M. (2016)").
const SHORT_LABEL = /(?<=^|\n|[|｜·•]\s*|\d\s+)([TFMP])(?:\s*[:.]\s*|\s+)(?=[+(]?\d)/g;
const SHORT_FIELD: Record<string, Field> = { T: 'phone', P: 'phone', F: 'fax', M: 'mobile' };

// The lines that may hold one: starting with the letter, or with a separator or a number
// before one. Asked per line (a capital and two characters), not with a scan of the page for a
// pattern that looks behind at every position.
// (A label after a separator or after the number before it sits on a line another one-letter
// label starts.)
function shortLabelLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const cells = (lines[i] as Line).cells;
    for (let k = 0; k < cells.length; k++) {
      const c = (cells[k] as string).charCodeAt(0);
      // T, F, M, P
      if (c === 84 || c === 70 || c === 77 || c === 80) {
        out.add(i);
        break;
      }
    }
  }
  return out;
}

function shortLabelled(text: string, line: number): Labelled[] {
  const hits = [...text.matchAll(SHORT_LABEL)];
  return hits.flatMap((m, k) => {
    const start = (m.index ?? 0) + m[0].length;
    const value = text.slice(start, hits[k + 1]?.index ?? text.length).replace(TRIM, '');
    const field = SHORT_FIELD[m[1] ?? ''];
    return field && value ? [{ field, value, line }] : [];
  });
}

const NONE: Labelled[] = [];
const SPACED_LABEL = /^(\p{Script=Han}{2,6})\s+(\p{Script=Han}.{4,80})$/u;

// A label cell may qualify its label with a few Chinese characters (中心地址：, 投诉电话：,
// 销售部电话：); a longer one names another body (徐汇区卫计委电话：) whose number is not the page's.
const QUALIFIED = /^\p{Script=Han}{1,4}$/u;

/** The field of a grid cell that is a label: a known one, or one qualified by a short word and ending in a colon. */
function cellLabel(cell: string, labelled: boolean): Field | undefined {
  const exact = labelField(cell);
  if (exact || !labelled || !/[:：]\s*$/.test(cell)) return exact;
  const hits = findLabels(cell);
  const last = hits[hits.length - 1];
  return hits.length === 1 && last && last.end >= cell.trimEnd().length && QUALIFIED.test(cell.slice(0, last.start))
    ? last.field
    : undefined;
}

/**
 * A title set as the label of a name ("Sales Manager: | Jack Wang", "销售经理：王海"): that
 * person, the title in brackets as parseContact reads it; a title over a number is a
 * department's line, not a person.
 */
function roleContact(label: string, value: string, line: number): Labelled | undefined {
  const title = label.trim().replace(/\s*[:：]$/, '');
  if (title === label.trim() || !isTitle(title) || !isPersonName(value)) return undefined;
  return { field: 'contact', value: `${value.trim()} (${title})`, line };
}
const ROLE_LINE = /^([^:：]{2,30})[:：]\s*(\S.{0,38})$/;

export function labelledValues(lines: Line[]): Labelled[] {
  const out: Labelled[] = [];
  const labelled = linesWithLabels(lines);
  const short = shortLabelLines(lines);
  lines.forEach((line, i) => {
    const { cells } = line;
    if (cells.length > 1) {
      // A grid row: label cell, value cell, label cell, value cell …
      for (let k = 0; k < cells.length; k++) {
        const cell = cells[k] ?? '';
        const field = cellLabel(cell, labelled.has(i));
        const next = cells[k + 1];
        const role = !field && next ? roleContact(cell, next, i) : undefined;
        if (role) {
          out.push(role);
          k++;
        } else if (field && next !== undefined && !labelField(next)) {
          if (next) out.push({ field, value: next.replace(TRIM, ''), line: i });
          k++;
        } else if (!field && labelled.has(i)) out.push(...labelsIn(cell, i));
      }
      return;
    }
    const text = cells[0] ?? '';
    const field = labelField(text);
    const next = lines[i + 1];
    // (Only a short line with a colon can be one: most lines of a long page are passed over here
    // on a native search, not a pattern.)
    if (!field && !line.heading && text.length <= 70 && (text.includes(':') || text.includes('：'))) {
      const [, label, value] = ROLE_LINE.exec(text) ?? [];
      const below = next?.cells.length === 1 && !next.heading ? (next.cells[0] ?? '') : '';
      const role = label && value ? roleContact(`${label}:`, value, i) : roleContact(text, below, i + 1);
      if (role) {
        out.push(role);
        return;
      }
    }
    // "Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV" over a name: the person who answers
    // for a German site (a line of the name alone). (Its first letter asked first: a regex call
    // per line of a long page, all but a few of which start otherwise, adds up.)
    if (text.charCodeAt(0) === 86 && RESPONSIBLE.test(text)) {
      const named = next?.cells.length === 1 ? (next.cells[0] ?? '') : '';
      if (isPersonName(named)) {
        out.push({ field: 'contact', value: named, line: i + 1 });
        return;
      }
    }
    // A line that is only a label takes the next line as its value — when it is marked as a
    // label (a <dt>, a <th>, a trailing colon) or the value is plainly of that kind. A menu
    // item "Products" followed by "Support" is not a label and its value.
    if (field) {
      const value = next && next.cells.length === 1 && !next.heading ? (next.cells[0] ?? '') : '';
      const marked =
        line.tag === 'dt' ||
        line.tag === 'th' ||
        /[:：]\s*$/.test(text) ||
        (field === 'company' && PROVIDER_STATEMENT.test(text));
      const plain =
        ((field === 'phone' || field === 'mobile' || field === 'fax') &&
          phonesIn(value, { asWritten: true }).length > 0) ||
        (field === 'email' && emailsIn(value).addresses.length > 0) ||
        (field === 'address' && looksLikeCnAddress(value));
      // (A value line that starts with its own label — "公司地址：" over "公司地址：广州市…" — is read
      // as a labelled line of its own, label and all.)
      const ownLabel = labelled.has(i + 1) && findLabels(value)[0]?.start === 0;
      if (value && !ownLabel && !labelField(value) && (marked || plain))
        out.push({ field, value: value.replace(TRIM, ''), line: i + 1 });
      return;
    }
    // "地理位置 广东省汕头市…": an address label, a space and the address, with no colon to find it by.
    // (Asked only of a line that starts as a label can: a look-up, before the pattern.)
    const spaced = line.heading || !mayStartLabel(text.charCodeAt(0)) ? null : SPACED_LABEL.exec(text);
    if (spaced?.[1] && spaced[2] && labelField(spaced[1]) === 'address' && looksLikeCnAddress(spaced[2])) {
      out.push({ field: 'address', value: spaced[2], line: i });
      return;
    }
    // A heading with a colon is a title ("Farewell Address: Full Video and Text"); only a number
    // under a label ("服务热线：400-…" set as a heading) is read from one, and the contact it
    // names beside it ("联系人：谢总 联系手机：151…").
    // (Most lines of a long page hold no label: they are passed over without building a list.)
    const found = labelled.has(i) ? inHeading(labelsIn(text, i), line.heading) : NONE;
    // "Web www.markeich.de": a line of a website label and a web address, without a colon.
    // (Only a line that starts as a label and has a dot in it can be one: the pattern, tried on
    // every line of the 1 MB page, took 1 ms of the 5 its labels cost.)
    if (found.length === 0 && !line.heading && mayStartLabel(text.charCodeAt(0)) && text.includes('.')) {
      const web = WEB_LINE.exec(text);
      if (web?.[1] && web[2] && WEB_ADDRESS.test(web[2]) && labelField(web[1]) === 'website') {
        out.push({ field: 'website', value: web[2], line: i });
        return;
      }
    }
    if (found.length === 0) {
      // "陈经理：13606592288": the contact named by surname and title, as the label of their number.
      const named = text.length <= 40 && /[:：]/.test(text) ? NAMED_NUMBER.exec(text) : null;
      if (named?.[1] && named[2] && phonesIn(named[2], { asWritten: true }).length > 0) {
        out.push({ field: 'contact', value: `${named[1]} ${named[2]}`, line: i });
        return;
      }
      if (short.has(i)) out.push(...shortLabelled(text, i));
    } else out.push(...found);
  });
  return out;
}

/** "王建国（销售经理）", "王建国 经理", "John Smith, Sales Manager", "王先生 13912345678". */
export function parseContact(value: string): CapturedPerson | null {
  const phones = findPhones(value);
  const emails = emailsIn(value);
  let rest = value;
  for (const p of phones) rest = rest.replace(p.display, ' ');
  for (const e of emails.raw) rest = rest.replace(e, ' ');
  let title: string | undefined;
  rest = rest.replace(/[（(]\s*([^）)]{1,30}?)\s*[）)]/, (_, t: string) => {
    title = clean(t);
    return ' ';
  });
  rest = clean(rest.replace(/[:：]/g, ' ')).replace(TRIM, '');
  // "兰经理", "王总": the surname with a title is how the contact is named, not a title alone.
  if (!title && POLITE.test(rest))
    return person(rest, {
      phones: phones.map((p) => p.number),
      ...(emails.addresses[0] ? { email: emails.addresses[0] } : {}),
    });
  if (!title) {
    const suffix = TITLES.find((t) => rest.toLowerCase().endsWith(t.toLowerCase()) && rest.length > t.length);
    if (suffix) {
      title = rest.slice(rest.length - suffix.length);
      rest = rest.slice(0, rest.length - suffix.length).replace(TRIM, '');
    }
  }
  rest = withoutCourtesy(rest);
  const name = WHOLE_NAME.test(rest) ? rest : null;
  if (!name) return null;
  return person(name, {
    ...(title ? { title } : {}),
    phones: phones.map((p) => (p.ext ? `${p.number};ext=${p.ext}` : p.number)),
    ...(emails.addresses[0] ? { email: emails.addresses[0] } : {}),
  });
}

/** A name runs to a sentence mark or the next "word：" (主办：半月谈杂志社 许可证号：…). */
// A Chinese name has no space in it: what follows one is the next field (主办：X 许可证…).
const nameValue = (v: string): string => {
  const name = clean(v.split(/[，。；;|｜]|\s+\S{1,16}[:：]/)[0]);
  return /^[\u4e00-\u9fff（）()]+\s+[\u4e00-\u9fff]/.test(name) ? (name.split(/\s/)[0] ?? name) : name;
};

const WEBSITE = /(?:https?:\/\/)?(?:[\w-]+\.)+[a-z]{2,}(?::\d+)?(?:\/[^\s，,；;]*)?/i;
// What a code sample or a file name looks like, not a site: script.js, window.location, a.b(c).
const NOT_A_SITE = /\.(?:js|ts|css|json|php|html?|aspx?|jsp|png|jpe?g|gif|svg|xml|txt|py|java|exe|zip)$|[(){}=;$]/i;

// Generic top-level domains sites use (country codes are any two letters); window.location.href
// ends in none of them.
const GTLDS = new Set(
  'com net org info biz gov edu mil int io ai app dev tech online site website shop store cloud top xyz vip club ltd group company asia mobi name pro travel museum coop aero jobs tel blog news media design agency studio solutions services center network link live world global email art'.split(
    ' ',
  ),
);

/** A website under a label: a host with a real top-level domain, not code or a file name. */
function websiteIn(value: string): string | undefined {
  if (/[{};=]|=>|\(\)/.test(value)) return undefined;
  const w = WEBSITE.exec(value)?.[0];
  if (!w) return undefined;
  const host = w.replace(/^https?:\/\//i, '').split(/[/:]/)[0] ?? '';
  const tld = host.slice(host.lastIndexOf('.') + 1).toLowerCase();
  if (NOT_A_SITE.test(host) || !registrableDomain(host) || !(tld.length === 2 || GTLDS.has(tld))) return undefined;
  return w;
}

// A sentence is not a list of products: "我们主要生产各种阀门，欢迎来电咨询".
const SENTENCE = /[。！？!?]|我们|我司|本公司|欢迎|致力|是一家|提供|我们的|\b(?:we|our|is|are|the)\b/i;

/** Products under a label: short items of a list, none of them a piece of a sentence. */
function productsIn(value: string): string[] {
  const items = value
    .split(/[,，、;；/|｜]+/)
    .map(clean)
    .filter(Boolean);
  if (items.some((s) => SENTENCE.test(s) || s.length > 40)) return [];
  return items.filter((s) => s.length <= 30);
}

// Where the head office is, and where a branch or a warehouse is.
const HEAD_OFFICE = /总部|总公司|公司地址|注册地址|办公地址|head\s*office|headquarters|hauptsitz|zentrale|registered/i;
const BRANCH = /分公司|办事处|分部|分厂|仓库|门店|branch|niederlassung|filiale|warehouse|lager/i;

/**
 * The company's address when the page labels several: the head office's (named so by its
 * label or the line above) over a branch's, else the first.
 */
function mainAddress(found: { value: string; line: number }[], lines: Line[]): string | undefined {
  if (found.length <= 1) return found[0]?.value;
  const context = (line: number) => [lines[line - 1], lines[line]].map((l) => l?.cells.join(' ') ?? '').join(' ');
  const score = (a: { value: string; line: number }) => {
    const c = context(a.line);
    return (HEAD_OFFICE.test(c) ? 2 : 0) - (BRANCH.test(c) ? 1 : 0);
  };
  return found.reduce((best, a) => (score(a) > score(best) ? a : best)).value;
}

/**
 * "投诉电话：18923090989 万先生", "手机：139…（卢经理）": one number and the polite name of the person
 * who answers it, after it. Words that are no one (工作日, 24小时) leave the number the company's.
 */
function ownerAfter(value: string, nanp: boolean): string | undefined {
  const found = phonesIn(value, { nanp, asWritten: true });
  if (found.length !== 1 || !found[0]) return undefined;
  const { start, end } = found[0];
  const text = foldWidth(value);
  const rest = (text.slice(0, start) + text.slice(end)).replace(/[\s()（）,，、/|-]+/g, '');
  return POLITE.test(rest) ? rest : undefined;
}

/** Company and people from labelled values, in page order. */
export function foundFromLabels(
  lines: Line[],
  nanp = !isChineseText(lineText(lines).text),
): Found & { legal: string[]; handles: string[] } {
  const company = emptyCompany();
  let people: CapturedPerson[] = [];
  const legal: string[] = [];
  const handles: string[] = [];
  const addresses: { value: string; line: number }[] = [];
  // The person a following 手机 / 职务 belongs to: the last 联系人 within a few lines, with no
  // heading in between.
  let current: { p: CapturedPerson; line: number } | null = null;
  // People whose mobile was a mobile number labelled 电话, not 手机.
  const guessed = new Set<CapturedPerson>();
  const near = (line: number) =>
    current !== null && line - current.line <= 4 && !lines.slice(current.line + 1, line + 1).some((l) => l.heading);

  for (const { field, value, line } of labelledValues(lines)) {
    // The label says these are phones: a number no rule can place is kept as written.
    const phones = () => phonesIn(value, { nanp, asWritten: true }).map((p) => p.value);
    const owner = field === 'phone' || field === 'mobile' ? ownerAfter(value, nanp) : undefined;
    if (owner) {
      const numbers = phones();
      people = mergePeople(people, [person(owner, { phones: numbers })]);
      // A landline with the name of who answers it is still the company's line.
      for (const n of numbers) if (!isMobile(n)) addNumber(company.phones, n);
      current = { p: people.find((q) => q.name === owner) as CapturedPerson, line };
      continue;
    }
    switch (field) {
      case 'company':
        company.name ??= nameValue(value);
        break;
      case 'contact':
      case 'legal': {
        const p = parseContact(value);
        if (!p) break;
        // 法定代表人 is a fallback title: the same person's 董事长 elsewhere on the page says more.
        if (field === 'legal') legal.push(p.name);
        people = mergePeople(people, [p]);
        const kept = people.find((q) => q.name === p.name) ?? p;
        current = field === 'contact' ? { p: kept, line } : current;
        break;
      }
      case 'title':
        if (current && near(line) && !current.p.title && value.length <= 30) current.p.title = clean(value);
        break;
      case 'mobile': {
        const [firstPhone, ...others] = phones();
        if (current && near(line) && firstPhone && (!current.p.mobile || guessed.has(current.p))) {
          // A 手机 line says more than a mobile number under 电话: that one is the company's again.
          if (guessed.delete(current.p)) addNumber(company.phones, current.p.mobile);
          current.p.mobile = firstPhone;
        } else addNumber(company.phones, firstPhone);
        for (const p of others) addNumber(company.phones, p);
        break;
      }
      case 'phone':
        for (const p of phones()) {
          // "联系人：张先生 / 电话：13861242596": a mobile number under the person is theirs.
          if (current && near(line) && !current.p.mobile && isMobile(p)) {
            current.p.mobile = p;
            guessed.add(current.p);
          } else addNumber(company.phones, p);
        }
        break;
      case 'fax':
        for (const p of phones()) addNumber(company.faxes, p);
        break;
      case 'phoneFax':
        for (const p of phones()) {
          addNumber(company.phones, p);
          addNumber(company.faxes, p);
        }
        break;
      case 'email':
        // In a contact block the e-mail is the company's; a personal one is the person's too.
        for (const e of emailsIn(value).addresses) {
          if (current && near(line) && !current.p.email && !ROLE_MAILBOX.test(e)) current.p.email = e;
          addEmail(company.emails, e);
        }
        break;
      case 'qq':
        handles.push(...emailsIn(value).addresses);
        break;
      case 'address':
        // Not a link, not a button ("+ Kontakt"), not a word or two.
        if (/\p{L}/u.test(value) && value.length >= 5 && !/^\s*(?:https?:\/\/|www\.|[+>»])/i.test(value))
          addresses.push({ value: clean(value), line });
        break;
      case 'website': {
        const w = websiteIn(value);
        if (w) company.website ??= w;
        break;
      }
      case 'scope':
        company.businessScope ??= clean(value);
        break;
      case 'products':
        if (company.products.length === 0) company.products = productsIn(value);
        break;
      case 'credit':
        company.creditCode ??= normaliseCreditCode(value) ?? findCreditCodes(value)[0];
        break;
      case 'icp':
        company.icp ??= findIcp(value)[0];
        break;
      default:
        break;
    }
  }
  if (company.creditCode === undefined) delete company.creditCode;
  if (company.icp === undefined) delete company.icp;
  const address = mainAddress(addresses, lines);
  if (address) company.address = address;
  return { company, people, legal, handles };
}
