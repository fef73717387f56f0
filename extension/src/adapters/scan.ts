import { type Line, lineText, memo } from './dom.ts';

/**
 * Finding the few lines of a long page that matter with one native regex scan of the whole
 * text, instead of a test per line: on a 1 MB page almost no line holds a label, a title or an
 * address, and per-line work is most of what a capture of it costs.
 */

const global = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);

/**
 * The indices of the lines `re` matches in, ascending. A match in any one cell is found (cells
 * are joined intact), so callers see every line their per-line pattern would.
 */
export function linesMatching(lines: Line[], re: RegExp): number[] {
  // Several readers ask for the same lines (the copyright line, the contact lines): one scan each.
  const byPattern = memo('linesMatching', lines, () => new Map<string, number[]>());
  const key = `${re.flags}/${re.source}`;
  const known = byPattern.get(key);
  if (known) return known;
  const found = scanLines(lines, re);
  byPattern.set(key, found);
  return found;
}

/**
 * The lines holding a character, found with indexOf: a regex of one character is still a
 * regex scan, several times slower over a long Chinese page.
 */
export function linesWithChar(lines: Line[], ch: string): number[] {
  const byChar = memo('linesWithChar', lines, () => new Map<string, number[]>());
  const known = byChar.get(ch);
  if (known) return known;
  const { text, starts } = lineText(lines);
  const out: number[] = [];
  let line = 0;
  for (let at = text.indexOf(ch); at >= 0; ) {
    while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= at) line++;
    out.push(line);
    const next = starts[line + 1];
    if (next === undefined) break;
    at = text.indexOf(ch, next);
  }
  byChar.set(ch, out);
  return out;
}

function scanLines(lines: Line[], re: RegExp): number[] {
  const { text, starts } = lineText(lines);
  const out: number[] = [];
  const scan = global(re);
  let line = 0;
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= m.index) line++;
    out.push(line);
    // Nothing more to learn from this line: go on from the start of the next (even when the
    // match ran into it, so that the next line is read whole).
    scan.lastIndex = starts[line + 1] ?? text.length;
  }
  return out;
}

/** The lines of `text` in which `re` matches, joined by newlines ('' when there are none). */
export function linesWith(text: string, re: RegExp): string {
  const out: string[] = [];
  const scan = global(re);
  for (let m = scan.exec(text); m; m = scan.exec(text)) {
    const start = text.lastIndexOf('\n', m.index) + 1;
    const newline = text.indexOf('\n', m.index);
    const end = newline < 0 ? text.length : newline;
    // A match that runs on past the line's end still belongs to its first line.
    out.push(text.slice(start, end));
    scan.lastIndex = end + 1;
  }
  return out.join('\n');
}
