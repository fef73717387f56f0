/**
 * Reading text out of a DOM the way a person sees it. `textContent` glues neighbouring cells
 * and list items together ("0516-87654321Fax:"), and `innerText` needs layout (which a saved
 * page in happy-dom does not have), so block boundaries are worked out from tag names here.
 */

import { CAPTURE_LIMITS } from '@dossier/shared';
import { outOfTime } from './budget.ts';
import { captureStore, memo } from './cache.ts';
import { clean } from './text.ts';

/**
 * Rows of one table read as lines, at most: no capture keeps more parcels than this (nor more
 * of anything else), and a land list of 18,000 rows was read whole before the rows past its
 * first 5,000 parcels were dropped. A few more than the parcels, for a table's header rows.
 */
export const MAX_TABLE_ROWS = CAPTURE_LIMITS.parcels + 20;

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'svg',
  'select',
  'option',
  'textarea',
  'iframe',
  'object',
  'canvas',
  // Code samples: what they spell (url: "https://…", tel = "…") is code, not the page's data.
  'code',
  'kbd',
  'samp',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'ul',
]);

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
// A line that starts with a short label and its colon (地址：…, Tel: …).
const LABELLED = /^[^：:\d]{1,12}[：:]\s*\S/u;

// What a tag does to the lines, looked up once per element (a walk's hottest question).
const SKIPPED = 0;
const BREAK = 1;
const BLOCK_KIND = 2;
const HEADING = 3;
const KIND = new Map<string, number>([
  ...[...SKIP, 'img', 'area'].map((t) => [t, SKIPPED] as const),
  ['br', BREAK],
  ...[...BLOCK].map((t) => [t, BLOCK_KIND] as const),
  ...HEADING_TAGS.map((t) => [t, HEADING] as const),
]);

// An inline style that hides the element (the page's CSS files are not read: a saved page in
// happy-dom has none applied, and in the browser one attribute check is all a walk can afford).
const HIDING_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/**
 * Is the element hidden by its own markup — the `hidden` attribute or an inline display:none /
 * visibility:hidden? Template links and dictionary entries kept for scripts are hidden this way,
 * and what they say is not on the page.
 */
export function isHidden(el: Element): boolean {
  // Most elements of a page have no attribute at all: one call answers for them.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return style !== null && style.length >= 11 && HIDING_STYLE.test(style);
}

/** Visible text with a newline at every block boundary and <br>; lines cleaned, blanks dropped. */
export function blockText(root: Node): string {
  return pageLines(root, false)
    .map((l) => l.cells.join('\n'))
    .join('\n');
}

/** Visible text on one line. */
export function inlineText(root: Node): string {
  return clean(blockText(root).replace(/\n/g, ' '));
}

/** The text of an element that holds one text node and nothing else ('' if empty), else null. */
export function soleText(el: Element): string | null {
  const only = el.firstChild;
  if (only === null) return '';
  return only.nodeType === 3 && only.nextSibling === null ? (only as Text).data : null;
}

/** A table cell's text on one line: most cells hold one piece of text, read without a walk. */
export function cellText(td: Element): string {
  const sole = soleText(td);
  return sole === null ? inlineText(td) : clean(sole);
}

/**
 * The page as a list of lines. A table row whose cells are plain text becomes one line of
 * cells (a label–value grid reads label, value, label, value); anything else is flowed text.
 */
export interface Line {
  cells: string[];
  heading: boolean;
  /** The block element the text sits in (dt, li, p, tr, …); '' when not known. */
  tag?: string;
}

/**
 * The rows read as plain cells in this capture, in the order read. Only land tables look rows
 * up, so they are indexed on the first look-up: a company page does not pay for a map entry per
 * row (3,200 on the 1 MB page) that nothing reads.
 */
interface PlainRows {
  rows: Element[];
  cells: string[][];
  byRow: Map<Element, string[]> | null;
}

const PLAIN_ROWS = {};

function plainRows(): PlainRows | null {
  const store = captureStore('plainRows');
  if (!store) return null;
  let p = store.get(PLAIN_ROWS) as PlainRows | undefined;
  if (!p) {
    p = { rows: [], cells: [], byRow: null };
    store.set(PLAIN_ROWS, p);
  }
  return p;
}

function addPlainRow(p: PlainRows, tr: Element, cells: string[]): void {
  if (p.byRow) p.byRow.set(tr, cells);
  else {
    p.rows.push(tr);
    p.cells.push(cells);
  }
}

/**
 * The cells of a table row as the page's lines read them, when the row is one line of plain
 * cells and the lines were read in this capture: a result table of thousands of parcels is
 * then not read from the DOM a second time. Null otherwise.
 */
export function plainRowCells(tr: Element): string[] | null {
  const p = captureStore('plainRows')?.get(PLAIN_ROWS) as PlainRows | undefined;
  if (!p) return null;
  if (!p.byRow) {
    // A row read again (the lines of a part of the page) keeps its last reading, as it did.
    p.byRow = new Map();
    for (let i = 0; i < p.rows.length; i++) p.byRow.set(p.rows[i] as Element, p.cells[i] as string[]);
  }
  return p.byRow.get(tr) ?? null;
}

/**
 * Which way to step through children. Chromium follows a pointer for `nextSibling` and builds a
 * wrapper object for every `childNodes` iteration step (3–4× slower over a whole page);
 * happy-dom (the CLI and tests) answers `nextSibling` by searching the parent's child array,
 * which makes a long list quadratic, and iterates `childNodes` cheaply.
 */
function siblingsAreSlow(root: Node): boolean {
  const view = (root.ownerDocument ?? (root as Document)).defaultView;
  return view !== null && 'happyDOM' in view;
}

/**
 * The page as lines, in one walk over the DOM (on a 1 MB page the walk is most of the cost of a
 * capture, so nothing is walked twice). `structured`: a heading is one line marked as such, and
 * a table row of two or more plain cells is one line of cells; a cell is plain when it reads as
 * at most one line and holds no table of its own (layout tables nest cells in cells on older
 * Chinese sites). Without it, the lines are just the text between block boundaries.
 */
/**
 * The elements under `root` its own markup hides, found by the browser's selector engine (a
 * check of each element from script costs a 1 MB page a millisecond or two): empty on most pages.
 */
function hiddenUnder(root: Node): Set<Element> {
  // Lines are read for the page and again for parts of it: a part in the document takes the
  // document's set, scanned once per capture (a superset answers the same for any subtree).
  const doc = root.ownerDocument;
  if (doc && root.isConnected && root !== doc.documentElement) {
    return memo('hiddenElements', doc, () => scanHidden(doc.documentElement ?? doc));
  }
  return scanHidden(root);
}

function scanHidden(root: Node): Set<Element> {
  const out = new Set<Element>();
  const scope = root as ParentNode;
  if (typeof scope.querySelectorAll !== 'function') return out;
  // One attribute per query: Chromium answers those from a fast path, a list or a substring
  // match by testing every element.
  for (const sel of ['[hidden]', '[style]'])
    for (const el of scope.querySelectorAll(sel)) if (isHidden(el)) out.add(el);
  return out;
}

/** A character's class for `apart`: 1 a digit, 2 a Latin letter, 3 Han, 0 anything else. */
function classOf(code: number): number {
  if (code >= 48 && code <= 57) return 1;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f)) return 2;
  if (code >= 0x4e00 && code <= 0x9fff) return 3;
  return 0;
}

/**
 * Whether the texts of two elements side by side are two things: a digit against a letter or
 * another digit, Latin against Han. Letters against letters may be one word styled in two
 * parts (a logo's "Goo" + "gle"), and punctuation already parts them.
 */
function apart(before: number, after: number): boolean {
  const a = classOf(before);
  const b = classOf(after);
  return a !== 0 && b !== 0 && (a !== b || a === 1);
}

export function pageLines(root: Node, structured = true, bySiblings = !siblingsAreSlow(root)): Line[] {
  const slow = !bySiblings;
  const hidden = hiddenUnder(root);
  const anyHidden = hidden.size > 0;
  const rowCells = structured ? plainRows() : null;
  const lines: Line[] = [];
  let buf = '';
  let broken = false; // a <br> in buf
  let tables = 0; // tables entered so far, to tell a cell that holds one
  let block = ''; // the innermost block element open
  // Where buf ended when the last inline element closed, and whether an inline element began
  // right there: two elements side by side with no text between, which a page's CSS shows
  // apart (a phone and an e-mail in a top bar's spans: "80 49" + "news@…").
  let closedAt = -1;
  let adjacent = false;
  // A heading's line is tagged with its own element (h1…h6): its rank says how far its section runs.
  const push = (text: string, heading: boolean, at = block) => {
    const c = clean(text);
    if (c) lines.push({ cells: [c], heading, tag: at });
  };
  const flush = () => {
    closedAt = -1;
    adjacent = false;
    if (buf === '') return;
    const text = buf;
    buf = '';
    // Unstructured text keeps the source's line breaks, as blockText always has (webmail
    // signatures are read line by line from it).
    if (broken || !structured) {
      broken = false;
      for (const l of text.split('\n')) push(l, false);
    } else push(text, false);
  };
  const children = (node: Node): void => {
    if (slow) for (const c of node.childNodes) walk(c);
    else for (let c = node.firstChild; c !== null; c = c.nextSibling) walk(c);
  };
  // Cells of one piece of text are read without walking them, and get their line only if
  // their row turns out to be flowed after all (where the walk would have put it). Kept on
  // one stack for all rows, nested ones included: a row uses the entries above where it began.
  // (The text, its cell's tag and its place, not a Line: most rows are plain, and their held
  // cells are dropped unread.)
  const held: string[] = [];
  const heldTag: string[] = [];
  const heldAt: number[] = [];
  interface Row {
    cells: string[];
    plain: boolean;
  }
  const cell = (td: Element, tag: string, r: Row): void => {
    const sole = soleText(td);
    if (sole !== null) {
      flush();
      const text = clean(sole);
      r.cells.push(text);
      if (text) {
        held.push(text);
        heldTag.push(tag);
        heldAt.push(lines.length);
      }
      return;
    }
    const before = lines.length;
    const nested = tables;
    walk(td);
    const n = lines.length - before;
    if (n > 1 || tables !== nested) r.plain = false;
    else r.cells.push(n === 1 ? (lines[before]?.cells.join(' ') ?? '') : '');
  };
  const rowChild = (node: Node, r: Row): void => {
    // (Only an element has a tag name; the text between cells is walked as any text.)
    const tag = (node as Element).localName;
    if (tag === 'td' || tag === 'th') cell(node as Element, tag, r);
    else walk(node);
  };
  // A table row: its cells as one line when they are all plain, else flowed as any text is.
  const row = (tr: Element): void => {
    const start = lines.length;
    const base = held.length;
    const r: Row = { cells: [], plain: true };
    if (slow) for (const c of tr.childNodes) rowChild(c, r);
    else for (let c = tr.firstChild; c !== null; c = c.nextSibling) rowChild(c, r);
    flush();
    if (r.plain && r.cells.length >= 2) {
      if (rowCells) addPlainRow(rowCells, tr, r.cells);
      lines.length = start;
      if (r.cells.some(Boolean)) lines.push({ cells: r.cells, heading: false, tag: 'tr' });
    } else {
      // Backwards, so that each insertion leaves the places of the earlier ones as they were.
      for (let k = held.length - 1; k >= base; k--)
        lines.splice(heldAt[k] ?? 0, 0, { cells: [held[k] as string], heading: false, tag: heldTag[k] as string });
    }
    held.length = base;
    heldTag.length = base;
    heldAt.length = base;
  };
  let seen = 0;
  let stopped = false; // the capture's time budget ran out (budget.ts): read no further
  const rowsLeft: number[] = []; // rows still read of each table open, innermost last
  const walk = (node: Node): void => {
    if (stopped) return;
    // Only an element has a tag name: asked first, it tells an element in one DOM call instead
    // of two (nodeType, then localName). A bare walk over the 1 MB page took 5.5 → 4.4 ms.
    const tag = (node as Element).localName;
    if (typeof tag !== 'string') {
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        if (adjacent) {
          adjacent = false;
          if (buf !== '' && apart(buf.charCodeAt(buf.length - 1), data.charCodeAt(0))) buf += ' ';
        }
        // Indentation between blocks: at the start of a line it would only be trimmed away.
        if (buf !== '' || data.charCodeAt(0) > 32 || data.trim() !== '') buf += data;
      } else if (type === 9 || type === 11) children(node);
      return;
    }
    // The clock is read every 1,024 elements: often enough to stop within a few ms.
    if ((++seen & 1023) === 0 && outOfTime()) {
      stopped = true;
      return;
    }
    if (anyHidden && hidden.has(node as Element)) return;
    const kind = KIND.get(tag);
    if (kind === undefined) {
      if (buf.length === closedAt) adjacent = true;
      children(node); // inline: its text runs on in the current line
      closedAt = buf.length;
      return;
    }
    if (kind === SKIPPED) return;
    if (kind === BREAK) {
      buf += '\n';
      broken = true;
      return;
    }
    if (kind === HEADING && structured) {
      // A heading is one line, whatever blocks and breaks it holds.
      flush();
      // Most hold one piece of text: its line without a walk, nor lines to join back into one.
      const sole = soleText(node as Element);
      if (sole !== null) {
        push(sole, true, tag);
        return;
      }
      const start = lines.length;
      children(node);
      flush();
      const parts = lines.splice(start).map((l) => l.cells.join(' '));
      // …unless it is a contact block set as a heading, its labelled lines apart ("公司名称：…<br>
      // 地址：…<br>服务热线：…"): each its own line, as the page shows them.
      if (parts.filter((p) => LABELLED.test(p)).length >= 2) for (const p of parts) push(p, false, tag);
      else push(parts.join(' '), true, tag);
      return;
    }
    if (tag === 'tr' && rowsLeft.length > 0) {
      // A table's rows past what any capture keeps are not read (see MAX_TABLE_ROWS).
      const left = rowsLeft.length - 1;
      if ((rowsLeft[left] as number) <= 0) return;
      rowsLeft[left] = (rowsLeft[left] as number) - 1;
    }
    if (tag === 'table') {
      tables++;
      rowsLeft.push(MAX_TABLE_ROWS);
    }
    flush();
    const outer = block;
    block = tag;
    if (structured && tag === 'tr') row(node as Element);
    else children(node);
    flush();
    block = outer;
    if (tag === 'table') rowsLeft.pop();
  };
  walk(root);
  flush();
  return lines;
}
