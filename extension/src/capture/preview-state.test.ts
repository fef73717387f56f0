import type { Capture } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import {
  fromCapture,
  newCustomerName,
  type PreviewAction,
  type PreviewState,
  previewProblems,
  previewReducer,
  toCapture,
} from './preview-state.ts';

const page: Capture = {
  url: 'https://www.jiahe-build.com.cn/contact.html',
  kind: 'company',
  adapter: 'generic',
  company: {
    name: '徐州嘉禾建设工程有限公司',
    creditCode: '91320303MA20KJ7L8L',
    icp: '苏ICP备16012345号',
    website: 'www.jiahe-build.com.cn',
    phones: ['+8651687659999', '+8651687654321;ext=808'],
    faxes: ['+8651687654322'],
    emails: ['sales@jiahe-build.com.cn'],
    address: '江苏省徐州市云龙区和平路88号',
    products: ['商品混凝土', '预制构件'],
  },
  people: [
    { name: '王建国', title: '销售经理', mobile: '+8613912345678' },
    { name: '刘芳', email: 'liufang@jiahe-build.com.cn' },
  ],
  message: null,
  parcels: [],
};

const land: Capture = {
  url: 'http://ggzy.xuzhou.gov.cn/jyxx/tdky/cjgs/a3f1.html',
  kind: 'land',
  adapter: 'land',
  company: null,
  people: [],
  message: null,
  parcels: [
    {
      parcelNo: '徐土2023-58号',
      location: '铜山区北京北路东',
      areaM2: 56721,
      dealPrice: 523500000,
      dealDate: '2024-01-10',
      winner: '徐州嘉华置业有限公司',
    },
    { parcelNo: '徐土2023-59号', areaM2: 120030, winner: '徐州恒远投资发展有限公司' },
  ],
};

const run = (c: Capture, ...actions: PreviewAction[]): PreviewState => actions.reduce(previewReducer, fromCapture(c));

describe('capture preview state', () => {
  it('sends everything the page gave when nothing is touched (phones as dialled at home)', () => {
    const sent = toCapture(fromCapture(page));
    expect(sent).toEqual({
      ...page,
      company: {
        ...page.company,
        phones: ['0516-87659999', '0516-87654321 ext. 808'],
        faxes: ['0516-87654322'],
      },
      people: [
        { name: '王建国', title: '销售经理', mobile: '139 1234 5678' },
        { name: '刘芳', email: 'liufang@jiahe-build.com.cn' },
      ],
    });
  });

  it('leaves out what is unticked and sends what is edited', () => {
    const s = run(
      page,
      { type: 'tickField', field: 'icp', on: false },
      { type: 'editField', field: 'name', value: '  徐州嘉禾建设有限公司 ' },
      { type: 'tickItem', list: 'phones', index: 0, on: false },
      { type: 'editItem', list: 'emails', index: 0, value: 'info@jiahe-build.com.cn' },
      { type: 'tickItem', list: 'products', index: 1, on: false },
      { type: 'tickPerson', index: 1, on: false },
      { type: 'editPerson', index: 0, field: 'title', value: '总经理' },
      { type: 'editPerson', index: 0, field: 'mobile', value: '' },
    );
    const sent = toCapture(s);
    expect(sent.company).toMatchObject({
      name: '徐州嘉禾建设有限公司',
      phones: ['0516-87654321 ext. 808'],
      emails: ['info@jiahe-build.com.cn'],
      products: ['商品混凝土'],
    });
    expect(sent.company?.icp).toBeUndefined();
    expect(sent.people).toEqual([{ name: '王建国', title: '总经理' }]);
    // Provenance travels unchanged.
    expect(sent).toMatchObject({ url: page.url, kind: 'company', adapter: 'generic', message: null });
    expect(newCustomerName(s)).toBe('徐州嘉禾建设有限公司');
  });

  it('typing into an unticked field ticks it again; added items count once filled', () => {
    const s = run(
      page,
      { type: 'tickField', field: 'address', on: false },
      { type: 'editField', field: 'address', value: '江苏省徐州市鼓楼区' },
      { type: 'addItem', list: 'phones' },
      { type: 'addItem', list: 'emails' },
      { type: 'editItem', list: 'emails', index: 1, value: 'hr@jiahe-build.com.cn' },
      { type: 'addPerson' },
    );
    const sent = toCapture(s);
    expect(sent.company?.address).toBe('江苏省徐州市鼓楼区');
    expect(sent.company?.phones).toHaveLength(2);
    expect(sent.company?.emails).toEqual(['sales@jiahe-build.com.cn', 'hr@jiahe-build.com.cn']);
    // The empty person added is not a person.
    expect(sent.people).toHaveLength(2);
  });

  it('sends no company at all when nothing of it is kept, and no new-customer name', () => {
    const actions: PreviewAction[] = [
      ...(['name', 'creditCode', 'icp', 'website', 'address'] as const).map(
        (field): PreviewAction => ({ type: 'tickField', field, on: false }),
      ),
      { type: 'tickItem', list: 'phones', index: 0, on: false },
      { type: 'tickItem', list: 'phones', index: 1, on: false },
      { type: 'tickItem', list: 'faxes', index: 0, on: false },
      { type: 'tickItem', list: 'emails', index: 0, on: false },
      { type: 'tickItem', list: 'products', index: 0, on: false },
      { type: 'tickItem', list: 'products', index: 1, on: false },
    ];
    const s = run(page, ...actions);
    expect(toCapture(s).company).toBeNull();
    expect(newCustomerName(s)).toBe('');
  });

  it('checks the credit code, and normalises a correct one', () => {
    const bad = run(page, { type: 'editField', field: 'creditCode', value: '91320303MA20KJ7L8' });
    expect(previewProblems(bad)).toEqual([{ where: 'company.creditCode', code: 'creditCode' }]);
    const unticked = run(
      page,
      { type: 'editField', field: 'creditCode', value: 'nonsense' },
      {
        type: 'tickField',
        field: 'creditCode',
        on: false,
      },
    );
    expect(previewProblems(unticked)).toEqual([]);
    const lower = run(page, { type: 'editField', field: 'creditCode', value: ' 91320303ma20kj7l8l ' });
    expect(previewProblems(lower)).toEqual([]);
    expect(toCapture(lower).company?.creditCode).toBe('91320303MA20KJ7L8L');
  });

  it('asks for a name when a person has details but none', () => {
    const s = run(page, { type: 'editPerson', index: 1, field: 'name', value: ' ' });
    expect(previewProblems(s)).toEqual([{ where: 'people.1.name', code: 'personName' }]);
    expect(
      previewProblems(
        run(
          page,
          { type: 'editPerson', index: 1, field: 'name', value: '' },
          { type: 'tickPerson', index: 1, on: false },
        ),
      ),
    ).toEqual([]);
  });

  it('parcels: amounts parsed from what is typed, bad ones flagged, unticked ones left out', () => {
    const s = run(
      land,
      { type: 'editParcel', index: 0, field: 'areaM2', value: '56,800' },
      { type: 'editParcel', index: 0, field: 'winner', value: '徐州嘉华置业有限公司（联合体）' },
      { type: 'tickParcel', index: 1, on: false },
    );
    expect(previewProblems(s)).toEqual([]);
    expect(toCapture(s).parcels).toEqual([
      {
        parcelNo: '徐土2023-58号',
        location: '铜山区北京北路东',
        areaM2: 56800,
        dealPrice: 523500000,
        dealDate: '2024-01-10',
        winner: '徐州嘉华置业有限公司（联合体）',
      },
    ]);
    const bad = run(
      land,
      { type: 'editParcel', index: 1, field: 'dealPrice', value: '五千万' },
      { type: 'editParcel', index: 1, field: 'dealDate', value: '2024/01/10' },
    );
    expect(previewProblems(bad)).toEqual([
      { where: 'parcels.1.dealPrice', code: 'number' },
      { where: 'parcels.1.dealDate', code: 'date' },
    ]);
  });

  it('keeps a webmail message and a land page without company as they came', () => {
    expect(toCapture(fromCapture(land))).toEqual(land);
    const mail: Capture = {
      ...page,
      kind: 'webmail',
      adapter: 'gmail',
      url: 'https://mail.google.com/mail/u/0/#inbox/abc',
      company: null,
      people: [],
      message: { fromName: '王建国', fromEmail: 'wang.jianguo@xz-land.com.cn', subject: '报价' },
    };
    expect(toCapture(fromCapture(mail))).toEqual(mail);
  });
});

describe('a preview handed over before the rest of its parcels', () => {
  const parcel = (i: number) => ({ parcelNo: `徐土2024-${i}号`, areaM2: 1000 + i, winner: `徐州第${i}置业有限公司` });
  const all = Array.from({ length: 5000 }, (_, i) => parcel(i));
  const list: Capture = { ...land, parcels: all };

  it('the save carries every parcel read, though the preview carried 50', () => {
    let s = fromCapture({ ...list, parcels: all.slice(0, 50) });
    const add: PreviewAction = { type: 'addParcels', from: 50, parcels: all.slice(50) };
    s = previewReducer(s, add);
    // Handed over twice (a re-render): added once.
    s = previewReducer(s, add);
    expect(s.parcels).toHaveLength(5000);
    // Ticks and edits on shown and later-shown parcels are kept.
    s = previewReducer(s, { type: 'tickParcel', index: 3, on: false });
    s = previewReducer(s, { type: 'editParcel', index: 4000, field: 'winner', value: '徐州某某置业有限公司' });
    const saved = toCapture(s);
    expect(saved.parcels).toHaveLength(4999);
    expect(saved.parcels[0]).toEqual(all[0]);
    expect(saved.parcels.find((p) => p.parcelNo === '徐土2024-3号')).toBeUndefined();
    expect(saved.parcels[3998]).toEqual({ ...all[3999] });
    expect(saved.parcels[3999]).toEqual({ ...all[4000], winner: '徐州某某置业有限公司' });
    expect(saved.parcels.at(-1)).toEqual(all[4999]);
  });
});
