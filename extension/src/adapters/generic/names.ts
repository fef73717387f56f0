import { registrableDomain } from '@dossier/shared';
import { clean, type Line } from '../dom.ts';
import { isChineseText } from '../phones.ts';
import { linesMatching } from '../scan.ts';
import { escapeRe } from '../text.ts';
import { contactAnchors, PHONEISH } from './blocks.ts';

/**
 * The name a site shows for itself, when no label and no structured data says it: the site
 * name (og:site_name, application-name), the logo's alt text, the parts of the <title>, the
 * copyright holder, an organisation's name standing on its own next to the contact details,
 * and the site's domain. Each source votes; names that are one and the same (one inside the
 * other, an abbreviation of the other) pool their votes, and the group is named by its fullest
 * form — the legal name when the page shows one (EnBW → EnBW Energie Baden-Württemberg AG).
 */

// Endings of organisation names, Chinese and Western; not only 公司 — 学会, 医院, 研究院 too.
const CN_ORG =
  '(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|研究院|研究所|研究中心|中心|医院|学会|协会|商会|委员会|杂志社|报社|出版社|大学|学院|学校|中学|小学|幼儿园|银行|事务所|工作室|合作社|基金会|博物馆|图书馆|局|厅|所|院|厂|店|馆|社)';
const WEST_ORG =
  '(?:Co\\.?,?\\s*Ltd\\.?|Company Limited|Limited|Ltd\\.?|Inc\\.?|LLC|L\\.L\\.C\\.|GmbH(?: & Co\\.? KG)?|mbH|AG|KG|KGaA|SE|e\\.\\s?V\\.|S\\.?p\\.?A\\.?|S\\.?r\\.?l\\.?|S\\.?A\\.?|SAS|SARL|B\\.?V\\.?|N\\.?V\\.?|A/S|ASA|AS|AB|Oy|Oyj|plc|PLC|Corporation|Corp\\.?|Incorporated|Pty\\.? Ltd\\.?|Group|Holding|Foundation|Association|Institute|University|College|Hospital|Society)';
const CN_ORG_NAME = new RegExp(`^[\\u4e00-\\u9fa5（）()A-Za-z0-9·]{2,40}?${CN_ORG}$`);
const WEST_ORG_NAME = new RegExp(`^[\\p{Lu}0-9][\\p{L}0-9&.,'’ -]{0,60}?\\s?${WEST_ORG}$`, 'u');
export const looksLikeOrg = (s: string): boolean => CN_ORG_NAME.test(s) || WEST_ORG_NAME.test(s);
const hasLegalForm = (s: string) =>
  new RegExp(`(?:有限公司|股份有限公司|有限责任公司|\\s${WEST_ORG})$`, 'u').test(s) && s.length > 4;

// Words a title part or an alt text names a page with, not a site.
const PAGE_WORDS =
  /^(?:首页|主页|网站首页|联系我们|联系方式|关于我们|公司简介|企业简介|新闻中心|新闻动态|产品中心|产品展示|在线留言|人才招聘|招聘信息|客户服务|版权声明|免责声明|隐私政策|home|homepage|start|startseite|index|contact|contact us|kontakt|about|about us|über uns|impressum|news|blog|products|services|logo|home page|welcome|willkommen|privacy|privacy policy|datenschutz|datenschutzerklärung|legal|legal notice|terms|agb|cookies|disclaimer|sitemap|avisos legales|aviso legal|mentions légales|note legali|search|suche)$|^(?:datenschutz|privacy|cookie|impressum|avisos? legal)/i;
// Decorations around a site name: "官方网站", "欢迎您", "Logo von …", file names.
const STRIP = [
  /(?:官方网站|官方网|官网|网站|欢迎您|欢迎光临|欢迎访问)$/,
  /^(?:欢迎访问|欢迎光临|欢迎来到)/,
  /^(?:logo\s+(?:von|of|de|di)\s+)/i,
  /\s*(?:[-–—:|]\s*)?(?:web|site|firmen|company|brand)logo\s*$/i,
  /\s*(?:logo|标志|源文件)+\s*$/i,
  /^\s*(?:logo|标志)\s*/i,
  /\.(?:png|jpe?g|gif|svg|webp)$/i,
  /\s*\|.*$/,
  // The link text of a logo: "Rosa-Luxemburg-Stiftung: zur Startseite", "ACME – Home".
  /\s*[-–—:|]?\s*(?:(?:zurück\s+)?zur\s+startseite|to\s+(?:the\s+)?homepage|home(?:page)?|startseite|accueil|inicio)\s*$/i,
];

// What follows a name in a footer or an alt text: "hosted by …", "Content Management by …",
// a bracketed note ("(Logo)", "(Link zur Startseite)").
// (A Chinese note needs no space before it: "杭州华时科技有限公司（总部）".)
const TRAILER =
  /\s+(?:(?:hosted|powered|designed|developed|made|built|realised|realized|content management|cms|webdesign|design)\s+(?:by|von)\b.*|\([^)]*\))$|\s*（[^）]*）$/i;
// Not a name at all: an identifier (psl-footer_2017), a fragment that opens with a bracket or a
// star or with a preposition (what is left of "Logo del Parco"), a sentence.
const NOT_A_NAME =
  /^[a-z0-9]+(?:[-_][a-z0-9]+)*[-_]\d+$|_|^[(*“"„«]|\*|(?:\S+\s+){7,}|^(?:bei|von|by|für|for|at|in|mit|with|and|und|of|del|della|dello|dei|degli|des|du)\s|^(?:https?:|www\.)|@/;

function tidyName(raw: string): string {
  // (A label's colon first: "杭州华时科技有限公司（总部）：" has a bracketed note to drop before it.)
  let s = clean(raw)
    .replace(/^[©\s]+/, '')
    .replace(/[:：]+$/, '');
  for (let k = 0; k < 3; k++) {
    for (const re of STRIP) s = s.replace(re, '').trim();
    s = s.replace(TRAILER, '').trim();
  }
  s = s.replace(/(?:联系方式|联系我们)$/, '').trim();
  s = s.replace(/^\d{1,4}\s+(?=\p{L})/u, '');
  s = s.replace(/^[\s"'“”‘’「」《》:：,，-]+|[\s"'“”‘’「」《》:：,，-]+$/g, '');
  // A full stop ends a sentence, not an abbreviation (Inc., e.V., e. V.).
  if (!/(?:\b(?:Inc|Ltd|Co|Corp|Bros|Jr|Sr|mbH|Pty)|\b\p{L}\.\s?\p{L})\.$/u.test(s)) s = s.replace(/\.+$/, '');
  return NOT_A_NAME.test(s) ? '' : s;
}

/** Lower case without diacritics, German umlauts spelt out (Köln → koeln, Müller → mueller). */
export const foldLatin = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

/** Names compare without case, spaces, punctuation or diacritics (Köln = Koeln). */
export function nameKey(s: string): string {
  return foldLatin(s).replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Is `short` an abbreviation of `long` (ÖTV of Österreichischer Tennisverband)? */
function abbreviates(short: string, long: string): boolean {
  const a = short.replace(/[^\p{L}]/gu, '');
  if (a.length < 2 || a.length > 6 || a !== a.toUpperCase() || !/\s/.test(long)) return false;
  const b = long.toLowerCase();
  const letters = a.toLowerCase();
  if (b[0] !== letters[0]) return false;
  let at = 0;
  for (const ch of letters) {
    at = b.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** One letter added, dropped or changed between two long names (Planungbüro, Planungsbüro). */
function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.min(a.length, b.length) < 8 || Math.abs(a.length - b.length) > 1) return false;
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a.at(-1 - tail) === b.at(-1 - tail)) tail++;
  return a.length - head - tail <= 1 && b.length - head - tail <= 1;
}

const LETTER = /[\p{L}\p{N}]/u;
/** Where a name one letter apart may lie from where it would start: a letter more, less or changed, before or after. */
const NEAR = [0, -1, 1].flatMap((shift) => [0, 1, -1].map((grow) => [shift, grow] as const));

/**
 * A name the page never writes but writes one letter apart (a logo's alt text with a typo): the
 * spelling the page writes. Looked for around each place a word of the name is written.
 */
function asWritten(name: string, text: string): string {
  if (text.includes(name)) return name;
  for (const word of name.split(/\s+/).filter((w) => w.length >= 3)) {
    const offset = name.indexOf(word);
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const seen = writtenNear(name, text, at - offset);
      if (seen) return seen;
    }
  }
  return name;
}

/** The whole words of `text` near `start` that spell `name` one letter apart, if any. */
function writtenNear(name: string, text: string, start: number): string | undefined {
  for (const [shift, grow] of NEAR) {
    const from = start + shift;
    const to = from + name.length + grow;
    if (from < 0 || to > text.length || LETTER.test(text[from - 1] ?? '') || LETTER.test(text[to] ?? '')) continue;
    const seen = text.slice(from, to);
    if (oneEditApart(seen, name)) return seen;
  }
  return undefined;
}

interface Vote {
  name: string;
  key: string;
  score: number;
}

const TITLE_SPLIT =
  /\s+[-|–—•·:»/]\s+|\s*[|｜_–—•·»]\s*|(?<=[\u4e00-\u9fff])\s*[-:：]\s*|\s*[-:：]\s*(?=[\u4e00-\u9fff])/;

/** The contents of the named <meta> elements, in the order of `names`. */
function meta(doc: Document, names: string[]): string[] {
  const found = new Map<string, string>();
  // One pass over the few <meta> elements (a selector list is matched against every element).
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const el = metas[i] as Element;
    const key = el.getAttribute('property') ?? el.getAttribute('name');
    const v = el.getAttribute('content') ?? el.getAttribute('value');
    if (key && v && names.includes(key) && !found.has(key)) found.set(key, v);
  }
  return names.map((n) => found.get(n)).filter((v): v is string => Boolean(v));
}

// A link to the site's home: "/", "/index.html", a language's home ("/en/", "/de/index.php").
const HOME_PATH = /^\/(?:[a-z]{2}(?:[-_][a-z]{2})?\/?)?(?:index\.\w+)?$/i;

/**
 * The alt text of the site's logo: an image named logo, or the image of a link home. A logo that
 * links elsewhere — a brand the shop sells, a partner, a certificate — is someone else's.
 */
function logoAlts(doc: Document, pageUrl: URL): string[] {
  const out: string[] = [];
  const imgs = doc.getElementsByTagName('img');
  for (let i = 0; i < imgs.length && out.length < 3; i++) {
    const img = imgs[i] as Element;
    const alt = img.getAttribute('alt') ?? img.getAttribute('title');
    if (!alt) continue;
    const self = `${img.getAttribute('src') ?? ''} ${img.getAttribute('data-src') ?? ''} ${img.getAttribute('class') ?? ''} ${img.getAttribute('id') ?? ''}`;
    const link = linkTarget(img.closest('a')?.getAttribute('href'), pageUrl);
    const home = link !== undefined && link.host === pageUrl.host && HOME_PATH.test(link.pathname);
    if (home || (link === undefined && (/logo/i.test(self) || /logo/i.test(alt)))) out.push(alt);
  }
  return out;
}

/** Where a link goes; undefined for none, a same-page anchor or a script. */
function linkTarget(href: string | null | undefined, pageUrl: URL): URL | undefined {
  if (!href || /^\s*(?:#|javascript:)/i.test(href)) return undefined;
  try {
    return new URL(href, pageUrl);
  } catch {
    return undefined;
  }
}

const COPYRIGHT = /©|\(c\)|copyright|版权所有/i;
const HAN = /[\u4e00-\u9fff]/;
// "北京分公司", "华东办事处": an office named by its place alone is the site's branch, not its name.
const BRANCH = /^[\u4e00-\u9fff]{2,6}(?:分公司|分部|办事处|分厂|分店|营业部|代表处)$/;

// "和讯网 北京和讯在线信息咨询服务有限公司": a site's brand, then the legal name that holds it.
const BRAND_THEN_LEGAL =
  /^[\u4e00-\u9fff]{2,10}\s+([\u4e00-\u9fff（）()]{4,40}(?:有限公司|有限责任公司|集团公司|公司))$/;

/** The holder a copyright line names: "© 2022 ÖTV | Österreichischer Tennisverband" → both names. */
function copyrightHolders(lines: Line[]): string[] {
  const out: string[] = [];
  for (const i of linesMatching(lines, COPYRIGHT).slice(0, 5)) {
    const text = lines[i]?.cells.join(' ') ?? '';
    if (text.length > 200) continue;
    const after = text
      .replace(/^.*?(?:©|\(c\)|copyright)\s*(?:\(c\)|©)?\s*/i, '')
      .replace(/^(?:\d{4}\s*(?:[-–—~至]\s*\d{4})?\s*[,，.]?\s*)/, '')
      .replace(/\s*(?:\d{4}\s*(?:[-–—~]\s*\d{4})?)\s*[,，.]?/g, ' ');
    const cut = after.split(
      /(?<!\b(?:Co|Inc|Corp|No|St))\.\s+(?=\p{Lu}\p{Ll}+\s)|\s*[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]?ICP|\s*(?:all rights reserved|alle rechte vorbehalten|版权所有|保留所有权利|powered by|(?<!\bCo\.?)[,，]|[。;；·•]|\s{2,}|\s[A-Za-z\u4e00-\u9fff]{1,8}[:：]|[\u4e00-\u9fff]{2,8}[:：]|\d{4})/iu,
    )[0];
    for (const part of (cut ?? '').split(/\s*[|｜]\s*|\s*\/\s*|\s+[-–—]\s+/)) {
      const named = tidyName(part.replace(/^版权所有[:：]?/, ''));
      const name = BRAND_THEN_LEGAL.exec(named)?.[1] ?? named;
      if (name.length >= 2 && name.length <= 60) out.push(name);
    }
    const own = /版权所有[:：]?\s*([^\s|｜,，]{2,40})/.exec(text)?.[1];
    if (own) out.push(tidyName(own));
    // "绍兴市第一中学 版权所有": the holder before the words.
    const before = /([\u4e00-\u9fa5（）()]{2,40})\s*(?:版权所有|版權所有)/.exec(text)?.[1];
    if (before && looksLikeOrg(tidyName(before))) out.push(tidyName(before));
  }
  return out;
}

// Labelled addresses; with phones and e-mails, lines an organisation's name sits next to.
const CONTACT_LABEL = /地址[:：]|Address:|Adresse:/;
const NAME_THEN_ADDRESS = /^([^：:]{2,40})[：:]\s*\S*[省市区县路街道号]/;

// A Western organisation's name is capitalised, particles aside ("ZF Friedrichshafen
// übernimmt Cherry Corporation" is a headline).
const PARTICLES =
  /^(?:of|for|and|the|de|du|des|la|le|di|del|der|die|das|den|für|und|von|zu|im|am|an|&|\+|-|–|e\.V\.|mbH)$/;
const capitalised = (name: string) =>
  /[\u4e00-\u9fff]/.test(name) ||
  name
    .replace(/\be\.\s?V\./, 'e.V.')
    .split(/\s+/)
    .every((w) => PARTICLES.test(w) || /^[\p{Lu}\d(]/u.test(w));

function contactBlockNames(lines: Line[]): string[] {
  const out: string[] = [];
  // Lines with an address, an international number or a phone-shaped one (the contact block
  // reader's scans, done once), and labelled ones.
  const contact = [
    ...new Set([...contactAnchors(lines), ...linesMatching(lines, PHONEISH), ...linesMatching(lines, CONTACT_LABEL)]),
  ].sort((a, b) => a - b);
  const seen = new Set<number>();
  for (const c of contact) {
    for (let i = Math.max(0, c - 6); i <= Math.min(lines.length - 1, c + 2); i++) {
      if (seen.has(i)) continue;
      seen.add(i);
      const cells = lines[i]?.cells ?? [];
      if (cells.length !== 1) continue;
      const text = cells[0] ?? '';
      if (text.length > 60) {
        const m = NAME_THEN_ADDRESS.exec(text);
        if (m?.[1] && looksLikeOrg(m[1].trim())) out.push(m[1].trim());
        continue;
      }
      const name = tidyName(text);
      if (looksLikeOrg(name) && capitalised(name)) out.push(name);
      else {
        const m = NAME_THEN_ADDRESS.exec(text);
        if (m?.[1] && looksLikeOrg(m[1].trim())) out.push(m[1].trim());
      }
    }
  }
  return out;
}

/**
 * The domain written out as words where the page names itself ("Monster Pet Supplies are the
 * friendly online pet store" on monsterpetsupplies.co.uk; "Thau Élagage" on thau-elagage34.fr):
 * a run of capitalised words whose name key is the domain. A shop that names itself only in its
 * prose and its address still says who it is.
 */
function spelledDomain(domain: string, text: string): string | undefined {
  if (domain.length < 6 || !/^[a-z]+$/.test(domain)) return undefined;
  // (Not the domain in a link or an address: no run starts after ".", "@" or "/".)
  for (const run of text.matchAll(CAPITALISED_RUN)) {
    const words = [...run[0].matchAll(/[^ -]+/g)];
    for (let i = 0; i < words.length; i++) {
      // (Most words are ruled out by their first letter, without folding them.)
      const head = words[i]?.[0][0]?.toLowerCase() ?? '';
      if (head !== domain[0] && head < '\u00c0') continue;
      let key = '';
      for (let j = i; j < words.length && key.length < domain.length; j++) {
        key += nameKey(words[j]?.[0] ?? '');
        if (!domain.startsWith(key)) break;
        const last = words[j];
        if (key === domain && last) return run[0].slice(words[i]?.index ?? 0, (last.index ?? 0) + last[0].length);
      }
    }
  }
  return undefined;
}
const CAPITALISED_RUN = /(?<![\p{L}\d.@/])\p{Lu}[\p{L}'’]*(?:[ -]\p{Lu}[\p{L}'’]*)*/gu;

const PREFIX_FORM = '(?:SAS|SASU|SARL|EURL|SA|SCI|SNC|SCOP|SELARL)';

/** The longest legal name on the page that contains `name` (大中恒橡胶 → 青岛大中恒橡胶有限公司). */
function legalForm(name: string, text: string): string | undefined {
  if (hasLegalForm(name) || name.length < 2 || name.length > 40) return undefined;
  const esc = escapeRe(name);
  const re = /[\u4e00-\u9fff]/.test(name)
    ? new RegExp(
        `[\\u4e00-\\u9fa5]{0,8}${esc}[\\u4e00-\\u9fa5（）()]{0,12}?(?:股份有限公司|有限责任公司|有限公司)`,
        'y',
      )
    : // The form after the name on its own line ("Aleris" over "SAS au capital de …" is not
      // "Aleris SAS"), or before it as French firms write it ("SAS Aleris").
      new RegExp(
        `(?<![\\p{L}])(?:${PREFIX_FORM} ${esc}(?![\\p{L}])|${esc}(?:[ -][\\p{Lu}][\\p{L}.&-]*){0,4}[ \\u00a0]${WEST_ORG}(?![\\p{L}]))`,
        'uy',
      );
  const counts = new Map<string, number>();
  // Only around where the name occurs: a pattern tried at every position of a long page (with
  // eight characters of region before the name) costs more than the rest of the name search.
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
    for (let from = Math.max(0, at - 8); from <= at; from++) {
      re.lastIndex = from;
      const m = re.exec(text);
      if (!m) continue;
      const found = tidyName(m[0]);
      if (found && capitalised(found)) counts.set(found, (counts.get(found) ?? 0) + 1);
      break;
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0]?.[0];
}

/** The site's own name as the page shows it, or undefined when nothing agrees. */
export function siteName(doc: Document, url: URL, lines: Line[], text: string): string | undefined {
  const votes: Vote[] = [];
  const vote = (raw: string, score: number) => {
    const name = tidyName(raw);
    const key = nameKey(name);
    if (key.length < 2 || name.length > 60 || PAGE_WORDS.test(name) || /^\d+$/.test(key) || BRANCH.test(name)) return;
    votes.push({ name, key, score: score + (looksLikeOrg(name) ? 1 : 0) });
  };
  for (const m of meta(doc, ['og:site_name', 'application-name', 'apple-mobile-web-app-title'])) {
    // "Postlight — Digital Strategy, Design and Engineering", "TINE.no": the name, not the tagline.
    const head = m.split(/\s+[-|–—:•·]\s+|\s*[|｜]\s*/)[0] ?? m;
    vote(head.replace(/\.(?:com|net|org|no|de|at|ch|it|cn|co\.uk|fr|nl|se|dk|fi|es)$/i, ''), 2);
  }
  for (const alt of logoAlts(doc, url)) vote(alt, 2);
  const title = clean(doc.querySelector('title')?.textContent);
  // A title part that repeats the page's headline is the page's, not the site's (a logo in an
  // <h1> is the site's).
  const h1El = doc.querySelector('h1');
  const logo = h1El?.closest('header, [class*="logo"], [id*="logo"]') ?? null;
  const h1 = h1El && !logo ? nameKey(clean(h1El.textContent)) : '';
  if (title) {
    const parts = title.split(TITLE_SPLIT).filter(Boolean);
    // A title of one part is the page's headline as often as the site's name.
    // A part that is a legal name (…有限公司, … GmbH) is the site's as plainly as its site name.
    for (const p of parts) if (parts.length > 1 && nameKey(p) !== h1) vote(p, hasLegalForm(tidyName(p)) ? 2 : 1);
    // A title that is a legal name and nothing else is the site's too.
    if (parts.length === 1 && (title.length <= 20 || looksLikeOrg(tidyName(title))) && nameKey(title) !== h1)
      vote(title, hasLegalForm(tidyName(title)) ? 2 : 1);
  }
  for (const c of copyrightHolders(lines)) vote(c, 2);
  for (const n of contactBlockNames(lines)) vote(n, 2);
  // The domain confirms a name that spells it (daheim-solar.de: daheim Solar; oetv.at: ÖTV), a
  // number after it aside (thau-elagage34.fr).
  const label = registrableDomain(url.hostname)?.split('.')[0] ?? '';
  const domain = label.replace(/-/g, '');
  const bareDomain = domain.replace(/\d+$/, '');
  // Or its first part, a town or a trade after it (pointofsail-kiel.de: Point of Sail).
  const part = label.split('-')[0] ?? '';
  const head = part !== label && part.length >= 5 ? part : '';
  const described = [...meta(doc, ['description', 'og:description']), text].join('\n');
  const spelled = spelledDomain(bareDomain, described) ?? (head ? spelledDomain(head, described) : undefined);
  if (spelled) vote(spelled, 1);
  if (votes.length === 0) return undefined;
  // Pool the votes of names that are one another, or one inside the other.
  const groups: Vote[][] = [];
  for (const v of votes) {
    const g = groups.find((grp) =>
      grp.some(
        (w) =>
          w.key === v.key ||
          (w.key.length >= 3 && v.key.includes(w.key)) ||
          (v.key.length >= 3 && w.key.includes(v.key)) ||
          abbreviates(v.name, w.name) ||
          abbreviates(w.name, v.name),
      ),
    );
    if (g) g.push(v);
    else groups.push([v]);
  }
  const scored = groups.map((g) => {
    const keys = new Set(g.map((v) => v.key));
    const bonus =
      domain.length >= 3 &&
      [...keys].some((k) => k === domain || k === bareDomain || k.replace(/\d+$/, '') === domain || k === head)
        ? 3
        : 0;
    return { g, score: g.reduce((s, v) => s + v.score, 0) + bonus };
  });
  scored.sort((a, b) => b.score - a.score);
  // A Chinese page that names itself in English and in Chinese ("Jiangsu Sunshine Group Co., Ltd.
  // … 江苏阳光集团有限公司版权所有") is known by its Chinese legal name, the one its licence and
  // credit records carry — though its domain spells the English one.
  const hasHan = (g: Vote[]) => g.some((v) => HAN.test(v.key));
  const chineseLegal =
    scored[0] && !hasHan(scored[0].g) && isChineseText(text)
      ? scored.find((s) => s.score >= 3 && s.g.some((v) => HAN.test(v.key) && hasLegalForm(v.name)))
      : undefined;
  const best = chineseLegal ?? scored[0];
  if (!best || best.score < 3) return undefined;
  // The group's fullest form: a legal name, else the longest name voted for more than once or
  // by more than a title; abbreviations give way to what they abbreviate.
  const forms = best.g
    .filter((v) => !best.g.some((w) => w !== v && abbreviates(v.name, w.name)))
    .sort((a, b) => Number(hasLegalForm(b.name)) - Number(hasLegalForm(a.name)) || b.score - a.score);
  const voted = forms[0]?.name ?? best.g[0]?.name;
  if (!voted) return undefined;
  const chosen = asWritten(voted, text);
  return legalForm(chosen, text) ?? chosen;
}
