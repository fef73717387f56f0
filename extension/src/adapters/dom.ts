/**
 * What the adapters read a page with: its text as lines (lines.ts), derived views of it kept
 * for the length of one capture (cache.ts), and URLs and class names as the page writes them.
 */

import { memo } from './cache.ts';
import { type Line, pageLines } from './lines.ts';

export { memo, withCaptureCache } from './cache.ts';
export { blockText, cellText, inlineText, type Line, pageLines, plainRowCells, soleText } from './lines.ts';
export { clean } from './text.ts';

/** The page as lines (see pageLines), computed once per capture. */
export const linesOf = (root: Node): Line[] => memo('lines', root, () => pageLines(root));

/** Lines as one text (cells joined by a space, lines by a newline), and where each line starts. */
export interface LineText {
  text: string;
  starts: number[];
}

export const lineText = (lines: Line[]): LineText =>
  memo('lineText', lines, () => {
    // Joined once at the end: one copy, where growing a string line by line leaves a rope for
    // the first regex over it to flatten.
    const parts: string[] = new Array(lines.length);
    const starts: number[] = new Array(lines.length);
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      const cells = (lines[i] as Line).cells;
      const text = cells.length === 1 ? (cells[0] ?? '') : cells.join(' ');
      parts[i] = text;
      starts[i] = at;
      at += text.length + 1;
    }
    return { text: parts.join('\n'), starts };
  });

/** All visible text of `root`, one line per line. */
export const textOf = (root: Node): string => lineText(linesOf(root)).text;

/**
 * The href of the first <base> that has one. From the document's list of <base> elements, not a
 * selector query: Chromium finds a tag by comparing names, where `base[href]` goes through the
 * selector engine for every element (on the 1 MB page 0.3 ms against 0.5 on a page just
 * changed, and nothing against 0.5 on a second capture, since it keeps the list until the
 * page changes).
 */
function firstBaseHref(doc: Document): string | undefined {
  const bases = doc.getElementsByTagName('base');
  // Item by item, not up to the list's length, which would count every <base> of the page first.
  for (let i = 0, base = bases[0]; base !== undefined; base = bases[++i]) {
    const href = base.getAttribute('href');
    if (href !== null) return href;
  }
  return undefined;
}

/** The document's base URL: <base href> resolved against the page URL, else the page URL. */
export function baseUrl(doc: Document, pageUrl: URL): URL {
  const href = memo('baseHref', doc, () => firstBaseHref(doc));
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
