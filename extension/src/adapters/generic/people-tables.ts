import type { CapturedPerson } from '@dossier/shared';
import type { Line } from '../dom.ts';
import { person } from '../merge.ts';
import { labelField } from './vocab.ts';

/**
 * Contact lists laid out as a table: a header row (姓名 | 职务 | 电话 | 手机 | 邮箱, or
 * Name | Title | Phone | Email) and one person per row below it. Read from the page's lines
 * (table rows of plain cells), so no second walk over the DOM.
 */

type Column = 'name' | 'title' | 'phone' | 'mobile' | 'email';

const NAME_HEADER = /^(?:full\s*)?name\s*[:：]?$/i;

function columnOf(header: string): Column | undefined {
  // (Asked of every cell of every table row: the regex only for a cell that starts as it must.)
  const first = header.charCodeAt(0) | 32; // f or n, in either case
  if ((first === 102 || first === 110) && NAME_HEADER.test(header)) return 'name';
  const f = labelField(header);
  if (f === 'contact') return 'name';
  if (f === 'title' || f === 'phone' || f === 'mobile' || f === 'email') return f;
  return undefined;
}

const OTHER_HEADER = /^(区域|部门|地区|序号|No\.?|Region|Department|Dept\.?)$/i;

export function peopleFromTables(lines: Line[]): CapturedPerson[] {
  const out: CapturedPerson[] = [];
  let cols: (Column | undefined)[] | null = null;
  for (const line of lines) {
    if (line.tag !== 'tr') {
      cols = null;
      continue;
    }
    const header = line.cells.map(columnOf);
    // A people table names a person and says at least one more thing about them, and its
    // header row is labels only (a label–value grid row "联系人 | 吴海燕 | 职务 | 经理" is not).
    if (
      header.includes('name') &&
      header.some((c) => c && c !== 'name') &&
      line.cells.every((c, k) => !c || header[k] || labelField(c) || OTHER_HEADER.test(c))
    ) {
      cols = header;
      continue;
    }
    if (!cols || line.cells.length !== cols.length) continue;
    const get = (col: Column) => line.cells[cols?.indexOf(col) ?? -1] ?? '';
    const name = get('name');
    if (!name || name.length > 40 || labelField(name)) continue;
    const title = get('title');
    const email = get('email');
    out.push(
      person(name, {
        ...(title ? { title } : {}),
        phones: [get('mobile'), get('phone')].filter(Boolean),
        ...(email ? { email } : {}),
      }),
    );
  }
  return out;
}
