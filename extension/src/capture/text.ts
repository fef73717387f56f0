/** Text as a person reads it: runs of any kind of space as one, nothing around it. */

const SPACES = /[\s\u3000\u00a0\u200b\ufeff]+/g;
// Anything that is not a single plain space: most lines have none, and are only trimmed.
const MESSY = /[^\S ]| {2}|\u200b/;

/** Collapse runs of whitespace (including full-width and no-break spaces) and trim. */
export function clean(s: string | null | undefined): string {
  const t = (s ?? '').trim();
  return MESSY.test(t) ? t.replace(SPACES, ' ').trim() : t;
}
