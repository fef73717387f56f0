import { describe, expect, it } from 'vitest';
import {
  emailDomain,
  emailMatchKey,
  FREE_MAILBOXES,
  findCreditCodes,
  findIcp,
  hasPublicSuffix,
  isFreeMailbox,
  isValidCreditCode,
  isWebUrl,
  keyValue,
  normaliseCreditCode,
  normaliseEmail,
  normaliseIcp,
  registrableDomain,
  siteKey,
  webSearchKey,
} from './keys.ts';

describe('hasPublicSuffix', () => {
  it('knows the public list’s endings, its private ones among them, and no typo', () => {
    for (const h of [
      'example.com',
      'x.co.uk',
      'mail.中国',
      'a.xn--fiqs8s',
      'me.github.io',
      'b.company',
      'delia.example',
    ])
      expect(hasPublicSuffix(h)).toBe(true);
    for (const h of ['passionelevator.coms', 'host.local', 'box.internal']) expect(hasPublicSuffix(h)).toBe(false);
  });
});

describe('registrableDomain', () => {
  it.each([
    // sub-domains of one company collapse, including under .com.cn / .net.cn / .gov.cn
    ['https://www.xz-land.com.cn/about', 'xz-land.com.cn'],
    ['hr.xz-land.com.cn', 'xz-land.com.cn'],
    ['xz-land.com.cn', 'xz-land.com.cn'],
    ['http://a.b.example.net.cn/x?y=1#z', 'example.net.cn'],
    ['https://www.xuzhou.gov.cn/zwgk/', 'xuzhou.gov.cn'],
    ['https://mail.example.co.uk', 'example.co.uk'],
    // private suffixes keep tenants apart
    ['https://foo.github.io/project', 'foo.github.io'],
    ['bar.github.io', 'bar.github.io'],
    ['https://app.vercel.app', 'app.vercel.app'],
    // case, trailing dots, ports, full-width input
    ['HTTPS://WWW.Example.COM/Path', 'example.com'],
    ['www.example.com.', 'example.com'],
    ['http://www.example.com.:8080/', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['example.com:8080/path?q=1', 'example.com'],
    ['//cdn.example.com/lib.js', 'example.com'],
    ['ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ', 'example.com'],
    // IDN: always lowercase ASCII punycode, whichever form comes in
    ['http://www.münchen.de/', 'xn--mnchen-3ya.de'],
    ['www.xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['https://www.例子.中国/', 'xn--fsqu00a.xn--fiqs8s'],
    ['http://shop.example.公司.cn', 'example.xn--55qx5d.cn'],
    // IPs are their own key
    ['http://192.168.1.10:3000/crm', '192.168.1.10'],
    ['10.0.0.1', '10.0.0.1'],
    ['http://[2001:DB8:0:0::1]:8080/', '2001:db8::1'],
    ['[::1]', '::1'],
    // localhost
    ['localhost', 'localhost'],
    ['http://localhost:5173/page.html', 'localhost'],
    ['http://app.localhost/', 'localhost'],
  ])('%s → %s', (input, expected) => {
    expect(registrableDomain(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['chrome://extensions'],
    ['chrome-extension://abcdefghijklmnop/sidepanel.html'],
    ['about:blank'],
    ['file:///home/me/page.html'],
    ['ftp://ftp.example.com/'],
    ['mailto:li@xz-land.com.cn'],
    ['javascript:alert(1)'],
    ['garbage'],
    ['not a host at all'],
    ['github.io'],
    ['com.cn'],
    ['http://'],
    ['http://example..com/'],
  ])('%j → null', (input) => {
    expect(registrableDomain(input)).toBeNull();
  });

  it('does not merge two github.io sites but does merge two hosts of one .com.cn company', () => {
    expect(registrableDomain('foo.github.io')).not.toBe(registrableDomain('bar.github.io'));
    expect(registrableDomain('www.xz-land.com.cn')).toBe(registrableDomain('hr.xz-land.com.cn'));
  });
});

describe('siteKey: the key a website matches its company by', () => {
  it.each([
    ['https://www.xz-land.com.cn/about', 'xz-land.com.cn'],
    // A profile on a platform is nobody's site.
    ['https://www.linkedin.com/in/ada', null],
    ['https://weibo.com/u/1234567890', null],
    ['https://www.qcc.com/firm/abc.html', null],
    // A shop on a marketplace is known by its own host; the marketplace's pages by none.
    ['https://hualian.1688.com/', 'hualian.1688.com'],
    ['https://dingsheng88.1688.com/page/contactinfo.htm', 'dingsheng88.1688.com'],
    ['https://detail.1688.com/offer/1.html', null],
    ['https://www.1688.com/', null],
    ['https://xyzcorp.en.made-in-china.com/', 'xyzcorp.en.made-in-china.com'],
    ['not a url', null],
  ])('siteKey(%j) → %j', (input, expected) => {
    expect(siteKey(input)).toBe(expected);
  });

  it('is the domain key kind', () => {
    expect(keyValue('domain', 'https://www.linkedin.com/in/ada')).toBeNull();
    expect(keyValue('domain', 'hualian.1688.com')).toBe('hualian.1688.com');
  });
});

describe('webSearchKey: what search finds a website by', () => {
  it.each([
    ['https://www.xz-land.com.cn/about', 'xz-land.com.cn'],
    ['https://hualian.1688.com/page/index.htm', 'hualian.1688.com'],
    // A profile by its own address, whatever page of it and in whichever country's host.
    ['https://www.linkedin.com/company/acme-robotics/about/', 'linkedin.com/company/acme-robotics'],
    ['https://de.linkedin.com/in/Ada-Lovelace', 'linkedin.com/in/ada-lovelace'],
    ['https://weibo.com/u/1234567890', 'weibo.com/u/1234567890'],
    ['https://www.facebook.com/acmerobotics/photos', 'facebook.com/acmerobotics'],
    ['https://www.qcc.com/firm/abc.html', 'qcc.com/firm/abc.html'],
    // The platform's or the marketplace's own pages find nobody.
    ['https://www.linkedin.com/', null],
    ['https://www.linkedin.com/company/', null],
    ['https://detail.1688.com/offer/1.html', null],
    ['not a url', null],
  ])('webSearchKey(%j) → %j', (input, expected) => {
    expect(webSearchKey(input)).toBe(expected);
  });
});

describe('isWebUrl', () => {
  it.each([
    ['https://example.com', true],
    ['http://localhost:3000/x', true],
    ['  http://example.com  ', true],
    ['HTTP://EXAMPLE.COM', true],
    ['example.com', false],
    ['chrome://extensions', false],
    ['about:blank', false],
    ['ftp://example.com', false],
    ['file:///tmp/x.html', false],
    ['', false],
  ])('%j → %s', (input, expected) => {
    expect(isWebUrl(input)).toBe(expected);
  });
});

describe('e-mail', () => {
  it.each([
    ['  Li.Ming@XZ-Land.com.cn ', 'li.ming@xz-land.com.cn'],
    ['mailto:li@example.com', 'li@example.com'],
    ['li＠example．com', 'li@example.com'],
    ['a+tag@sub.example.co.uk', 'a+tag@sub.example.co.uk'],
    ['li@例子.中国', 'li@xn--fsqu00a.xn--fiqs8s'],
    ['li@example.com.', 'li@example.com'],
  ])('normaliseEmail(%j) → %s', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected);
  });

  it.each([
    [''],
    ['li'],
    ['li@'],
    ['@example.com'],
    ['li@localhost'],
    ['li@example'],
    ['li ming@example.com'],
    ['li..ming@example.com'],
    ['.li@example.com'],
    ['li@exa mple.com'],
    ['li@192.168.1.1'],
    ['li@example.com/path'],
    ['li@-example.com'],
  ])('normaliseEmail(%j) → null', (input) => {
    expect(normaliseEmail(input)).toBeNull();
  });

  it('emailDomain keeps the full host', () => {
    expect(emailDomain('li@sales.xz-land.com.cn')).toBe('sales.xz-land.com.cn');
    expect(emailDomain('nope')).toBeNull();
  });

  it.each([
    ['qq.com', true],
    ['zhang@qq.com', true],
    ['ZHANG@VIP.QQ.COM', true],
    ['wang@163.com', true],
    ['wang@126.com', true],
    ['someone@gmail.com', true],
    ['someone@outlook.com', true],
    ['someone@sina.cn', true],
    ['someone@yahoo.com.cn', true],
    // Abroad: the public list's providers and ISPs (HubSpot's), not only the ones the mainland uses.
    ['jean.dupont@yahoo.fr', true],
    ['someone@hotmail.fr', true],
    ['someone@orange.fr', true],
    ['someone@t-online.de', true],
    ['someone@libero.it', true],
    ['someone@btinternet.com', true],
    ['someone@88.com', true],
    ['williamson@koytchaimmopro.mg', false],
    ['li@xz-land.com.cn', false],
    ['xz-land.com.cn', false],
    ['li@mail.tsinghua.edu.cn', false],
    ['not an address', false],
  ])('isFreeMailbox(%j) → %s', (input, expected) => {
    expect(isFreeMailbox(input)).toBe(expected);
  });

  it('lists the major Chinese and international free providers', () => {
    for (const d of [
      'qq.com',
      'foxmail.com',
      '163.com',
      '126.com',
      '139.com',
      'gmail.com',
      'hotmail.com',
      'icloud.com',
    ]) {
      expect(FREE_MAILBOXES.has(d)).toBe(true);
    }
  });

  it.each([
    // a company mailbox matches the company by its registrable domain
    ['li@sales.xz-land.com.cn', { kind: 'email_domain', value: 'xz-land.com.cn' }],
    ['Li@XZ-Land.com.cn', { kind: 'email_domain', value: 'xz-land.com.cn' }],
    ['chen@hr.example.co.uk', { kind: 'email_domain', value: 'example.co.uk' }],
    // a free mailbox matches a person by the full address
    ['Zhang.San@QQ.com', { kind: 'email', value: 'zhang.san@qq.com' }],
    ['13800138000@139.com', { kind: 'email', value: '13800138000@139.com' }],
    ['boss@vip.163.com', { kind: 'email', value: 'boss@vip.163.com' }],
    ['someone@gmail.com', { kind: 'email', value: 'someone@gmail.com' }],
  ])('emailMatchKey(%s)', (input, expected) => {
    expect(emailMatchKey(input)).toEqual(expected);
  });

  it('emailMatchKey refuses what is not an address', () => {
    expect(emailMatchKey('xz-land.com.cn')).toBeNull();
  });
});

describe('unified social credit code', () => {
  // Each check character verified independently (a separate hand-written Python check) before
  // being used here; the last four are the examples in shared/fixtures/contact-strings (any-rule).
  const valid = [
    '91350100M000100Y43',
    '91110000802100433B',
    '91440300708461136T',
    '91230184MA1BUFLT44',
    '92371000MA3MXH0E3W',
    '91110108772551611J',
    '911101085923662400',
  ];

  it.each(valid)('%s is valid', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(normaliseCreditCode(code)).toBe(code);
  });

  it.each([
    ['911101081020049486', 'check character should be U'],
    ['91110000802100433A', 'check character should be B'],
    ['91350100M000100Y44', 'check character should be 3'],
    ['91230184MA1BUFLT45', 'check character should be 4'],
    ['000000000000000000', 'registration authority 0 does not exist'],
    ['91350100M000100Y4', 'too short'],
    ['91350100M000100Y433', 'too long'],
    ['913501O0M000100Y43', 'O is not in the charset'],
    ['91350A00M000100Y43', 'administrative division code must be digits'],
    ['91350100m000100y43', 'canonical form is upper case'],
  ])('%s is invalid (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  it.each([
    [' 91350100m000100y43 ', '91350100M000100Y43'],
    ['９１１１００００８０２１００４３３Ｂ', '91110000802100433B'],
    ['9135 0100 M000 100Y 43', '91350100M000100Y43'],
    ['911101081020049486', null],
    ['', null],
  ])('normaliseCreditCode(%j) → %s', (input, expected) => {
    expect(normaliseCreditCode(input)).toBe(expected);
  });

  it('finds valid codes in page text, in order, once each', () => {
    const text = [
      '企业名称：徐州嘉华融通置业有限公司 统一社会信用代码：91350100M000100Y43；',
      '关联企业 统一社会信用代码:９１１１００００８０２１００４３３Ｂ',
      '错误代码 911101081020049486，再次出现 91350100M000100Y43。',
      '身份证 11010519491231002X 订单号 A91350100M000100Y43Z',
    ].join('\n');
    expect(findCreditCodes(text)).toEqual(['91350100M000100Y43', '91110000802100433B']);
  });
});

describe('ICP licence', () => {
  it('takes the ICP number from a footer and ignores the 公网安备 number', () => {
    const footer = 'Copyright © 2024 徐州嘉华融通置业有限公司 苏ICP备12345678号-2 苏公网安备 32030202000123号';
    expect(findIcp(footer)).toEqual(['苏ICP备12345678号']);
  });

  it.each([
    ['京ICP备05002571号', ['京ICP备05002571号']],
    ['京ICP证030173号', ['京ICP证030173号']],
    ['苏ICP备12345678号-1 苏ICP备12345678号-3', ['苏ICP备12345678号']],
    ['沪 ICP 备 2021012345 号 - 1', ['沪ICP备2021012345号']],
    ['粤ＩＣＰ备１２３４５６７８号－１', ['粤ICP备12345678号']],
    ['浙icp备12345678号', ['浙ICP备12345678号']],
    ['ICP备案号：京ICP备05002571号', ['京ICP备05002571号']],
    ['京ICP备05002571号 京ICP证030173号', ['京ICP备05002571号', '京ICP证030173号']],
    ['苏公网安备 32030202000123号', []],
    ['增值电信业务经营许可证：B2-20090059', []],
    ['', []],
  ])('findIcp(%j)', (text, expected) => {
    expect(findIcp(text)).toEqual(expected);
  });

  it.each([
    ['苏ICP备12345678号-1', '苏ICP备12345678号'],
    [' 苏 ICP 备 12345678 号 ', '苏ICP备12345678号'],
    ['京ICP备05002571', '京ICP备05002571号'],
    ['京ＩＣＰ证０３０１７３号', '京ICP证030173号'],
    ['苏公网安备32030202000123号', null],
    ['ICP备12345678号', null],
    ['京ICP备05002571号 沪ICP备12345678号', null],
  ])('normaliseIcp(%j) → %s', (input, expected) => {
    expect(normaliseIcp(input)).toBe(expected);
  });
});

describe('keyValue: one canonical form per kind', () => {
  it.each([
    ['credit_code', ' 91350100m000100y43', '91350100M000100Y43'],
    ['credit_code', '91350100M000100Y44', null],
    ['icp', '苏ICP备12345678号-2', '苏ICP备12345678号'],
    ['icp', '苏公网安备 32030202000123号', null],
    ['domain', 'https://hr.xz-land.com.cn/jobs', 'xz-land.com.cn'],
    ['domain', 'WWW.XZ-LAND.COM.CN', 'xz-land.com.cn'],
    ['domain', 'about:blank', null],
    ['email_domain', 'sales.xz-land.com.cn', 'xz-land.com.cn'],
    ['email_domain', '@xz-land.com.cn', 'xz-land.com.cn'],
    ['email_domain', 'li@sales.xz-land.com.cn', 'xz-land.com.cn'],
    ['email_domain', 'qq.com', null],
    ['email_domain', 'zhang@163.com', null],
    ['email', ' Zhang@QQ.com ', 'zhang@qq.com'],
    ['email', 'zhang', null],
    ['name', '徐州市嘉华融通置业有限公司', '嘉华融通置业'],
    ['name', '   ', null],
  ] as const)('%s %j → %s', (kind, raw, expected) => {
    expect(keyValue(kind, raw)).toBe(expected);
  });

  it('is stable: a stored value normalises to itself', () => {
    for (const [kind, raw] of [
      ['credit_code', '91350100M000100Y43'],
      ['icp', '京ICP证030173号'],
      ['domain', 'xn--mnchen-3ya.de'],
      ['email_domain', 'xz-land.com.cn'],
      ['email', 'li@xz-land.com.cn'],
      ['name', '嘉华融通置业'],
    ] as const) {
      expect(keyValue(kind, raw)).toBe(raw);
    }
  });
});
