import { describe, expect, it } from 'vitest';
import { changes, type FieldDraft, parseRegion } from './fields.ts';

const base: FieldDraft = {
  name: '徐州某某置业有限公司',
  formerNames: '',
  tier: 'A',
  status: 'active',
  stage: '',
  region: '华东 / 江苏 / 徐州',
  companyType: '',
  sizeClass: '',
  industry: '',
  businessScope: '',
  products: '',
  trends: '',
  address: '',
  phones: '0516-1\n0516-2',
  fax: '',
  emails: '',
  website: 'www.xz-land.com.cn',
  owner: '',
  nextStep: '',
  notes: '',
};

describe('customer file edits', () => {
  it('sends nothing when nothing changed', () => {
    expect(changes(base, { ...base, phones: '0516-1,  0516-2' })).toEqual({});
  });

  it('sends only the changed fields, cleared ones as null, lists as arrays', () => {
    expect(
      changes(base, {
        ...base,
        tier: 'B',
        stage: 'proposal',
        website: '',
        phones: '0516-1\n0516-3；0516-4',
        region: '华东 > 江苏',
        industry: '  房地产 ',
      }),
    ).toEqual({
      tier: 'B',
      stage: 'proposal',
      website: null,
      phones: ['0516-1', '0516-3', '0516-4'],
      region: ['华东', '江苏'],
      industry: '房地产',
    });
  });

  it('sends former names one per line, a comma inside an English name kept; the same list again is no change', () => {
    expect(
      changes(base, { ...base, formerNames: '徐州恒泰置业有限公司\nHaiyi Property Co., Ltd.；江苏嘉华建设有限公司\n' }),
    ).toEqual({ formerNames: ['徐州恒泰置业有限公司', 'Haiyi Property Co., Ltd.', '江苏嘉华建设有限公司'] });
    const kept = { ...base, formerNames: '徐州恒泰置业有限公司' };
    expect(changes(kept, { ...kept, formerNames: ' 徐州恒泰置业有限公司 \n' })).toEqual({});
    expect(changes(kept, { ...kept, formerNames: '' })).toEqual({ formerNames: [] });
  });

  it('reads a region typed with any of the usual separators', () => {
    expect(parseRegion('华东/江苏/徐州')).toEqual(['华东', '江苏', '徐州']);
    expect(parseRegion('华北 → 辽宁')).toEqual(['华北', '辽宁']);
    expect(parseRegion('')).toEqual([]);
  });
});
