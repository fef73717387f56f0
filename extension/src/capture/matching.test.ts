import type { Capture, ContextAnswer, Customer } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { NO_CUSTOMER } from '../card/test-answers.ts';
import { collectMatches, defaultMatch, isSameName, keyHolder, matchQueries } from './matching.ts';
import type { CaptureMatch } from './requests.ts';

const company: Capture = {
  url: 'https://www.jiahe-build.com.cn/contact.html',
  kind: 'company',
  adapter: 'generic',
  company: {
    name: '徐州嘉禾建设工程有限公司',
    creditCode: '91320303MA20KJ7L8L',
    icp: '苏ICP备16012345号',
    phones: [],
    faxes: [],
    emails: ['Sales@jiahe-build.com.cn', 'jiahe@163.com'],
    products: [],
  },
  people: [{ name: '王建国', email: 'sales@jiahe-build.com.cn' }],
  message: null,
  parcels: [],
};

describe('matchQueries', () => {
  it('asks once per key: credit code, ICP, the page, each address, the name', () => {
    expect(matchQueries(company)).toEqual([
      { creditCode: '91320303MA20KJ7L8L' },
      { icp: '苏ICP备16012345号' },
      { url: 'https://www.jiahe-build.com.cn/contact.html' },
      { email: 'sales@jiahe-build.com.cn' },
      { email: 'jiahe@163.com' },
      { name: '徐州嘉禾建设工程有限公司' },
    ]);
  });

  it('webmail: the sender, never mail.google.com; land: the winners by name, never the bureau’s domain', () => {
    const mail: Capture = {
      ...company,
      url: 'https://mail.google.com/mail/u/0/#inbox/x',
      kind: 'webmail',
      adapter: 'gmail',
      company: null,
      people: [],
      message: { fromEmail: 'Wang.Jianguo@xz-land.com.cn', fromName: '王建国' },
    };
    expect(matchQueries(mail)).toEqual([{ email: 'wang.jianguo@xz-land.com.cn' }]);
    const land: Capture = {
      ...company,
      url: 'http://ggzy.xuzhou.gov.cn/a.html',
      kind: 'land',
      adapter: 'land',
      company: null,
      people: [],
      parcels: [{ winner: '徐州嘉华置业有限公司' }, { winner: '徐州鼎盛物流有限公司' }, { parcelNo: 'x' }],
    };
    expect(matchQueries(land)).toEqual([{ name: '徐州嘉华置业有限公司' }, { name: '徐州鼎盛物流有限公司' }]);
  });
});

const customer = (id: number, name: string, tier: 'A' | 'B' | 'C' = 'B') => ({ id, name, tier }) as Customer;
const empty = NO_CUSTOMER;

describe('collectMatches', () => {
  it('one entry per customer with its strongest reason, strongest first; names only suggested', () => {
    const answers: ContextAnswer[] = [
      { ...empty, customer: customer(2, '嘉禾建设'), matchedBy: { kind: 'email_domain', value: 'jiahe-build.com.cn' } },
      { ...empty, customer: customer(2, '嘉禾建设'), matchedBy: { kind: 'credit_code', value: '91320303MA20KJ7L8L' } },
      { ...empty, customer: customer(5, '嘉禾物流', 'C'), matchedBy: { kind: 'domain', value: 'jiahe-build.com.cn' } },
      empty,
      {
        ...empty,
        suggestions: [
          { id: 2, name: '嘉禾建设', tier: 'B', reason: 'same name after normalisation' },
          { id: 9, name: '徐州嘉禾建设工程有限公司', tier: 'A', reason: 'same name after normalisation' },
        ],
      },
    ];
    expect(collectMatches(answers)).toEqual([
      { customerId: 2, name: '嘉禾建设', tier: 'B', reason: 'credit_code', value: '91320303MA20KJ7L8L' },
      { customerId: 5, name: '嘉禾物流', tier: 'C', reason: 'domain', value: 'jiahe-build.com.cn' },
      { customerId: 9, name: '徐州嘉禾建设工程有限公司', tier: 'A', reason: 'name', value: '徐州嘉禾建设工程有限公司' },
    ]);
  });
});

describe('keyHolder (issue 12, point 10)', () => {
  const m = (reason: CaptureMatch['reason'], customerId = 2) => ({
    customerId,
    name: '嘉禾建设',
    tier: 'B' as const,
    reason,
    value: 'x',
  });

  it('is the file holding a key the new file would take', () => {
    expect(keyHolder([m('credit_code')], { addDomainKey: false })?.customerId).toBe(2);
    expect(keyHolder([m('icp')], { addDomainKey: false })?.customerId).toBe(2);
    expect(keyHolder([m('domain', 5)], { addDomainKey: true })?.customerId).toBe(5);
  });

  it('is nobody for a domain not added, an e-mail or a name-only suggestion', () => {
    expect(keyHolder([m('domain')], { addDomainKey: false })).toBeNull();
    expect(keyHolder([m('email'), m('email_domain'), m('name')], { addDomainKey: true })).toBeNull();
  });
});

describe('the file a re-capture adds to by default', () => {
  const m = (customerId: number, reason: CaptureMatch['reason'], name: string): CaptureMatch => ({
    customerId,
    name,
    tier: 'B',
    reason,
    value: name,
  });

  it('is the one found by the strongest key', () => {
    const matches = [m(1, 'credit_code', '徐州嘉禾建设工程有限公司'), m(2, 'name', '嘉禾建设')];
    expect(defaultMatch(matches, '嘉禾建设')?.customerId).toBe(1);
  });

  it('is one whose name is the page’s exactly; a similar name stays a suggestion', () => {
    expect(defaultMatch([m(3, 'name', '徐州嘉禾建设工程有限公司')], '徐州嘉禾建设工程有限公司 ')?.customerId).toBe(3);
    expect(defaultMatch([m(3, 'name', '徐州嘉禾建设工程有限公司')], '嘉禾建设工程（徐州）有限公司')).toBeNull();
    expect(defaultMatch([], '徐州嘉禾建设工程有限公司')).toBeNull();
  });

  it('same name: identical once full-width forms, spacing and case are set aside', () => {
    expect(isSameName('ＡＢＣ Trading Co., Ltd.', 'abc trading co., ltd.')).toBe(true);
    expect(isSameName('ABC Trading Co., Ltd.', 'ABC Trading')).toBe(false);
    expect(isSameName('ABC', undefined)).toBe(false);
    expect(isSameName('ABC', '  ')).toBe(false);
  });
});
