/**
 * Children are walked through `childNodes`, never `nextSibling`: in happy-dom (the CLI and
 * tests) `nextSibling` searches the parent's child list, which makes a long page quadratic.
 *
 * Reading text out of a DOM the way a person sees it. `textContent` glues neighbouring cells
 * and list items together ("0516-87654321Fax:"), and `innerText` needs layout (which a saved
 * page in happy-dom does not have), so block boundaries are worked out from tag names here.
 */

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

const HEADING = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Collapse runs of whitespace (including full-width and no-break spaces) and trim. */
export function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}

// Not checked: the hidden / aria-hidden attributes. A saved page has no layout to say what is
// visible, contact details are almost never hidden that way, and reading two attributes on
// every element doubles the cost of a walk in happy-dom.
export function isSkipped(el: Element): boolean {
  return SKIP.has(el.localName);
}

/** Visible text with a newline at every block boundary and <br>; lines cleaned, blanks dropped. */
export function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    const type = node.nodeType;
    if (type === 3) {
      parts.push((node as Text).data);
      return;
    }
    if (type !== 1 && type !== 9 && type !== 11) return;
    const tag = type === 1 ? (node as Element).localName : '';
    if (SKIP.has(tag) || tag === 'img' || tag === 'area') return;
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    else if (tag === 'td' || tag === 'th') parts.push('\t');
    for (const c of node.childNodes) walk(c);
    if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((l) => clean(l))
    .filter(Boolean)
    .join('\n');
}

/** Visible text on one line. */
export function inlineText(root: Node): string {
  return clean(blockText(root).replace(/\n/g, ' '));
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
 * A cell's text if it is a plain value (no nested table, no second line), else null — one
 * walk, since layout tables nest cells in cells on older Chinese sites.
 */
function plainCellText(td: Element): string | null {
  const parts: string[] = [];
  let seen = false; // text so far
  let broken = false; // a line break or block boundary after that text
  const walk = (node: Node): boolean => {
    const type = node.nodeType;
    if (type === 3) {
      const d = (node as Text).data;
      if (/\S/.test(d)) {
        if (broken) return false;
        seen = true;
      }
      parts.push(d);
      return true;
    }
    if (type !== 1) return true;
    const tag = (node as Element).localName;
    if (tag === 'table') return false;
    if (SKIP.has(tag) || tag === 'img') return true;
    const block = tag === 'br' || BLOCK.has(tag);
    if (block && seen) broken = true;
    for (const c of node.childNodes) if (!walk(c)) return false;
    if (block && seen) broken = true;
    return true;
  };
  for (const c of td.childNodes) if (!walk(c)) return null;
  return clean(parts.join(''));
}

/**
 * One capture reads the same DOM several times over (adapter detection, then extraction):
 * within `withCaptureCache`, derived views of a node are computed once. Outside it (the page
 * may have changed since) nothing is kept.
 */
let cache: Map<string, WeakMap<object, unknown>> | null = null;

export function withCaptureCache<T>(fn: () => T): T {
  const outer = cache;
  cache = new Map();
  try {
    return fn();
  } finally {
    cache = outer;
  }
}

export function memo<T>(kind: string, key: object, make: () => T): T {
  if (!cache) return make();
  let byKey = cache.get(kind);
  if (!byKey) {
    byKey = new WeakMap();
    cache.set(kind, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as T;
  const value = make();
  byKey.set(key, value);
  return value;
}

/** The page as lines (see pageLines), computed once per capture. */
export const linesOf = (root: Node): Line[] => memo('lines', root, () => pageLines(root));

/** All visible text of `root`, one line per line. */
export const textOf = (root: Node): string =>
  memo('text', root, () =>
    linesOf(root)
      .map((l) => l.cells.join(' '))
      .join('\n'),
  );

export function pageLines(root: Node): Line[] {
  const lines: Line[] = [];
  let buf: string[] = [];
  let broken = false; // a <br> in buf
  const blocks: string[] = [];
  const flush = (heading = false) => {
    if (buf.length === 0) return;
    const text = buf.join('');
    buf = [];
    const tag = blocks.at(-1) ?? '';
    for (const l of broken ? text.split('\n') : [text]) {
      const c = clean(l);
      if (c) lines.push({ cells: [c], heading, tag });
    }
    broken = false;
  };
  const walk = (node: Node): void => {
    const type = node.nodeType;
    if (type === 3) {
      buf.push((node as Text).data);
      return;
    }
    if (type !== 1 && type !== 9 && type !== 11) return;
    const el = node as Element;
    const tag = type === 1 ? el.localName : '';
    if (SKIP.has(tag) || tag === 'img' || tag === 'area') return;
    if (tag === 'br') {
      buf.push('\n');
      broken = true;
      return;
    }
    if (tag === 'tr') {
      const cells = [...el.children].filter((c) => c.localName === 'td' || c.localName === 'th');
      const texts = cells.length >= 2 ? cells.map(plainCellText) : [];
      if (texts.length >= 2 && texts.every((t) => t !== null)) {
        flush();
        if (texts.some(Boolean)) lines.push({ cells: texts as string[], heading: false, tag: 'tr' });
        return;
      }
    }
    if (HEADING.has(tag)) {
      flush();
      buf = [inlineText(el)];
      flush(true);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      blocks.push(tag);
    }
    for (const c of node.childNodes) walk(c);
    if (block) {
      flush();
      blocks.pop();
    }
  };
  walk(root);
  flush();
  return lines;
}

/** The document's base URL: <base href> resolved against the page URL, else the page URL. */
export function baseUrl(doc: Document, pageUrl: URL): URL {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      return new URL(href, pageUrl);
    } catch {
      // An unparsable <base> is ignored, as browsers do.
    }
  }
  return pageUrl;
}

export function resolve(href: string, base: URL): string {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return href.trim();
  }
}

/** Class list as lower-case tokens (microformat class names are case-sensitive, callers decide). */
export function classes(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean);
}
