import { type CapturedPerson, findPhones } from '@dossier/shared';
import type { Line } from '../dom.ts';
import { person } from '../merge.ts';
import { linesMatching } from '../scan.ts';
import { emailsIn, ROLE_MAILBOX } from './emails.ts';
import { ANY_TITLE, CN_NAME, EN_NAME, isPersonName, isTitle, TITLE_RE } from './vocab.ts';

/**
 * Leaders with their titles: "王建国 董事长", "董事长：王建国", "王建国（总经理）",
 * "John Smith, CEO", "General Manager: Jane Doe", or a name line followed by a title line
 * (team cards). A name must be followed by a boundary, so prose like "董事长王建国表示"
 * (where the name's end is unclear) is left alone rather than guessed.
 */

// Lazy names let the longest title win: 李明总经理 is 李明 + 总经理, not 李明总 + 经理.
const NAME = `(${CN_NAME.replace('{1,2}', '{1,2}?')}|${EN_NAME})`;
const TITLE = `(${TITLE_RE})`;
const DELIM = '[\\s,，、;；:：()（）|｜/·。]';
const END = `(?=$|${DELIM}|先生|女士|${TITLE_RE})`;
const TITLE_NAME = new RegExp(`${TITLE}\\s*[:：]?\\s*${NAME}${END}`, 'g');
// Both ends bounded: in "公司董事长王建国表示" neither 公司 nor 王建国 stands apart from the title.
const NAME_TITLE = new RegExp(
  `(?<=^|${DELIM})${NAME}\\s*(?:[,，、|｜/·\\-–—]\\s*|[（(]\\s*)?${TITLE}(?=$|(?![:：])${DELIM}|[\\-–—])`,
  'g',
);

// Capitalised words that make an English "name" a heading or an address instead.
const NOT_NAME =
  /\b(?:Manager|Director|Sales|Company|Ltd|Inc|Co|Street|Road|Avenue|Rue|Place|Chemin|Boulevard|Quai|Impasse|Route|Group|Office|Department|Contact|Email|Phone|Fax|Team|Our|The|About|Head|Chief|General|Vice|Senior|Board|Welcome)\b/;

// Words that start with a surname character but are not names (公 in 公司, 高 in 高新区).
// Nor does a name end like a department or a place (华东区, 销售部, 江苏省): 华东区销售经理 is a title.
const NOT_CN_NAME =
  /^(?:公司|本公司|该公司|集团|全国|全体|全面|高新|金融|文化|安全|管理|市场|项目|平台|时间|方面|常务|万元|董事|总经|华东|华南|华北|华中|西南|西北|东北|海外|国际)|[区部处科室省市县镇厂司局所院组]$/;

// Words that make a capitalised pair a phrase ("With Arthur", "Says It", "Unsere Partner").
// (Über starts with a letter \b does not count as a word's: "Über Anika Schön" is a menu item.)
const NOT_NAME_WORD =
  /\b(?:With|Says|Said|It|Could|Would|Will|Our|Your|Their|His|Her|Meet|Read|More|Show|View|All|New|News|Unsere?|Ihre?|Die|Der|Das|Den|Und|Mit|Von|Für|Mehr)\b|(?:^|\s)Über\s/;
const plausible = (name: string) =>
  isPersonName(name) && !NOT_NAME.test(name) && !NOT_CN_NAME.test(name) && !NOT_NAME_WORD.test(name);

// Titles that say less than any other the same person holds on the page.
const WEAK_TITLES = new Set(['法定代表人', '法人代表', '负责人']);

// A sentence: people named in prose ("华为轮值董事长徐直军、58同城董事长姚劲波出席") are the story's,
// not the company's contacts.
// (The stop of "Dr. Philipp Zahn" or "Inh. Thomas Mier" ends no sentence.)
const PROSE = /[。！？]|(?<!\b(?:Dr|Mr|Ms|Mrs|Prof|Inh))[.!?]\s+\p{Lu}|[，,].*[，,].*[，,]/u;

function pairsIn(text: string): { name: string; title: string }[] {
  if (text.length > 200 || !ANY_TITLE.test(text) || PROSE.test(text)) return [];
  const tn = [...text.matchAll(TITLE_NAME)].map((m) => ({ at: m.index ?? 0, title: m[1] ?? '', name: m[2] ?? '' }));
  const nt = [...text.matchAll(NAME_TITLE)].map((m) => ({ at: m.index ?? 0, name: m[1] ?? '', title: m[2] ?? '' }));
  // A line lists people one way round; the pattern that starts earliest says which.
  const firstTn = tn[0]?.at ?? Number.POSITIVE_INFINITY;
  const firstNt = nt[0]?.at ?? Number.POSITIVE_INFINITY;
  const chosen = firstNt <= firstTn ? nt : tn;
  return chosen.filter((p) => plausible(p.name.trim())).map((p) => ({ name: p.name.trim(), title: p.title }));
}

export function leadersIn(lines: Line[]): CapturedPerson[] {
  const out: CapturedPerson[] = [];
  const add = (name: string, title: string) => {
    const known = out.find((p) => p.name === name);
    if (!known) out.push(person(name, { title }));
    else if (known.title && WEAK_TITLES.has(known.title) && !WEAK_TITLES.has(title)) known.title = title;
  };
  // Only lines that name a title can hold a leader (the title line of a team card included).
  for (const i of linesMatching(lines, ANY_TITLE)) {
    const line = lines[i] as Line;
    // Team cards: a line that is only a name, then a line that is only a title.
    const prev = lines[i - 1];
    if (prev?.cells.length === 1 && line.cells.length === 1) {
      const a = (prev.cells[0] ?? '').trim();
      const b = (line.cells[0] ?? '').trim();
      if (isTitle(b) && plausible(a)) add(a, b);
    }
    const text = line.cells.join(' | ');
    const pairs = pairsIn(text);
    for (const p of pairs) add(p.name, p.title);
    // One person on the line: a personal e-mail or a mobile on the same line is theirs.
    const only = pairs.length === 1 ? out.find((p) => p.name === pairs[0]?.name) : undefined;
    if (only) {
      const mail = emailsIn(text).addresses.find((e) => !ROLE_MAILBOX.test(e));
      if (mail) only.email ??= mail;
      const mobile = findPhones(text).find((p) => p.type === 'mobile');
      if (mobile) only.mobile ??= mobile.number;
    }
  }
  return out;
}
