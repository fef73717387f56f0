import type { Field } from './columns.ts';

// A hand-made sheet has lines that are no customer: a group's heading between its rows
// ("一、房地产开发企业"), its totals and its signature lines ("合计：3家单位", "制表人：王敏").

const FOOTER =
  /^(?:(?:grand\s+)?totals?(?:\s*[(:：]|\s*$)|sub-?totals?\b|小计|合计|总计|共计|confidential\b|copyright\b|©|\(c\)\s|制表|审核人|填表人|打印日期|generated\s+by\b)/i;

/** A group's number before its name: 一、 （二） 3. B) */
const ENUMERATOR =
  /^(?:[（(][一二三四五六七八九十百\d]+[）)]|(?:[一二三四五六七八九十百]+|\d{1,2}|[A-Z])[、.．)）])\s*/;

type SheetLine = { kind: 'footer' | 'heading'; text: string };

/**
 * The row as a line of the sheet that is no customer, or null. A footer is known by its first
 * words; a heading is one text alone in the row, in its first column or numbered as a group, in
 * no name column (a lone note beside a company's row is the company's, not a heading).
 */
export function sheetLine(cells: string[], mapping: (Field | null)[], hasPeople: boolean): SheetLine | null {
  if (hasPeople) return null;
  const filled = cells.map((c, j) => ({ text: c.trim(), j })).filter((c) => c.text);
  const first = filled[0];
  if (!first) return null;
  if (FOOTER.test(first.text)) return { kind: 'footer', text: first.text };
  if (filled.length !== 1 || !/[\p{L}]/u.test(first.text)) return null;
  const field = mapping[first.j];
  if (field === 'name' || field?.startsWith('person.')) return null;
  return first.j === 0 || ENUMERATOR.test(first.text) ? { kind: 'heading', text: first.text } : null;
}

/** The heading as the rows under it keep it in their notes: its name without its number. */
export const groupName = (heading: string) => heading.replace(ENUMERATOR, '').trim() || heading;
