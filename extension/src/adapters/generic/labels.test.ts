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

  it('a 联系人 and their 联系手机 on one line, set as a heading under the footer: the person with the mobile', () => {
    const found = foundFromLabels([
      { cells: ['赣州市百友汇企业服务有限公司'], heading: true, tag: 'h4' },
      { cells: ['联系人：谢总 联系手机：15170180577'], heading: true, tag: 'h4' },
    ]);
    expect(found.people).toEqual([expect.objectContaining({ name: '谢总', mobile: '+8615170180577' })]);
    expect(found.company?.phones).toEqual([]);
  });

  it('a number with its owner named after it ("投诉电话：18923090989 万先生") is that person’s, not the company’s', () => {
    const found = foundFromLabels(
      lines('服务热线：400-822-1108', '投诉电话：18923090989    万先生', '手机：13905711234（卢经理）'),
    );
    expect(found.people).toEqual([
      expect.objectContaining({ name: '万先生', mobile: '+8618923090989' }),
      expect.objectContaining({ name: '卢经理', mobile: '+8613905711234' }),
    ]);
    expect(found.company?.phones).toEqual(['+864008221108']);
    // A landline with who answers it: theirs, and still the company's line.
    const desk = foundFromLabels(lines('电话：0755-86001234 王先生'));
    expect(desk.people).toEqual([expect.objectContaining({ name: '王先生', phone: '+8675586001234' })]);
    expect(desk.company?.phones).toEqual(['+8675586001234']);
  });

  it('a number followed by words that are no one (工作日, 24小时) stays the company’s', () => {
    const found = foundFromLabels(lines('电话：0755-86001234 工作日', '手机：13905711234 24小时'));
    expect(found.people).toEqual([]);
    expect(found.company?.phones).toEqual(['+8675586001234', '+8613905711234']);
  });

  it('an address label over a line that repeats it ("公司地址：" then "公司地址：广州市…") keeps the address alone', () => {
    const found = foundFromLabels(lines('公司地址：', '公司地址：广州市白云区白云大道北337号B栋306'));
    expect(found.company?.address).toBe('广州市白云区白云大道北337号B栋306');
  });

  it('a heading with a colon and no number is a title, not a contact', () => {
    const found = foundFromLabels([{ cells: ['联系人：我们的服务团队'], heading: true, tag: 'h2' }]);
    expect(found.people).toEqual([]);
  });
});

describe('a business licence block', () => {
  it('reads its 住所 as the address', () => {
    const found = foundFromLabels(
      lines(
        '企业名称：赣州市百友汇企业服务有限公司',
        '法定代表人：邓鹏',
        '住所：江西省赣州市章贡区钨都大道2-62号201室',
      ),
    );
    expect(found.company?.address).toBe('江西省赣州市章贡区钨都大道2-62号201室');
  });
});

describe('a table of label and value cells', () => {
  const rows = (...rs: string[][]): Line[] => rs.map((cells) => ({ cells, heading: false }));

  it('reads a label qualified by a short word (中心地址, 投诉电话), not one naming another body', () => {
    const found = foundFromLabels(
      rows(['中心地址：', '徐汇区宾阳路38号'], ['投诉电话：', '54112212(工作日)'], ['徐汇区卫计委电话：', '64872222']),
    );
    expect(found.company?.address).toBe('徐汇区宾阳路38号');
    expect(found.company?.phones).toEqual(['54112212']);
  });

  it('reads a title set as the label of a name as that person, with the numbers under them; a title over a number is a line', () => {
    const found = foundFromLabels(
      rows(
        ['Sales Manager:', 'Jack Wang'],
        ['Mob:', '86 13809045086'],
        ['Email:', 'Jackwang1225@vip.163.com'],
        ['Office Add:', '11 F Chunfeng Bldg.,37 Huaqiao Rd.,Nanjing China PR'],
        ['Sales:', '86 25 84700599'],
      ),
    );
    expect(found.people).toEqual([
      { name: 'Jack Wang', title: 'Sales Manager', mobile: '+8613809045086', email: 'jackwang1225@vip.163.com' },
    ]);
    expect(found.company?.address).toBe('11 F Chunfeng Bldg.,37 Huaqiao Rd.,Nanjing China PR');
  });
});

describe('a title as the label of a name on a line', () => {
  it('one line or the name on the next: the person with that title; a sentence with a colon is no contact', () => {
    expect(foundFromLabels(lines('销售经理：王海', '手机：13812345678')).people).toEqual([
      { name: '王海', title: '销售经理', mobile: '+8613812345678' },
    ]);
    expect(foundFromLabels(lines('General Manager:', 'Li Wei')).people).toEqual([
      { name: 'Li Wei', title: 'General Manager' },
    ]);
    expect(foundFromLabels(lines('Note: Please call us', 'Manager of the year: the best')).people).toEqual([]);
  });

  it('an address label, a space and the address on one line, with no colon; a label-like word before prose is not', () => {
    expect(foundFromLabels(lines('地理位置 广东省汕头市潮汕路金平工业城金兴路7A5-1')).company?.address).toBe(
      '广东省汕头市潮汕路金平工业城金兴路7A5-1',
    );
    expect(foundFromLabels(lines('地址 我们搬家了，欢迎来访')).company?.address).toBeUndefined();
  });
});
