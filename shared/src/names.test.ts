import { describe, expect, it } from 'vitest';
import {
  chineseSurname,
  fullPinyin,
  indexLetter,
  nameParts,
  normaliseCompanyName,
  pinyinInitials,
  searchForms,
  toHalfWidth,
} from './names.ts';

describe('toHalfWidth', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['（徐州）', '(徐州)'],
    ['li＠example．com', 'li@example.com'],
    ['嘉华\u3000融通', '嘉华 融通'],
    ['【徐州】〔分部〕', '[徐州][分部]'],
    ['苏ICP备１２３号－１', '苏ICP备123号-1'],
    ['已经是半角 abc', '已经是半角 abc'],
  ])('%s → %s', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });
});

describe('normaliseCompanyName', () => {
  it.each([
    // the brief's cases
    ['徐州市嘉华融通置业有限公司', '嘉华融通置业'],
    ['江苏嘉华融通置业（集团）股份有限公司', '嘉华融通置业'],
    ['Acme Trading Co., Ltd.', 'acme trading'],
    // legal forms
    ['嘉华融通置业有限责任公司', '嘉华融通置业'],
    ['嘉华融通置业集团有限公司', '嘉华融通置业'],
    ['嘉华融通置业集团', '嘉华融通置业'],
    ['ACME TRADING CO.,LTD', 'acme trading'],
    ['Acme Inc.', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme Holdings Limited', 'acme holdings'],
    ['Acme LLC', 'acme'],
    ['Acme GmbH', 'acme'],
    ['Costco Wholesale', 'costco wholesale'],
    // brackets: branch / region notes dropped, anything else kept without the brackets
    ['嘉华融通置业有限公司（徐州分公司）', '嘉华融通置业'],
    ['嘉华融通置业(北京)有限公司', '嘉华融通置业'],
    ['嘉华融通置业（徐州市铜山区）有限公司', '嘉华融通置业'],
    ['嘉华（中国）投资有限公司', '嘉华投资'],
    ['Acme (Shanghai) Trading Co., Ltd.', 'acme trading'],
    ['嘉华（融通）置业有限公司', '嘉华融通置业'],
    // a branch named after the parent's legal form
    ['徐州嘉华融通置业有限公司铜山分公司', '嘉华融通置业'],
    // leading region, with and without 省/市, possibly twice
    ['徐州嘉华融通置业有限公司', '嘉华融通置业'],
    ['江苏省徐州市嘉华融通置业有限公司', '嘉华融通置业'],
    ['北京嘉华融通科技有限公司', '嘉华融通科技'],
    ['重庆市嘉华融通置业有限公司', '嘉华融通置业'],
    ['广西壮族自治区嘉华融通置业有限公司', '嘉华融通置业'],
    ['黑龙江嘉华融通置业有限公司', '嘉华融通置业'],
    // 上海市场… is 上海 + 市场…, not 上海市 + 场…
    ['上海市场调研咨询有限公司', '市场调研咨询'],
    // a region that is the whole name apart from the industry stays (北京银行 ≠ 上海银行)
    ['北京银行股份有限公司', '北京银行'],
    ['上海银行股份有限公司', '上海银行'],
    // full-width forms and punctuation
    ['ＡＢＣ科技有限公司', 'abc科技'],
    ['ABC 科技有限公司', 'abc科技'],
    ['  嘉华·融通  置业 ', '嘉华融通置业'],
    // Latin letters without their marks: a system that writes names in capitals drops them
    ['Lefèvre Emballages', 'lefevre emballages'],
    ['LEFEVRE EMBALLAGES', 'lefevre emballages'],
    ['Müller Straßenbau GmbH', 'muller strassenbau'],
    ['Ce\u0301line Conseil', 'celine conseil'],
    ['Công ty Nguyễn', 'cong ty nguyen'],
    // …and a German umlaut written out: Müller, MUELLER and Muller are one name
    ['MUELLER STRASSENBAU AG', 'muller strassenbau'],
    ['Muller Strassenbau', 'muller strassenbau'],
    ['Oelmühle Schäfer', 'olmuhle schafer'],
    ['OELMUEHLE SCHAEFER', 'olmuhle schafer'],
    // …but not pinyin's ue
    ['Yuexiu Property', 'yuexiu property'],
    ['XUE TRADING', 'xue trading'],
    ['Jueqi Tech', 'jueqi tech'],
    // European legal forms
    ['Lefèvre Emballages SARL', 'lefevre emballages'],
    ['Dupont S.A.S.', 'dupont'],
    ['Dupont SA', 'dupont'],
    ['Siemens AG', 'siemens'],
    ['Müller & Co. KG', 'muller'],
    ['Schmidt GmbH & Co. KG', 'schmidt'],
    ['Philips N.V.', 'philips'],
    ['Van Dijk B.V.', 'van dijk'],
    ['Rossi S.r.l.', 'rossi'],
    ['Fiat S.p.A.', 'fiat'],
    ['Volvo AB', 'volvo'],
    ['Telefónica, S.L.', 'telefonica'],
    // …but not a word that only looks like one
    ['Casa', 'casa'],
    ['Banco Santander', 'banco santander'],
    ['Ocean Day Spa', 'ocean day spa'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseCompanyName(input)).toBe(expected);
  });

  it.each([
    ['有限公司', '有限公司'],
    ['北京', '北京'],
    ['Ltd.', 'ltd'],
    ['（集团）', '集团'],
  ])('never empty: %s → %s', (input, expected) => {
    expect(normaliseCompanyName(input)).toBe(expected);
  });

  it('is blank only for a blank name', () => {
    expect(normaliseCompanyName('  ')).toBe('');
  });

  it('is idempotent on its output', () => {
    for (const n of [
      '徐州市嘉华融通置业有限公司',
      'Acme Trading Co., Ltd.',
      '北京银行股份有限公司',
      'Lefèvre SARL',
      'Blueee Aoe',
    ]) {
      const once = normaliseCompanyName(n);
      expect(normaliseCompanyName(once)).toBe(once);
    }
  });
});

describe('pinyin', () => {
  it.each([
    ['嘉华融通', 'jhrt'],
    ['徐州嘉华融通置业有限公司', 'xzjhrtzyyxgs'],
    ['ABC科技', 'abckj'],
    ['ＡＢＣ科技', 'abckj'],
    ['重庆', 'cq'],
    ['重庆啤酒', 'cqpj'],
    ['长沙银行', 'csyh'],
    ['厦门', 'xm'],
    ['58同城', 'tc'],
    ['', ''],
  ])('initials of %s → %s', (input, expected) => {
    expect(pinyinInitials(input)).toBe(expected);
  });

  it.each([
    ['嘉华融通', 'jiahuarongtong'],
    ['重庆', 'chongqing'],
    ['绿地集团', 'lvdijituan'],
    ['ABC 科技', 'abckeji'],
  ])('full pinyin of %s → %s', (input, expected) => {
    expect(fullPinyin(input)).toBe(expected);
  });
});

describe('indexLetter', () => {
  it.each([
    ['嘉华融通', 'J'],
    ['重庆啤酒', 'C'],
    ['acme', 'A'],
    ['Émile SA', 'E'],
    ['ｚｅｔａ', 'Z'],
    ['（徐州）嘉华', 'X'],
    ['58同城', '#'],
    ['', '#'],
    ['—', '#'],
  ])('%s → %s', (input, expected) => {
    expect(indexLetter(input)).toBe(expected);
  });
});

describe('searchForms', () => {
  it('fills the three search columns from one name', () => {
    expect(searchForms('徐州市嘉华融通置业有限公司')).toEqual({
      normalised: '嘉华融通置业',
      initials: 'xzsjhrtzyyxgs',
      pinyin: 'xuzhoushijiahuarongtongzhiyeyouxiangongsi',
    });
  });
});

describe('chineseSurname', () => {
  it('keeps compound surnames whole and takes one character otherwise', () => {
    expect(
      ['欧阳娜娜', '司马光', '诸葛亮', '上官婉儿', '王建国', '李明', '高兴明', '张家口'].map(chineseSurname),
    ).toEqual(['欧阳', '司马', '诸葛', '上官', '王', '李', '高', '张']);
  });
});

describe('nameParts: family and given names for formats that keep them apart', () => {
  it.each([
    ['王建国', '王', '建国'],
    ['欧阳娜娜', '欧阳', '娜娜'],
    ['Ann Marie Lee', 'Lee', 'Ann Marie'],
    ['  Ann   Lee ', 'Lee', 'Ann'],
    ['Madonna', 'Madonna', ''],
  ])('%s → %s + %s', (name, family, given) => {
    expect(nameParts(name)).toEqual({ family, given });
  });
});
