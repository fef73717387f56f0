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

function columnOf(header: string): Column | undefined {
  const h = header.replace(/[\s:：]/g, '').toLowerCase();
  if (h === 'name' || h === 'fullname') return 'name';
  const f = labelField(header);
  if (f === 'contact') return 'name';
  if (f === 'title' || f === 'phone' || f === 'mobile' || f === 'email') return f;
  return undefined;
}

export function peopleFromTables(lines: Line[]): CapturedPerson[] {
  const out: CapturedPerson[] = [];
  let cols: (Column | undefined)[] | null = null;
  for (const line of lines) {
    if (line.tag !== 'tr') {
      cols = null;
      continue;
    }
    const header = line.cells.map(columnOf);
    // A header row is labels only (a label–value grid row "联系人 | 吴海燕 | 职务 | 经理" is not),
    // and a people table names a person and says at least one more thing about them.
    const allLabels = line.cells.every(
      (c) => !c || columnOf(c) || labelField(c) || /^(区域|部门|地区|序号|No\.?|Region|Department|Dept\.?)$/i.test(c),
    );
    if (allLabels && header.includes('name') && header.some((c) => c && c !== 'name')) {
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
