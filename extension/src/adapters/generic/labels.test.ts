import { describe, expect, it } from 'vitest';
import type { Line } from '../dom.ts';
import { foundFromLabels } from './labels.ts';

const lines = (...ls: string[]): Line[] => ls.map((l) => ({ cells: [l], heading: false }));

describe('a 联系人 block', () => {
  it('a mobile number labelled 电话 under the person is their mobile; a landline stays the company’s', () => {
    const found = foundFromLabels(
      lines(
        '联系人：张先生',
        'QQ：754710007',
        '电话：13861242596',
        '邮箱：steven_allen@163.com',
        '电话：0519-86681234',
      ),
    );
    expect(found.people).toEqual([expect.objectContaining({ name: '张先生', mobile: '+8613861242596' })]);
    expect(found.company?.phones).toEqual(['+8651986681234']);
  });

  it('a 手机 line says more: the mobile under 电话 goes back to the company', () => {
    const found = foundFromLabels(lines('联系人：卢经理', '电话：13700882923', '手机：13905711234'));
    expect(found.people).toEqual([expect.objectContaining({ name: '卢经理', mobile: '+8613905711234' })]);
    expect(found.company?.phones).toEqual(['+8613700882923']);
  });
});
