import { CAPTURE_LIMITS, Capture } from '@dossier/shared';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { captureSelection, runCapture } from './index.ts';
import { parcelField } from './land/fields.ts';
import { areaM2, isoDate, price } from './land/units.ts';
import { mailDate } from './webmail/dates.ts';
import { headerFromLines, parseAddress } from './webmail/headers.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('captureSelection: only the selected text', () => {
  it('reads labels, a contact with title and every phone in the selection', () => {
    const c = captureSelection(
      '徐州鑫钢钢铁贸易有限公司\n联系人：李明（华东区销售经理）\n手机：139 5200 8866\n总机 0516-8390 1234，传真：0516-8390 1235\nli.ming@xz-steel.com',
      'https://www.xz-steel.com/news/1.html',
    );
    expect(c).toEqual({
      url: 'https://www.xz-steel.com/news/1.html',
      kind: 'generic',
      adapter: 'selection',
      company: {
        phones: ['+8651683901234'],
        faxes: ['+8651683901235'],
        emails: ['li.ming@xz-steel.com'],
        products: [],
      },
      people: [{ name: '李明', title: '华东区销售经理', mobile: '+8613952008866' }],
      message: null,
      parcels: [],
    });
  });

  it('reads a land result written in a sentence', () => {
    const c = captureSelection('徐州嘉华置业有限公司以总价36800万元竞得XZ2024-07号地块。', 'https://news.example/1');
    expect(c.kind).toBe('land');
    expect(c.parcels).toEqual([{ parcelNo: 'XZ2024-07', winner: '徐州嘉华置业有限公司', dealPrice: 368000000 }]);
  });

  it('gives an empty, valid capture for text with nothing in it', () => {
    const c = captureSelection('今天天气不错。2024-01-15', 'https://example.com/');
    expect(c).toEqual({
      url: 'https://example.com/',
      kind: 'generic',
      adapter: 'selection',
      company: null,
      people: [],
      message: null,
      parcels: [],
    });
  });
});

describe('runCapture', () => {
  it('always returns a valid capture, even for an empty document', () => {
    const c = runCapture(parse(''), 'https://example.com/');
    expect(Capture.parse(c)).toEqual(c);
    expect(c).toMatchObject({ kind: 'generic', adapter: 'generic', company: null, people: [] });
  });

  it('lets the URL choose the adapter: the same page under mail.google.com is webmail', () => {
    const html = '<p>电话：0516-87654321</p>';
    expect(runCapture(parse(html), 'https://www.example.com/').adapter).toBe('generic');
    const mail = runCapture(parse(html), 'https://mail.google.com/mail/u/0/#inbox');
    expect(mail.adapter).toBe('gmail');
    expect(mail.warnings?.[0]).toMatch(/^gmail: .*fell back to generic extraction$/);
  });

  it('cuts overlong values to the wire limits instead of failing', () => {
    const c = runCapture(
      parse(`<p>公司名称：${'某'.repeat(300)}有限公司</p><p>经营范围：${'销售；'.repeat(2000)}</p>`),
      'https://x.example/',
    );
    expect(c.company?.name).toHaveLength(200);
    expect(c.company?.businessScope).toHaveLength(4000);
    expect(Capture.parse(c)).toEqual(c);
  });

  it('never invents a company from the URL alone', () => {
    const c = runCapture(parse('<h1>Welcome</h1><p>Opening soon.</p>'), 'https://www.jiahua-zy.com/');
    expect(c.company).toBeNull();
  });
});

describe('land labels', () => {
  it('names a cell however the page pads it, and dismisses values', () => {
    expect(parcelField('\u00a0宗地编号')).toBe('parcelNo');
    expect(parcelField('\n  成交价（万元）')).toBe('dealPrice');
    expect(parcelField('Parcel No:')).toBe('parcelNo');
    expect(parcelField('（万元）成交价')).toBe('dealPrice');
    expect(parcelField('铜山区北京北路东')).toBeUndefined();
    expect(parcelField('2024-01-10')).toBeUndefined();
  });
});

describe('land units', () => {
  it.each([
    ['12,345.6平方米', '', 12345.6],
    ['3.2568', '面积(公顷)', 32568],
    ['85亩', '面积(公顷)', 56666.95],
    ['12.50', 'Lot Size (Acres)', 50585.71],
  ])('area %s (%s) → %f m²', (v, hint, m2) => expect(areaM2(v, unitHint(hint) || hint)).toBe(m2));

  it('prices to yuan, dollars kept', () => {
    expect(price('36800', '万元')).toEqual({ amount: 368000000 });
    expect(price('3.2亿元')).toEqual({ amount: 320000000 });
    expect(price('¥1,280,000元')).toEqual({ amount: 1280000 });
    expect(price('$1,850,000')).toEqual({ amount: 1850000, currency: 'USD' });
  });

  it('dates to YYYY-MM-DD; 1900-01-01 is empty', () => {
    expect(isoDate('2024年1月8日')).toBe('2024-01-08');
    expect(isoDate('2024/1/8 10:00')).toBe('2024-01-08');
    expect(isoDate('1900-01-01')).toBeUndefined();
  });
});

function unitHint(label: string): string {
  return /[（(]\s*([^）)]+?)\s*[）)]/.exec(label)?.[1] ?? '';
}

describe('webmail headers and dates (TZ Asia/Shanghai in this test run)', () => {
  it.each([
    ['2024年1月15日 周一 上午10:32', '2024-01-15T10:32:00+08:00'],
    ['2024年1月17日 (周三) 下午3:18', '2024-01-17T15:18:00+08:00'],
    ['2024年01月19日 14:06 (星期五)', '2024-01-19T14:06:00+08:00'],
    ['Mon, Jan 15, 2024, 10:30 AM', '2024-01-15T10:30:00+08:00'],
    ['Tue 1/16/2024 9:05 AM', '2024-01-16T09:05:00+08:00'],
    ['15 January 2024 12:10 AM', '2024-01-15T00:10:00+08:00'],
    ['Mon, 15 Jan 2024 10:30:00 -0500', '2024-01-15T10:30:00-05:00'],
    ['1705285800000', '2024-01-15T10:30:00+08:00'],
  ])('%s → %s', (raw, iso) => expect(mailDate(raw)).toBe(iso));

  it('reads addresses as written', () => {
    expect(parseAddress('"张三" <ZhangSan@Example.com>')).toEqual({ name: '张三', email: 'zhangsan@example.com' });
    expect(parseAddress('li@x.cn')).toEqual({ email: 'li@x.cn' });
    expect(parseAddress('王建国')).toEqual({ name: '王建国' });
  });

  it('reads a labelled header, the value on the next line when the label stands alone', () => {
    expect(
      headerFromLines(['发件人：', '孙立军<sales@hx-concrete.com>', '时　间：2024年1月18日(星期四) 上午9:47']),
    ).toEqual({
      fromName: '孙立军',
      fromEmail: 'sales@hx-concrete.com',
      date: '2024-01-18T09:47:00+08:00',
    });
  });
});

describe('a page with more than a page can hold', () => {
  it('keeps the first of each list up to the limits and says how many it left out', () => {
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `<li><a href="tel:+86139${String(i).padStart(8, '0')}">call</a></li>`,
    );
    const doc = new Window().document;
    doc.write(`<html><head><title>某某有限公司</title></head><body><ul>${rows.join('')}</ul></body></html>`);
    const c = runCapture(doc as unknown as Document, 'https://www.example.cn/');
    expect(Capture.safeParse(c).success).toBe(true);
    expect(c.company?.phones.length).toBe(CAPTURE_LIMITS.phones);
    expect(c.warnings?.some((w) => /first 50 of 3,000 phones/.test(w))).toBe(true);
  });
});
