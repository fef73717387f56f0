/** Text as a person reads it: runs of any kind of space as one, nothing around it. */

const SPACES = /[\s\u3000\u00a0\u200b\ufeff]+/g;
// Anything that is not a single plain space: most lines have none, and are only trimmed.
const MESSY = /[^\S ]| {2}|\u200b/;

/** Collapse runs of whitespace (including full-width and no-break spaces) and trim. */
export function clean(s: string | null | undefined): string {
  const t = (s ?? '').trim();
  return MESSY.test(t) ? t.replace(SPACES, ' ').trim() : t;
}

// What \s matches beyond ASCII, U+3000 (the full-width space old sites align labels with) among them.
const WIDE_SPACES = new Set([0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

/** Is the character code one that \s matches? Without a regex: asked once per character. */
export const isSpace = (code: number): boolean =>
  code <= 32
    ? code === 32 || (code >= 9 && code <= 13)
    : code >= 0xa0 && (WIDE_SPACES.has(code) || (code >= 0x2000 && code <= 0x200a));

/** The text as a pattern that matches it literally. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
