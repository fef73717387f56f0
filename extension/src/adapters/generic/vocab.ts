import { escapeRe, isSpace } from '../text.ts';

/**
 * The words pages use for contact fields and people's titles, Chinese and English. Labels are
 * matched after dropping spaces inside them ("联 系 人", "电　　话" are how old sites align
 * their columns) and case.
 */

export type Field =
  | 'company'
  | 'contact'
  | 'title'
  | 'phone'
  | 'mobile'
  | 'fax'
  | 'phoneFax'
  | 'email'
  | 'address'
  | 'website'
  | 'scope'
  | 'products'
  | 'credit'
  | 'icp'
  | 'legal'
  // Recognised only so that a value stops where they start.
  | 'postcode'
  | 'qq'
  | 'other';

export const LABELS: Record<Field, string[]> = {
  company: [
    '公司名称',
    '企业名称',
    '单位名称',
    '公司全称',
    '企业全称',
    // The body a site (or a sub-unit's platform) answers to names it: 主办单位, 平台负责机构.
    '主办单位',
    '主办',
    '主办方',
    '负责机构',
    '平台负责机构',
    'Company Name',
    'Company',
    // A German imprint's statement of who provides the site, followed by that firm's name.
    'Angaben gemäß § 5 TMG',
    'Angaben gemäß § 5 DDG',
    'Angaben nach § 5 TMG',
    'Angaben nach § 5 DDG',
    // A French legal notice's and a German imprint's name of the firm.
    "Nom de l'entreprise",
    'Raison sociale',
    'Dénomination sociale',
    'Firmenname',
  ],
  contact: [
    '联系人',
    '联络人',
    '联系人姓名',
    '姓名',
    '业务联系人',
    'Contact Person',
    'Contact Name',
    'Contact',
    'Ansprechpartner',
    'Ansprechpartnerin',
    'Kontaktperson',
  ],
  title: ['职务', '职位', '头衔', 'Job Title', 'Position', 'Title'],
  phone: [
    '电话',
    '联系电话',
    '固定电话',
    '办公电话',
    '公司电话',
    '总机',
    '座机',
    '热线',
    '服务热线',
    '全国服务热线',
    '客服热线',
    '客服电话',
    '销售热线',
    '销售电话',
    '咨询电话',
    '咨询热线',
    '业务电话',
    '服务电话',
    '免费热线',
    '订购热线',
    'Telephone',
    'Tel',
    'Phone',
    'Phone Number',
    'Hotline',
    'Telefon',
    'Telefonnummer',
    'Telefono',
    'Téléphone',
    'Tél',
    'Tlf',
    'Fon',
    'Zentrale',
    'Sentralbord',
    'Centralino',
    'Switchboard',
  ],
  mobile: [
    '手机',
    '手机号',
    '手机号码',
    '联系手机',
    '移动电话',
    'Mobile',
    'Mobile Phone',
    'Cell',
    'Cellphone',
    'Mob',
    'Mobil',
    'Handy',
    'Mobiltelefon',
    'Cellulare',
  ],
  fax: ['传真', '传真号码', '传真号', 'Fax', 'Facsimile', 'Telefax', 'Faks', 'Télécopie'],
  phoneFax: [
    '电话/传真',
    '电话传真',
    '电话&传真',
    '电话及传真',
    '电话、传真',
    '电话兼传真',
    'Tel/Fax',
    'Tel&Fax',
    'Phone/Fax',
    'Tel./Fax',
  ],
  email: ['邮箱', '电子邮箱', '电子邮件', '邮件', '电邮', 'E-mail', 'Email', 'Mail', 'E-post', 'Epost', 'Courriel'],
  address: [
    '地址',
    '公司地址',
    '联系地址',
    '办公地址',
    '通讯地址',
    '注册地址',
    '住所',
    '厂址',
    '公司总部',
    '总部地址',
    '详细地址',
    '地理位置',
    '公司位置',
    '所在地',
    'Address',
    'Add',
    'Addr',
    // Chinese firms' English pages: "Office Add:", "Factory Address:".
    'Office Add',
    'Office Address',
    'Factory Add',
    'Factory Address',
    'Head Office',
    'Business Address',
    'Mailing Address',
    'Postal Address',
    'Adresse',
    'Anschrift',
    'Postanschrift',
    'Indirizzo',
    'Besøksadresse',
    // The registered office (mentions légales, Impressum, UK company pages).
    'Siège social',
    'Siege social',
    'Adresse du siège',
    'Firmensitz',
    'Registered office',
    'Registered address',
  ],
  website: [
    '网址',
    '公司网址',
    '网站',
    '官网',
    '公司网站',
    '公司主页',
    '主页',
    'Website',
    'Web Site',
    'Web',
    'Homepage',
    'URL',
    'Webseite',
    'Internet',
  ],
  scope: ['经营范围', 'Business Scope'],
  products: ['主营产品', '主要产品', '主营业务', '主营', '产品', 'Main Products', 'Products'],
  credit: ['统一社会信用代码', '社会信用代码', '信用代码', 'Unified Social Credit Code'],
  icp: ['ICP备案号', 'ICP备案', '备案号', 'ICP证', 'ICP'],
  legal: ['法定代表人', '法人代表', '法人'],
  postcode: ['邮编', '邮政编码', 'Zip', 'Postcode', 'Post Code', 'Postal Code', 'PLZ', 'Postleitzahl'],
  // Messenger handles: an MSN or Skype name that looks like an e-mail address is not one.
  qq: ['QQ', 'QQ号', '微信', '微信号', 'WeChat', 'Skype', 'WhatsApp', 'MSN', 'ICQ', 'Yahoo Messenger'],
  other: [
    '营业时间',
    '工作时间',
    'Opening Hours',
    '注册资本',
    '成立日期',
    '成立时间',
    '开户行',
    '开户银行',
    '账号',
    '银行账号',
    '税号',
    // Registry numbers, whose digits are no phone.
    '许可证号',
    '许可证',
    'ZVR',
    'ZVR-Zahl',
    'UID',
    'USt-IdNr',
    'Steuernummer',
    'Handelsregister',
    'Registergericht',
    'Org.nr',
    'VAT',
    'P.IVA',
    'Partita IVA',
    'RCS',
    'SIREN',
    'SIRET',
    'TVA intracommunautaire',
    'Numéro de TVA',
    'N° TVA',
    'Capital social',
    'Code NAF',
    'Code APE',
    'Registernummer',
    'Company number',
    'Company registration number',
  ],
};

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

const BY_LABEL = new Map<string, Field>();
for (const [field, list] of Object.entries(LABELS) as [Field, string[]][])
  for (const l of list) BY_LABEL.set(norm(l), field);

const MAX_LABEL = Math.max(...[...BY_LABEL.keys()].map((k) => k.length));
const bothCases = (c: string) => [c, c.toLowerCase(), c.toUpperCase()];
// The characters a label can start with: most cells on a page are dismissed on this one look-up.
const FIRST_CHARS = new Set([...BY_LABEL.keys()].flatMap((k) => bothCases(k.charAt(0))).map((c) => c.charCodeAt(0)));

/**
 * Can text starting with this character be a label? When not, labelField is undefined for any
 * text that starts with it: callers skip the work of cutting a label out of a line that cannot
 * hold one.
 */
// (A cell that starts with a space is rare; labelField's look-up decides for it.)
export const mayStartLabel = (code: number): boolean => FIRST_CHARS.has(code) || isSpace(code);

// Every label's first two characters as labelField compares them (no spaces, lower case): no
// label is shorter.
const FIRST_PAIRS = new Set([...BY_LABEL.keys()].map((k) => k.slice(0, 2)));

/** The first two characters of `s` that are not spaces, in lower case ('' when there are not two). */
function firstPair(s: string): string {
  let a = -1;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) continue;
    if (a < 0) a = i;
    else return (s.charAt(a) + s.charAt(i)).toLowerCase();
  }
  return '';
}

/** The field a whole cell names ("电 话：", "E-mail:"), or undefined. */
export function labelField(cell: string): Field | undefined {
  // Spaced-out labels ("电　　话：") are the longest a cell can be and still be a label.
  if (cell.length > 3 * MAX_LABEL) return undefined;
  if (!mayStartLabel(cell.charCodeAt(0))) return undefined;
  // Text that starts as a label does ("公司位于…", "订单号 …") is dismissed on its first two
  // characters, before it is cut and folded: that took 0.4 µs a line, 0.7 ms over the lines
  // of the 1 MB page that start with a label's character.
  if (!FIRST_PAIRS.has(firstPair(cell))) return undefined;
  return BY_LABEL.get(norm(cell.replace(/[:：]\s*$/, '')));
}

interface Trie extends Map<string, Trie> {
  end?: boolean;
}

/**
 * A pattern for any of `words`, written as a prefix tree: 总(?:经理|监|裁|工(?:程师)?)… A flat
 * alternation of a hundred words is tried word by word at every position of a page; the tree
 * is tried a character at a time. Where words share a beginning the longest wins, as in an
 * alternation sorted longest first.
 */
export function wordsPattern(words: string[]): string {
  const root: Trie = new Map();
  for (const w of words) {
    let node = root;
    for (const c of w) {
      let next = node.get(c);
      if (!next) {
        next = new Map();
        node.set(c, next);
      }
      node = next;
    }
    node.end = true;
  }
  const emit = (node: Trie): string => {
    const alts = [...node].map(([c, child]) => escapeRe(c) + emit(child));
    if (alts.length === 0) return '';
    if (alts.length === 1 && !node.end) return alts[0] ?? '';
    return `(?:${alts.join('|')})${node.end ? '?' : ''}`;
  };
  return emit(root);
}

// The characters a label can end with: most digits on a page follow something else (年, 第, 约),
// and are dismissed on this one look-up.
const LAST_CHARS = new Set([...BY_LABEL.keys()].flatMap((k) => bothCases(k.charAt(k.length - 1))));
// Labels read backwards, a character code at a time: looking back from a colon stops as soon
// as what it has read is not the end of any label (in "订单号 2024" that is at 单号).
interface Back {
  next: Map<number, Back>;
  field?: Field;
}
const BACKWARDS: Back = { next: new Map() };
for (const [label, field] of BY_LABEL) {
  let node = BACKWARDS;
  for (let k = label.length - 1; k >= 0; k--) {
    const code = label.charCodeAt(k);
    let next = node.next.get(code);
    if (!next) {
      next = { next: new Map() };
      node.next.set(code, next);
    }
    node = next;
  }
  node.field = field;
}
const isLatin = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
// Where a label can end: a colon, or the first character of a number (digit, +, ( or （), right
// after one of the characters labels end with. The regex stops only at colons and numbers and
// looks behind from there, which is several times faster than trying a class of 70 characters
// at every position of a Chinese page. (It reads the colon or number first and looks behind
// from after it: a look-behind written first is tried at every position, 0.9 against 0.75 ms
// over the 1 MB page's text.)
export const LABEL_CANDIDATE = new RegExp(
  `(?:[:：]|(?<!\\d)[\\d+(（])(?<=[${[...LAST_CHARS].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('')}]\\.?[\\s\\u3000]*.)`,
  'g',
);

export interface LabelHit {
  field: Field;
  /** Where the label starts, and where its value starts (after the colon). */
  start: number;
  end: number;
}

/**
 * Labels in running text: a known label right before a colon, or right before a number
 * ("电话 0516…"). Found by looking back from each colon and each number — linear, where one big
 * alternation tried at every position of a long page is several times slower.
 * CJK labels may sit inside a longer phrase (销售部电话：) and have spaces between characters
 * (电　　话：); Latin ones must be whole words ("Tel", not the end of "Hotel").
 */
export function findLabels(text: string): LabelHit[] {
  const hits: LabelHit[] = [];
  let floor = 0;
  LABEL_CANDIDATE.lastIndex = 0;
  for (let m = LABEL_CANDIDATE.exec(text); m; m = LABEL_CANDIDATE.exec(text)) {
    const i = m.index; // the colon, or the number's first character
    const colon = m[0] === ':' || m[0] === '：';
    // Back over spaces (and the "." of "Tel.") to the label's last character.
    let j = i - 1;
    while (j >= floor && isSpace(text.charCodeAt(j))) j--;
    if (j >= floor && text.charAt(j) === '.') j--;
    if (j < floor) continue;
    // Read back, spaces left out; the longest label ending there wins (联系电话 over 电话).
    let node: Back | undefined = BACKWARDS;
    let best = -1;
    let field: Field | undefined;
    for (let k = j; k >= floor; k--) {
      const code = text.charCodeAt(k);
      if (isSpace(code)) continue;
      node = node.next.get(code >= 65 && code <= 90 ? code + 32 : code);
      if (!node) break;
      if (node.field && !(isLatin(code) && isLatin(text.charCodeAt(k - 1)))) {
        best = k;
        field = node.field;
      }
    }
    if (field === undefined) continue;
    const end = colon ? i + 1 : i;
    hits.push({ field, start: best, end });
    floor = end;
  }
  return hits;
}

/** Titles people hold, longest first so that 销售总监 wins over 总监. */
export const TITLES = [
  '董事长',
  '副董事长',
  '执行董事',
  '独立董事',
  '董事',
  '监事会主席',
  '监事',
  '总裁',
  '副总裁',
  '总经理',
  '副总经理',
  '常务副总经理',
  '执行总裁',
  '首席执行官',
  '首席财务官',
  '首席技术官',
  '董事会秘书',
  '董秘',
  '财务总监',
  '销售总监',
  '市场总监',
  '技术总监',
  '运营总监',
  '采购总监',
  '总监',
  '总工程师',
  '总工',
  '厂长',
  '副厂长',
  '主任',
  '副主任',
  '部长',
  '副部长',
  '销售经理',
  '市场经理',
  '采购经理',
  '项目经理',
  '客户经理',
  '区域经理',
  '大区经理',
  '部门经理',
  '业务经理',
  '财务经理',
  '人事经理',
  '经理',
  '副经理',
  '主管',
  '助理',
  '法定代表人',
  '法人代表',
  '创始人',
  '合伙人',
  '秘书',
  '业务员',
  '销售代表',
  'Chairman',
  'Chairwoman',
  'Vice Chairman',
  'Chief Executive Officer',
  'Chief Financial Officer',
  'Chief Technology Officer',
  'Chief Operating Officer',
  'CEO',
  'CFO',
  'CTO',
  'COO',
  'President',
  'Vice President',
  'VP',
  'Managing Director',
  'General Manager',
  'Deputy General Manager',
  'Sales Director',
  'Marketing Director',
  'Sales Manager',
  'Marketing Manager',
  'Purchasing Manager',
  'Procurement Manager',
  'Account Manager',
  'Project Manager',
  'Business Development Manager',
  'Director',
  'Manager',
  'Founder',
  'Co-founder',
  'Owner',
  'Partner',
  'Head of Sales',
  'Head of Procurement',
  // A German imprint names who runs the firm ("Vertreten durch: Geschäftsführer Dr. …"), in
  // the umlauts' ASCII spelling too.
  'Geschäftsführer',
  'Geschäftsführerin',
  'Geschaeftsfuehrer',
  'Geschaeftsfuehrerin',
  'Inhaber',
  'Inhaberin',
  'Inh.',
  // …and a French one who is responsible for it (mentions légales), or runs it.
  'Directeur de la publication',
  'Directrice de la publication',
  'Responsable de la publication',
  'Gérant',
  'Gérante',
].sort((a, b) => b.length - a.length);

const TITLE_SET = new Set(TITLES.map((t) => t.toLowerCase()));
export const isTitle = (s: string): boolean => TITLE_SET.has(s.trim().toLowerCase());
export const TITLE_RE = wordsPattern(TITLES);
/** Does the text mention any title at all? A cheap gate before the name–title patterns. */
// Chinese and Latin titles apart: one tree mixing both is a third slower to scan a page with.
// Behind a class of the characters titles start with, which dismisses most positions of a page
// in one test where the trees tried each first character (1.4 → 1.1 ms over the 1 MB page).
const isHan = (t: string) => /^[\u4e00-\u9fff]/.test(t);
const TITLE_STARTS = [...new Set(TITLES.map((t) => t.charAt(0)))].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
export const ANY_TITLE = new RegExp(
  `(?=[${TITLE_STARTS}])(?:${wordsPattern(TITLES.filter(isHan))}|${wordsPattern(TITLES.filter((t) => !isHan(t)))})`,
  'i',
);

// Common single and compound surnames (the 400-odd most frequent cover nearly everyone).
const SURNAMES_1 =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由';
const SURNAMES_2 = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '南宫',
];
export const CN_NAME = `(?:${SURNAMES_2.join('|')}|[${SURNAMES_1}])[\\u4e00-\\u9fa5]{1,2}`;
// "王先生", "李女士", "张经理": how a contact is often given when only the surname is public.
export const CN_POLITE = `(?:${SURNAMES_2.join('|')}|[${SURNAMES_1}])(?:先生|女士|小姐|经理|总)`;
// Latin letters with the accents of European names (Schön, Müller, Céline), no other script.
const UP = 'A-ZÀ-ÖØ-Þ';
const LOW = 'a-zß-öø-ÿ';
// A surname may follow a particle written small ("Olivier de Fontenay", "Ursula von der Leyen").
const PARTICLES = '(?:\\s+(?:de|du|des|von|van|der|den|di|da|del|zu)){0,2}';
export const EN_NAME = `(?:(?:Mr|Ms|Mrs|Dr)\\.?\\s+)?[${UP}][${LOW}]+(?:[-'][${UP}]?[${LOW}]+)?(?:\\s+[${UP}]\\.)?(?:${PARTICLES}\\s+[${UP}][${LOW}]+(?:[-'][${UP}]?[${LOW}]+)?){1,2}`;

// "R. Hennebach", "H.-P. Müller": a surname after its initials, as staff lists write it.
export const INITIALS_NAME = `(?:[${UP}]\\.-?\\s?){1,3}[${UP}][${LOW}]+(?:-[${UP}][${LOW}]+)?`;

export const WHOLE_NAME = new RegExp(`^(?:${CN_NAME}|${CN_POLITE}|${EN_NAME})$`);
const NAME_WITH_COURTESY = new RegExp(`^(${CN_NAME})\\s+(?:先生|女士|小姐)$`);

/** Is the whole string a plausible personal name? */
export function isPersonName(s: string): boolean {
  const t = s.trim();
  return t.length <= 40 && WHOLE_NAME.test(t) && !isTitle(t);
}

/** "吴海燕 女士" → "吴海燕": a full name with a courtesy title after it is the name. */
export const withoutCourtesy = (s: string): string => s.replace(NAME_WITH_COURTESY, '$1');
