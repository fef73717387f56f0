/**
 * Vocabulary and a seeded PRNG for the generated data set. Names are built from the parts real
 * Chinese company names have (region + 2–4 character brand + industry + legal form), so the
 * trigram index, pinyin initials and the LIKE fallback see realistic text, not "Customer 123".
 */

/** sfc32: small, fast, good enough for test data, and the same sequence on every machine. */
export function prng(seed: number) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const chance = (p: number) => next() < p;
  const digits = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(next() * 10));
    return s;
  };
  /** An index drawn with weights (need not sum to 1). */
  const weighted = (ws: readonly number[]) => {
    let r = next() * ws.reduce((x, y) => x + y, 0);
    for (let i = 0; i < ws.length; i++) {
      r -= ws[i] ?? 0;
      if (r < 0) return i;
    }
    return ws.length - 1;
  };
  return { next, int, pick, chance, digits, weighted };
}
export type Rng = ReturnType<typeof prng>;

/** City, province and the fixed-line area code, so phones and regions agree with the name. */
export const CITIES: readonly [string, string, string][] = [
  ['徐州', '江苏', '0516'],
  ['南京', '江苏', '025'],
  ['苏州', '江苏', '0512'],
  ['无锡', '江苏', '0510'],
  ['常州', '江苏', '0519'],
  ['南通', '江苏', '0513'],
  ['上海', '上海', '021'],
  ['北京', '北京', '010'],
  ['天津', '天津', '022'],
  ['重庆', '重庆', '023'],
  ['杭州', '浙江', '0571'],
  ['宁波', '浙江', '0574'],
  ['温州', '浙江', '0577'],
  ['广州', '广东', '020'],
  ['深圳', '广东', '0755'],
  ['东莞', '广东', '0769'],
  ['佛山', '广东', '0757'],
  ['成都', '四川', '028'],
  ['武汉', '湖北', '027'],
  ['长沙', '湖南', '0731'],
  ['郑州', '河南', '0371'],
  ['济南', '山东', '0531'],
  ['青岛', '山东', '0532'],
  ['合肥', '安徽', '0551'],
  ['福州', '福建', '0591'],
  ['厦门', '福建', '0592'],
  ['西安', '陕西', '029'],
  ['沈阳', '辽宁', '024'],
  ['大连', '辽宁', '0411'],
  ['哈尔滨', '黑龙江', '0451'],
  ['昆明', '云南', '0871'],
  ['南宁', '广西', '0771'],
  ['石家庄', '河北', '0311'],
  ['太原', '山西', '0351'],
  ['南昌', '江西', '0791'],
  ['贵阳', '贵州', '0851'],
];

// Characters that brands are actually made of: auspicious, solid, a little grand.
export const BRAND_CHARS = [
  ...'嘉华融通鑫盛泰恒瑞达宏远金信博源天汇丰和安康永兴隆昌祥德润泽佳美中国宇航海洋新峰晨光明辉腾飞龙凤鹏锦程万邦众诚联合创智慧云星月辰阳春秋景弘毅卓越精工铭睿东方南北',
] as const;

export const INDUSTRIES = [
  '置业',
  '房地产开发',
  '建设工程',
  '建筑安装',
  '科技',
  '信息技术',
  '贸易',
  '实业',
  '投资',
  '物流',
  '机械制造',
  '电子',
  '化工',
  '医药',
  '食品',
  '建材',
  '环保科技',
  '新能源',
  '文化传媒',
  '物业管理',
  '装饰工程',
  '供应链管理',
  '汽车销售服务',
  '农业发展',
] as const;

export const LEGAL_FORMS = [
  '有限公司',
  '有限公司',
  '有限公司',
  '股份有限公司',
  '集团有限公司',
  '有限责任公司',
] as const;

export const EN_PREFIX = [
  ...['Silver', 'North', 'Blue', 'Apex', 'Harbor', 'Summit', 'Pioneer', 'Golden', 'Red', 'Iron', 'Oak', 'Bright'],
  ...['Stone', 'River', 'Clear', 'Evergreen', 'Pacific', 'Atlas', 'Crown', 'Falcon', 'Maple', 'Cedar', 'Star'],
] as const;
export const EN_SUFFIX = [
  ...['bridge', 'field', 'wood', 'gate', 'view', 'point', 'stone', 'line', 'way', 'crest', 'ridge', 'port'],
  ...['water', 'light', 'wind', 'hill', 'vale', 'brook', 'mark', 'hurst'],
] as const;
export const EN_INDUSTRY = [
  ...['Logistics', 'Holdings', 'Systems', 'Trading', 'Partners', 'Engineering', 'Foods', 'Capital', 'Medical'],
  ...['Software', 'Materials', 'Energy', 'Consulting', 'Industries', 'Components', 'Properties', 'Analytics'],
] as const;
export const EN_LEGAL = ['Ltd.', 'Inc.', 'GmbH', 'LLC', 'Co., Ltd.', 'Pte. Ltd.', 'PLC', 'S.A.'] as const;
/** Top-level suffixes with the country code of their phones. */
export const EN_TLDS: readonly [string, string][] = [
  ['com', '+1'],
  ['co.uk', '+44'],
  ['de', '+49'],
  ['io', '+1'],
  ['com.sg', '+65'],
  ['fr', '+33'],
  ['com.au', '+61'],
  ['net', '+1'],
];
export const CN_TLDS = ['com.cn', 'com', 'cn', 'com.cn', 'net.cn', 'com'] as const;

export const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕',
] as const;
export const GIVEN_CHARS = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国文斌宁浩婷雪琳晨阳'] as const;
export const EN_FIRST = [
  ...['James', 'Mary', 'John', 'Linda', 'Robert', 'Susan', 'Michael', 'Karen', 'David', 'Emma', 'Peter', 'Anna'],
  ...['Thomas', 'Laura', 'Daniel', 'Sophie', 'Mark', 'Julia', 'Paul', 'Claire', 'Lukas', 'Chloe'],
] as const;
export const EN_LAST = [
  ...['Smith', 'Jones', 'Brown', 'Taylor', 'Wilson', 'Müller', 'Schmidt', 'Martin', 'Bernard', 'Tan', 'Lim'],
  ...['Walker', 'Wright', 'Green', 'Hall', 'Wood', 'Clarke', 'Fischer', 'Weber', 'Dubois', 'Ng', 'Cooper'],
] as const;
export const TITLES = ['总经理', '董事长', '采购经理', '项目经理', '财务总监', '行政主管', '技术总监', '销售经理'];
export const EN_TITLES = [
  'CEO',
  'Purchasing Manager',
  'Project Lead',
  'CFO',
  'Office Manager',
  'CTO',
  'Sales Director',
];
export const FREE_MAIL = ['qq.com', '163.com', '126.com', 'gmail.com', 'outlook.com'] as const;

/** Account managers (the `owner` of a file), with a skew: a few carry far more files. */
export const OWNERS = [
  ...['wangfang', 'lijing', 'zhangwei', 'liuyang', 'chenjie', 'yangli', 'zhaomin', 'huanglei', 'zhoutao'],
  ...['wujing', 'xuqiang', 'sunyan', 'hujun', 'zhuhong', 'gaoping', 'linna', 'heyong', 'guoxia', 'mali', 'luoming'],
] as const;
export const OWNER_WEIGHTS = OWNERS.map((_, i) => 1 / (1 + i * 0.15));

export const SUMMARIES = {
  call: [
    '电话沟通项目进度',
    '询问下季度采购计划',
    '确认报价细节',
    '跟进合同签署',
    'Called about the Q3 order',
    'Chased the signed quote',
  ],
  visit: ['上门拜访，参观工厂', '拜访总经理，介绍新产品', 'On-site visit, met the project team', '现场勘察地块情况'],
  meeting: ['季度业务回顾会议', '年度合作洽谈', 'Quarterly business review', '项目启动会'],
  email: ['发送产品资料', '回复技术问题', 'Sent the updated price list', '邮件确认会议时间'],
  sms: ['短信提醒付款', '节前问候短信', 'Text: confirmed delivery date'],
  greeting: ['中秋节问候', '春节祝福', '生日祝福', 'Season’s greetings'],
  note: ['客户有扩产计划', '竞争对手报价更低', 'Budget approved for next year', '关注土地出让公告'],
} as const;
export const KINDS = ['call', 'email', 'visit', 'meeting', 'sms', 'greeting', 'note'] as const;
/** Calls dominate a sales log; visits and meetings are rarer and count for both cadences. */
export const KIND_WEIGHTS = [45, 18, 10, 5, 7, 5, 10];
