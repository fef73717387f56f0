import { readCsv } from './files.ts';
import { candidates, chooseLayout } from './rows.ts';

/** A CSV of these lines, as a program saves it (CRLF, UTF-8). */
export const csv = (lines: string[]) => Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');

/** A CSV file read as the import reads it: its layout and the rows it would write. */
export function readList(file: Buffer | string[], name: string) {
  const grid = readCsv(Array.isArray(file) ? csv(file) : file, name);
  const layout = chooseLayout([grid]);
  return { layout, list: candidates([grid], layout).list };
}
