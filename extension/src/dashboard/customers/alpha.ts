/** The index bar's letters: A–Z, then # for names starting with a digit or a sign. */
export const INDEX_LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'] as const;

interface Named {
  name: string;
  /** The server's pinyin initials of the whole name (`徐州嘉华` → `xzjh`; Latin kept letter by letter). */
  initials: string;
}

const SKIPPED = /[\s\p{P}\p{S}]/u;
const HAN = /\p{Script=Han}/u;

/**
 * The letter a file is listed under (seed 004: files by the initial letter of the name, pinyin
 * for Chinese): a Chinese first character takes the first of the server's pinyin initials, a
 * Latin one itself (accents dropped); digits and anything else go under #.
 */
export function letterOf({ name, initials }: Named): string {
  const first = [...name.normalize('NFKC')].find((c) => !SKIPPED.test(c));
  if (!first) return '#';
  if (HAN.test(first)) {
    const l = initials.charAt(0).toUpperCase();
    return /^[A-Z]$/.test(l) ? l : '#';
  }
  const latin = first.normalize('NFD').charAt(0).toUpperCase();
  return /^[A-Z]$/.test(latin) ? latin : '#';
}

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

/**
 * Files grouped A–Z with Chinese and English names interleaved: within a letter by their
 * initials (安徽 `ah` before Anhui Co `anhuico` before 阿里 … by letters, not by script),
 * then by name.
 */
export function groupByLetter<T extends Named>(items: readonly T[]): Array<{ letter: string; items: T[] }> {
  const keyed = items.map((item) => ({ item, letter: letterOf(item), key: item.initials.toLowerCase() }));
  const rank = (l: string) => INDEX_LETTERS.indexOf(l as (typeof INDEX_LETTERS)[number]);
  keyed.sort(
    (a, b) =>
      rank(a.letter) - rank(b.letter) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) ||
      collator.compare(a.item.name, b.item.name),
  );
  const groups: Array<{ letter: string; items: T[] }> = [];
  for (const k of keyed) {
    const last = groups.at(-1);
    if (last?.letter === k.letter) last.items.push(k.item);
    else groups.push({ letter: k.letter, items: [k.item] });
  }
  return groups;
}
