import { type ImportField as Field, toHalfWidth, withoutAccents } from '@dossier/shared';
import { Converter } from 'opencc-js/t2cn';
import { own } from '../../lib/own.ts';
import { bookNames, dayFirstNames } from './book-names.ts';

/*
 * One table of columns drives both directions: the export writes these headers and the import
 * recognises them (plus the usual synonyms below), so an exported file always re-imports. The
 * fields live in @dossier/shared: the dashboard's import screen names them in its mapping.
 */
export type { ImportField as Field } from '@dossier/shared';
export { BOOK_FIELDS, CUSTOMER_FIELDS, IMPORT_FIELDS as FIELDS, PERSON_FIELDS } from '@dossier/shared';

/** Fields several columns may feed (their values are joined); any other field takes its first column. */
export const MULTI_COLUMN: ReadonlySet<Field> = new Set([
  'phones',
  'fax',
  'emails',
  'region',
  'notes',
  'person.phone',
  'person.emails',
  'person.other',
  'label',
  'address.street',
  'address.city',
  'address.region',
  'address.postalCode',
  'address.country',
  'address.formatted',
  'tags',
  'other',
]);

export interface Column<F extends string = string> {
  field: F;
  en: string;
  zh: string;
}

export const CUSTOMER_COLUMNS: Column<Field | 'nextDue'>[] = [
  { field: 'ref', en: 'ID', zh: '客户编号' },
  { field: 'name', en: 'Company', zh: '公司名称' },
  { field: 'formerNames', en: 'Former names', zh: '曾用名' },
  { field: 'tier', en: 'Tier', zh: '等级' },
  { field: 'status', en: 'Status', zh: '状态' },
  { field: 'stage', en: 'Stage', zh: '阶段' },
  { field: 'region', en: 'Region', zh: '区域' },
  { field: 'companyType', en: 'Company type', zh: '企业类型' },
  { field: 'sizeClass', en: 'Size class', zh: '规模' },
  { field: 'industry', en: 'Industry', zh: '行业' },
  { field: 'businessScope', en: 'Business scope', zh: '经营范围' },
  { field: 'products', en: 'Products', zh: '主营产品' },
  { field: 'trends', en: 'Trends', zh: '行业动态' },
  { field: 'address', en: 'Address', zh: '地址' },
  { field: 'phones', en: 'Phone', zh: '电话' },
  { field: 'fax', en: 'Fax', zh: '传真' },
  { field: 'emails', en: 'E-mail', zh: '邮箱' },
  { field: 'website', en: 'Website', zh: '网址' },
  { field: 'creditCode', en: 'Credit code', zh: '统一社会信用代码' },
  { field: 'notes', en: 'Notes', zh: '备注' },
  { field: 'owner', en: 'Owner', zh: '负责人' },
  { field: 'nextStep', en: 'Next step', zh: '下一步' },
  { field: 'lostReasonCode', en: 'Lost reason code', zh: '流失原因代码' },
  { field: 'lostReason', en: 'Lost reason', zh: '流失原因' },
  { field: 'lostAt', en: 'Lost at', zh: '流失时间' },
  { field: 'createdAt', en: 'Created', zh: '创建时间' },
  { field: 'updatedAt', en: 'Updated', zh: '更新时间' },
  // Derived on import (from the cadence and the history), exported for the reader only.
  { field: 'nextDue', en: 'Next due', zh: '下次联系' },
];

export const PEOPLE_COLUMNS: Column[] = [
  { field: 'ref', en: 'Customer ID', zh: '客户编号' },
  { field: 'personRef', en: 'Person ID', zh: '联系人编号' },
  { field: 'name', en: 'Name', zh: '姓名' },
  { field: 'title', en: 'Title', zh: '职务' },
  { field: 'mobile', en: 'Mobile', zh: '手机' },
  { field: 'directLine', en: 'Direct line', zh: '直线电话' },
  { field: 'email', en: 'E-mail', zh: '邮箱' },
  { field: 'birthday', en: 'Birthday', zh: '生日' },
  { field: 'homeAddress', en: 'Home address', zh: '家庭住址' },
  { field: 'preferences', en: 'Preferences', zh: '偏好' },
  { field: 'keyPerson', en: 'Key person', zh: '关键人' },
];

export const KEY_COLUMNS: Column[] = [
  { field: 'ref', en: 'Customer ID', zh: '客户编号' },
  { field: 'kind', en: 'Kind', zh: '类型' },
  { field: 'value', en: 'Value', zh: '值' },
];

export const INTERACTION_COLUMNS: Column[] = [
  { field: 'ref', en: 'Customer ID', zh: '客户编号' },
  { field: 'personRef', en: 'Person ID', zh: '联系人编号' },
  { field: 'kind', en: 'Kind', zh: '类型' },
  { field: 'at', en: 'At', zh: '时间' },
  { field: 'summary', en: 'Summary', zh: '摘要' },
  { field: 'outcome', en: 'Outcome', zh: '结果' },
  { field: 'intention', en: 'Intention', zh: '意向' },
  { field: 'appointment', en: 'Appointment', zh: '约定时间' },
  { field: 'sourceUrl', en: 'Source URL', zh: '来源网址' },
  { field: 'visit', en: 'Visit record', zh: '拜访记录' },
  { field: 'idempotencyKey', en: 'Idempotency key', zh: '幂等键' },
  { field: 'createdAt', en: 'Created', zh: '创建时间' },
];

export const SHEETS = {
  customers: { en: 'Customers', zh: '客户' },
  people: { en: 'People', zh: '联系人' },
  keys: { en: 'Keys', zh: '匹配键' },
  interactions: { en: 'Interactions', zh: '联系记录' },
} as const;

// Built on the first header that is not plain ASCII (its dictionaries take ~20 ms to build).
let toSimplified: ((s: string) => string) | undefined;
/**
 * A header half-width and in simplified characters, in the mainland's words: Taiwan's and Hong
 * Kong's Outlook and sheets (行動電話, 聯絡人, 客戶名稱) read as the dictionaries hold them
 * (移动电话, 联系人, 客户名称), by OpenCC's Taiwan-phrases conversion.
 */
function headerText(h: string): string {
  const half = toHalfWidth(h);
  if (!/\P{ASCII}/u.test(half)) return half;
  toSimplified ??= Converter({ from: 'twp', to: 'cn' });
  return toSimplified(half);
}

/**
 * How a header is compared: half-width, simplified, lowercase, without accents (Téléphone =
 * Telephone), spaces, punctuation or a bracketed remark (必填).
 */
export function normaliseHeader(h: string): string {
  return withoutAccents(headerText(h).toLowerCase())
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s\-_.:;,*/\\·#'"]+/g, '')
    .replace(/(?<=\D)\d{1,2}$/, ''); // 手机1, 电话2: numbered repeats of one column
}

// A city column's words (ville, Ort…): the region, or the address's city in a list that gives
// its address in parts (addressResolved).
const CITY_WORDS = [
  'city',
  'ville',
  'commune',
  'localité',
  'ort',
  'stadt',
  'gemeinde',
  'ciudad',
  'città',
  'comune',
  'plaats',
  'woonplaats',
];

// Headers seen in account managers' own sheets, besides the export's own.
const SYNONYMS: Partial<Record<Field, string[]>> = {
  ref: ['id', '编号', '客户id', 'customerid'],
  name: [
    '客户名称',
    '单位名称',
    '企业名称',
    '公司',
    '客户',
    '单位',
    '企业',
    'company name',
    'customer',
    'customer name',
    'organization',
    'organisation',
    'account',
    'account name',
    // A European customer list's (French, German, Spanish, Italian, Dutch)
    'raison sociale',
    'société',
    'nom de la société',
    "nom de l'entreprise",
    'entreprise',
    'firma',
    'firmenname',
    'unternehmen',
    'empresa',
    'razón social',
    'nombre de la empresa',
    'azienda',
    'ragione sociale',
    'società',
    'bedrijf',
    'bedrijfsnaam',
  ],
  // A registry's (企查查, 天眼查) list of a company's former names.
  formerNames: ['曾用名称', '企业曾用名', '原企业名称', '原公司名称', 'former name', 'previous name', 'previous names'],
  tier: ['级别', '客户等级', '客户级别', '分级', '客户分类', '分类', '类别', 'level', 'grade', 'class', 'rating'],
  status: ['客户状态'],
  stage: ['销售阶段', '跟进阶段'],
  region: [
    '地区',
    '所在地区',
    '省份',
    '城市',
    '所在地',
    '省市',
    'area',
    'province',
    'city',
    'location',
    'région',
    'bundesland',
    'provincia',
    ...CITY_WORDS,
  ],
  companyType: ['公司类型', '企业性质', '公司性质', 'type'],
  sizeClass: ['企业规模', 'size'],
  industry: ['所属行业', 'sector', 'secteur', "secteur d'activité", 'branche', 'settore'],
  businessScope: ['scope'],
  products: ['主要产品', '产品'],
  address: [
    '公司地址',
    '办公地址',
    '联系地址',
    '通讯地址',
    '详细地址',
    'adresse',
    'anschrift',
    'dirección',
    'indirizzo',
    'adres',
  ],
  // An address in parts, as European and American lists give it (a Chinese one writes it whole).
  'address.street': ['street', 'street address', 'address line 1', 'rue', 'straße', 'strasse', 'calle', 'straat'],
  'address.postalCode': [
    'zip',
    'zip code',
    'postal code',
    'postcode',
    'code postal',
    'cp',
    'plz',
    'postleitzahl',
    'código postal',
    'cap',
  ],
  'address.country': ['country', 'pays', 'land', 'país', 'paese', 'nazione'],
  phones: [
    '公司电话',
    '办公电话',
    '座机',
    '固定电话',
    '联系电话',
    '电话号码',
    'tel',
    'telephone',
    'phones',
    'office phone',
    'téléphone',
    'tél',
    'telefon',
    'telefonnummer',
    'teléfono',
    'telefoon',
  ],
  fax: ['传真号码', '传真号', 'télécopie', 'telefax'],
  emails: [
    '电子邮箱',
    '电子邮件',
    '邮件',
    '公司邮箱',
    'email address',
    'mail',
    'courriel',
    'correo',
    'correo electrónico',
  ],
  website: [
    '网站',
    '公司网址',
    '公司网站',
    '官网',
    '主页',
    'web',
    'url',
    'homepage',
    'site',
    'site web',
    'site internet',
    'webseite',
    'internet',
    'sitio web',
    'sito web',
  ],
  creditCode: ['信用代码', '社会信用代码', '统一信用代码', 'uscc', 'unified social credit code'],
  icp: ['icp备案', 'icp备案号', 'icp'],
  notes: [
    '说明',
    '备注信息',
    '附注',
    'note',
    'remarks',
    'remark',
    'comments',
    'memo',
    'remarques',
    'commentaires',
    'commentaire',
    'bemerkungen',
    'bemerkung',
    'notizen',
    'anmerkungen',
    'observaciones',
    'notas',
    'opmerkingen',
  ],
  owner: ['客户经理', '业务员', '销售', '所属人', '跟进人', 'account manager', 'sales rep'],
  lostAt: ['流失日期', '丢失日期', '流失于', 'lost date', 'date lost', 'lost on'],
  createdAt: ['建档日期', '建档时间', '创建日期', 'created at'],
  updatedAt: ['更新日期', 'updated at'],
  'person.name': [
    '联系人',
    '联系人姓名',
    '姓名',
    '客户联系人',
    'contact',
    'contact name',
    'contact person',
    'person',
    'interlocuteur',
    'ansprechpartner',
    'kontakt',
    'kontaktperson',
    'persona de contacto',
    'contacto',
    'referente',
    'contactpersoon',
  ],
  'person.title': [
    '职务',
    '职位',
    '职称',
    '岗位',
    '头衔',
    'title',
    'job title',
    'position',
    'fonction',
    'poste',
    'funktion',
    'cargo',
    'puesto',
    'ruolo',
    'functie',
  ],
  'person.mobile': [
    '手机',
    '手机号',
    '手机号码',
    '移动电话',
    'mobile',
    'mobile phone',
    'cell',
    'cellphone',
    'portable',
    'téléphone portable',
    'mobil',
    'handy',
    'mobiltelefon',
    'móvil',
    'celular',
    'cellulare',
    'mobiel',
  ],
  'person.directLine': ['直线', '直线电话', '直拨', '直拨电话', 'direct line', 'direct phone'],
  'person.email': ['联系人邮箱', 'contact email'],
  'person.birthday': ['生日', '出生日期', 'birthday', 'date of birth', 'dob', 'birthdate'],
  'person.lunarBirthday': ['农历生日', '阴历生日', '生日农历', '生日阴历', 'lunar birthday'],
  'person.homeAddress': ['家庭住址', '家庭地址', 'home address'],
  'person.preferences': ['爱好', '喜好', '偏好', 'preferences', 'hobbies'],
  'person.keyPerson': ['关键人', '关键联系人', 'key person'],
  'person.department': ['部门', '所属部门', '科室', 'department', 'dept'],
  // The person's other numbers (kept in their notes), not the company's: "电话" at the end says phone, not whose.
  'person.phone': ['家庭电话', '住宅电话', '宅电', '家庭号码', '其他电话', '备用电话', 'home phone', 'other phone'],
  'person.other': ['qq', 'qq号', 'qq号码', '微信', '微信号', 'wechat', 'wechat id', 'weixin', 'skype', 'whatsapp'],
  lastContact: [
    '上次联系',
    '最近联系',
    '最后联系',
    '上次联系时间',
    '上次联系日期',
    '最近联系时间',
    '最近联系日期',
    '最后联系时间',
    '最后联系日期',
    '上次跟进',
    '最近跟进',
    '最后跟进',
    '上次拜访',
    'last contact',
    'last contacted',
    'last contact date',
    'last contacted on',
    'date last contacted',
    // HubSpot's and Salesforce's contacts: the last call, meeting or e-mail logged on the contact.
    'last activity',
    'last activity date',
  ],
  // The next contact the user fixed (下次回访, 下次跟进时间; Pipedrive's and HubSpot's next activity):
  // an appointment. A bare 下次联系 is read so too unless the sheet is Dossier's export (nextDueResolved).
  nextContact: [
    '下次联系时间',
    '下次联系日期',
    '下次回访',
    '下次回访时间',
    '下次回访日期',
    '下次跟进',
    '下次跟进时间',
    '下次跟进日期',
    '下次拜访',
    '下次拜访时间',
    '下次拜访日期',
    '下次追踪',
    '下次追踪日',
    '下次追踪日期',
    '预约回访',
    '预约回访时间',
    '计划回访时间',
    'next contact',
    'next contact date',
    'next follow-up',
    'next follow up',
    'next follow-up date',
    'follow-up date',
    'next activity',
    'next activity date',
  ],
};

const DICTIONARY: ReadonlyMap<string, Field> = (() => {
  const m = new Map<string, Field>();
  for (const c of CUSTOMER_COLUMNS) {
    if (c.field === 'nextDue') continue;
    m.set(normaliseHeader(c.en), c.field);
    m.set(normaliseHeader(c.zh), c.field);
  }
  for (const [field, words] of Object.entries(SYNONYMS)) {
    for (const w of words) if (!m.has(normaliseHeader(w))) m.set(normaliseHeader(w), field as Field);
  }
  return m;
})();
// Longest first, so "联系人邮箱" is read as the contact's e-mail and not as "联系人".
const BY_LENGTH = [...DICTIONARY.entries()]
  .filter(([k]) => [...k].length >= 2)
  .sort((a, b) => b[0].length - a[0].length);

/**
 * The field a header names: exactly, or else by a known header inside it. A Chinese header ends
 * with its head noun (联系人手机 is a mobile, 单位电话 a phone), so a known header at the end wins;
 * otherwise the longest one of 3+ characters inside it (公司名称必填).
 */
export function fieldOfHeader(header: string): Field | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  const exact = DICTIONARY.get(h);
  if (exact) return exact;
  // Containment only for CJK headers: "telephone" must not be read as "tel" + "ephone".
  if (!/\p{Script=Han}/u.test(h)) return null;
  const inside = BY_LENGTH.filter(([k]) => /\p{Script=Han}/u.test(k) && h.includes(k));
  return (inside.find(([k]) => h.endsWith(k)) ?? inside.find(([k]) => [...k].length >= 3))?.[1] ?? null;
}

/*
 * Address books. Google Contacts writes "First Name, Middle Name, Last Name, … Organization
 * Name, Organization Title, …, E-mail 1 - Label, E-mail 1 - Value, Phone 1 - Label, …" (older
 * exports "Given Name, Additional Name, Family Name, Group Membership, Organization 1 - Name, …
 * E-mail 1 - Type"); Outlook its 92 columns (First Name … Company, Department, Job Title,
 * Business Street …, Business Phone, Mobile Phone, E-mail Address, Categories, Web Page), in
 * English or in its installation's language (book-names.ts: Chinese, German, French); Thunderbird
 * its 37 (First Name, Last Name, Display Name, Primary Email, Work Phone, Mobile Number, Home
 * Address, Home Address 2, Home City, …, Work ZipCode, Organization, Web Page 1, Birth Year,
 * Birth Month, Birth Day, Custom 1, Notes), in English, Chinese or German (book-names.ts).
 * Headers are compared normalised (normaliseHeader); a numbered group's number is dropped.
 */
const BOOK_HEADERS: Record<string, Field | null> = {
  // Names
  firstname: 'person.givenName',
  givenname: 'person.givenName',
  middlename: 'person.middleName',
  additionalname: 'person.middleName',
  lastname: 'person.familyName',
  familyname: 'person.familyName',
  surname: 'person.familyName',
  name: 'person.name',
  fullname: 'person.name',
  displayname: 'person.name',
  姓名: 'person.name',
  // Company and role
  organizationname: 'name',
  organization: 'name',
  organizationtitle: 'person.title',
  organizationdepartment: 'person.department',
  organizationjobdescription: null,
  organizationsymbol: null,
  organizationlocation: null,
  organizationphoneticname: null,
  organizationyominame: null,
  organizationtype: null,
  company: 'name',
  department: 'person.department',
  jobtitle: 'person.title',
  // CRMs' exports of contacts (Salesforce, HubSpot, Atomic CRM), read as address books for
  // their first and last name columns.
  accountname: 'name',
  companyname: 'name',
  mobile: 'person.mobile',
  cell: 'person.mobile',
  cellphone: 'person.mobile',
  email: 'person.emails',
  emailwork: 'person.emails',
  emailhome: 'person.emails',
  emailother: 'person.emails',
  phone: 'person.directLine',
  phonenumber: 'person.directLine',
  phonework: 'person.directLine',
  phonehome: 'person.phone',
  phoneother: 'person.phone',
  birthdate: 'person.birthday',
  linkedinurl: 'person.other',
  // Outlook's "Title" (beside its "Job Title") is the salutation (Mr., Dr.); "Account" and
  // "Location" are not the company's.
  title: null,
  suffix: null,
  account: null,
  location: null,
  // Phones and e-mails
  phonevalue: 'person.phone',
  phonelabel: 'label',
  phonetype: 'label',
  emailvalue: 'person.emails',
  emaillabel: 'label',
  emailtype: 'label',
  mobilephone: 'person.mobile',
  mobilephone2: 'person.phone',
  businessphone: 'person.directLine',
  businessphone2: 'person.phone',
  companymainphone: 'phones',
  businessfax: 'fax',
  homephone: 'person.phone',
  homephone2: 'person.phone',
  otherphone: 'person.phone',
  primaryphone: 'person.phone',
  emailaddress: 'person.emails',
  email2address: 'person.emails',
  email3address: 'person.emails',
  // Thunderbird's: its Web Page 1 is the work one, 2 the home one.
  primaryemail: 'person.emails',
  secondaryemail: 'person.emails',
  screenname: null,
  workphone: 'person.directLine',
  mobilenumber: 'person.mobile',
  pagernumber: 'person.phone',
  faxnumber: 'fax',
  webpage1: 'website',
  webpage2: null,
  birthyear: 'person.birthYear',
  birthmonth: 'person.birthMonth',
  emaildisplayname: null,
  email2type: null,
  email3type: null,
  email2displayname: null,
  email3displayname: null,
  // Outlook's numbers nobody dials for the company (an assistant's, a car's, a home fax) and
  // what it knows about the person (their manager, spouse, hobby, its four user fields): kept
  // in the person's notes under the column's name.
  assistantsphone: 'person.other',
  callback: 'person.other',
  carphone: 'person.other',
  radiophone: 'person.other',
  pager: 'person.other',
  isdn: 'person.other',
  ttytddphone: 'person.other',
  telex: 'person.other',
  homefax: 'person.other',
  otherfax: 'person.other',
  managersname: 'person.other',
  assistantsname: 'person.other',
  spouse: 'person.other',
  children: 'person.other',
  hobby: 'person.other',
  profession: 'person.other',
  referredby: 'person.other',
  officelocation: 'person.other',
  keywords: 'person.other',
  billinginformation: 'person.other',
  anniversary: 'person.other',
  user1: 'person.other',
  user2: 'person.other',
  user3: 'person.other',
  user4: 'person.other',
  // Its settings and identity numbers are not kept.
  initials: null,
  internetfreebusy: null,
  language: null,
  mileage: null,
  sensitivity: null,
  priority: null,
  private: null,
  directoryserver: null,
  governmentidnumber: null,
  organizationalidnumber: null,
  // Addresses: Google's numbered groups, Outlook's Business/Home/Other ones
  addressformatted: 'address.formatted',
  addressstreet: 'address.street',
  addresscity: 'address.city',
  addressregion: 'address.region',
  addresspostalcode: 'address.postalCode',
  addresscountry: 'address.country',
  addresslabel: 'label',
  addresstype: 'label',
  addressextendedaddress: 'address.street',
  addresspobox: null,
  // Web, dates, labels, notes
  websitevalue: 'website',
  websitelabel: null,
  websitetype: null,
  webpage: 'website',
  birthday: 'person.birthday',
  labels: 'tags',
  groupmembership: 'tags',
  categories: 'tags',
  notes: 'person.preferences',
  备注: 'person.preferences',
  nickname: null,
  shortname: null,
  nameprefix: null,
  namesuffix: null,
  jottype: null,
  fileas: null,
  photo: null,
  gender: null,
};

const ADDRESS_PART: Record<string, Field> = {
  address: 'address.formatted',
  address2: 'address.street',
  street: 'address.street',
  street2: 'address.street',
  street3: 'address.street',
  city: 'address.city',
  state: 'address.region',
  postalcode: 'address.postalCode',
  zipcode: 'address.postalCode',
  zip: 'address.postalCode',
  postcode: 'address.postalCode',
  county: 'address.region',
  stateprovince: 'address.region',
  zippostalcode: 'address.postalCode',
  countryregion: 'address.country',
  country: 'address.country',
};
// (Salesforce's contacts have a Mailing address: where the contact works.)
const ADDRESS_GROUP = /^(business|work|mailing|home|other)(.+)$/;

const plainKey = (header: string) =>
  headerText(header)
    .toLowerCase()
    .replace(/^([a-z\u4e00-\u9fff-]+?)\s*\d+\s*-\s*/u, '$1 ')
    .replace(/[\s\-_.:;,*/\\·#'"]+/g, '');
const BOOK_NAMES = bookNames(plainKey);
const DAY_FIRST = dayFirstNames(plainKey);

/** Headers a German or French Outlook wrote: its dates are day first. */
export const writesDayFirst = (headers: string[]) => headers.some((h) => DAY_FIRST.has(plainKey(h)));

/**
 * A header as an address book writes it, without the number of its group (E-mail 2 - Value →
 * emailvalue), and in English when a Chinese, German or French Outlook or Thunderbird wrote it
 * (移动电话 → mobilephone).
 */
const bookKey = (header: string) => {
  const k = plainKey(header);
  return BOOK_NAMES.get(k) ?? k;
};

/**
 * A header row's keys (bookKey). A Chinese Thunderbird names the parts of both its addresses alike
 * (家庭地址, …, 城市, …, 工作地址, …, 城市): a bare part is the address's before it (homecity, workcity).
 */
export function bookKeys(headers: string[]): string[] {
  let group: string | undefined;
  return headers.map((h) => {
    const k = bookKey(h);
    const a = ADDRESS_GROUP.exec(k);
    if (a) group = /^address\d?$/.test(a[2] ?? '') ? a[1] : undefined;
    else if (group && own(ADDRESS_PART, k) && k !== 'address') return `${group}${k}`;
    return k;
  });
}

function bookField(k: string, streetLines: boolean): Field | null | undefined {
  const known = own(BOOK_HEADERS, k);
  if (known !== undefined) return known;
  const a = ADDRESS_GROUP.exec(k);
  if (a && a[2] === 'address' && streetLines) return 'address.street';
  if (a) return own(ADDRESS_PART, a[2] as string) ?? null;
  // Google's phonetic, yomi, custom-field, relation, event and chat columns and the like.
  if (/^(phonetic|yomi|namep|customfield|relation|event|im|externalid)/.test(k)) return null;
  return undefined;
}

/*
 * A column an address book's dictionary does not know is a CRM's own (HubSpot's Lifecycle Stage,
 * Lead Source; Atomic CRM's background; LinkedIn's Connected On): what it says about the person
 * is kept in their notes under the column's name, as a sheet's is kept in the file's. A program's
 * settings are in the dictionary (as not kept), and record numbers ("Record ID", company_id) are
 * the other program's, meaningless here.
 */
const RECORD_NUMBER =
  /^((record|contact|company|account|lead|person|organi[sz]ation|deal|sales|owner|user)[\s_-]*)?id$/i;
export const keptFromBook = (header: string) =>
  bookField(bookKey(header), false) === undefined &&
  fieldOfHeader(header) === null &&
  !RECORD_NUMBER.test(header.trim()) &&
  !notKept(header);

/** The headers that say "address book" when several stand in one header row. */
const BOOK_MARKS = new Set([
  'firstname',
  'lastname',
  'givenname',
  'familyname',
  'organizationname',
  'jobtitle',
  'mobilephone',
  'mobilenumber',
  'primaryemail',
  'businessphone',
  'emailaddress',
  'emailvalue',
  'phonevalue',
  'businessfax',
  'companymainphone',
]);

/** True when a header row is an address book's (Google, Outlook, a vCard file as rows): three of its marks. */
export function isAddressBook(headers: string[]): boolean {
  const keys = bookKeys(headers);
  // A list of people by first and last name (a CRM's contacts, a hand-made "Company, First
  // Name, Last Name, Mobile, Email") is read as an address book is.
  const named =
    keys.some((k) => own(BOOK_HEADERS, k) === 'person.givenName') &&
    keys.some((k) => own(BOOK_HEADERS, k) === 'person.familyName');
  return named || keys.filter((k) => BOOK_MARKS.has(k)).length >= 3;
}

/*
 * A CRM's export that names each column's record before its field (Pipedrive's "Person - Name",
 * "Person - Organization", "Person - Email - Work", "Organization - Address"; "Deal - Title"):
 * the field is read as a header of its own, and the record says whose it is — what has no field
 * is kept in the notes of the person or the file it describes; the CRM's own ids and settings
 * are not kept. Pipedrive's address parts ("Organization - Address - City/town/village/locality
 * of Address") are the address's.
 */
const RECORD = /^\s*(person|contact|lead|organi[sz]ation|company|account|deal|activity|product)\s+-\s+(.+?)\s*$/i;
const COMPANY_RECORD = /^(organi[sz]ation|company|account)$/i;
const PERSON_RECORD = /^(person|contact|lead)$/i;
const COMPANY_NAMES = new Set(['organization', 'organisation', 'organizationname', 'company', 'account']);
const RECORD_FIELDS: Record<string, Field | null> = {
  id: null,
  visibleto: null,
  contactperson: 'person.name',
  lastactivitydate: 'lastContact',
  nextactivitydate: 'nextContact',
  phonemobile: 'person.mobile',
};
const ADDRESS_OF = /^address\s*-\s*(.+?)\s+of\s+address$/i;
const ADDRESS_PARTS: [RegExp, Field][] = [
  [/^(street|house|apartment)/, 'address.street'],
  [/^city/, 'address.city'],
  [/^(state|region)/, 'address.region'],
  [/^(zip|postal)/, 'address.postalCode'],
  [/^country/, 'address.country'],
  [/^(full|formatted)/, 'address.formatted'],
];

function recordField(record: string, header: string): Field | null {
  // "Email (Work)" as "Email - Work"; a required column's "*" is not part of its name.
  const field = header.replace(/\*$/, '').replace(/\s*\(([^)]*)\)$/, ' - $1');
  const k = plainKey(field);
  const part = ADDRESS_OF.exec(field)?.[1]?.toLowerCase();
  if (part) return ADDRESS_PARTS.find(([re]) => re.test(part))?.[1] ?? null;
  if (COMPANY_RECORD.test(record) && k === 'id') return 'ref';
  const known = own(RECORD_FIELDS, k);
  if (known !== undefined) return known;
  if (COMPANY_RECORD.test(record)) return k === 'name' ? 'name' : (fieldOfHeader(field) ?? 'other');
  if (COMPANY_NAMES.has(k)) return 'name';
  if (!PERSON_RECORD.test(record)) return 'other';
  if (k === 'name') return 'person.name';
  return bookField(bookKey(field), false) ?? fieldOfHeader(field) ?? 'person.other';
}

/** True for a CRM's header row that names each column's record. */
const namesRecords = (headers: string[]) => headers.filter((h) => RECORD.test(h)).length >= 2;

function recordFields(headers: string[]): (Field | null)[] {
  return headers.map((h) => {
    const r = RECORD.exec(h);
    return r ? recordField(r[1] as string, r[2] as string) : (fieldOfHeader(h) ?? 'other');
  });
}

/**
 * What writes a header row: a CRM that names each column's record (every column decided), an
 * address book (its columns all known: those it leaves are its program's settings), or a sheet.
 */
export type HeaderKind = 'records' | 'book' | 'sheet';
export const headerKind = (headers: string[]): HeaderKind =>
  namesRecords(headers) ? 'records' : isAddressBook(headers) ? 'book' : 'sheet';

/**
 * The fields of a header row: a CRM's that names each column's record by the record, an address
 * book's by its own dictionary, any other by `fieldOfHeader`.
 */
export function fieldsOfHeaders(headers: string[], kind = headerKind(headers)): (Field | null)[] {
  if (kind === 'records') return recordFields(headers);
  if (kind === 'sheet')
    return nextDueResolved(headers, addressResolved(headers, namesResolved(headers, headers.map(fieldOfHeader))));
  // Beside an "Address 2" (Thunderbird), "Home Address" is the street's first line, not the
  // whole address it is in a vCard read as rows.
  const keys = bookKeys(headers);
  const streetLines = keys.some((k) => ADDRESS_GROUP.exec(k)?.[2] === 'address2');
  // "Title" is the salutation only beside a "Job Title" (Outlook); alone it is the job (Salesforce).
  // A French Outlook calls both "Titre": its salutation comes first, the job after it.
  const job = keys.indexOf('title') === keys.lastIndexOf('title') ? -1 : keys.lastIndexOf('title');
  const salutation = job >= 0 || keys.includes('jobtitle');
  // Thunderbird's "Birth Day" (Geburtstag, 出生日) beside its Birth Year and Month is the day of
  // the month, not Outlook's "Birthday" (Geburtstag, 生日).
  const birthDay = keys.includes('birthyear') && keys.includes('birthmonth');
  return addressResolved(
    headers,
    headers.map((h, j) => {
      if (j === job || (!salutation && plainKey(h) === 'title')) return 'person.title';
      if (birthDay && keys[j] === 'birthday') return 'person.birthDay';
      const f = bookField(keys[j] ?? '', streetLines);
      return f === undefined ? fieldOfHeader(h) : f;
    }),
  );
}

/** A column's export headers (English and Chinese), normalised. */
const namesOf = (field: Field | 'nextDue') => {
  const c = CUSTOMER_COLUMNS.find((x) => x.field === field);
  return new Set([c?.en ?? '', c?.zh ?? ''].map(normaliseHeader));
};
const NEXT_DUE = namesOf('nextDue');
/**
 * Columns no file needs: a row number, and what the export derives for the reader (next due);
 * any other column a sheet has is the user's information (需求, 来源) and is kept.
 */
const NOT_KEPT = new Set([...['序号', '行号', 'no', 'seq'].map(normaliseHeader), ...NEXT_DUE]);
export const notKept = (header: string) => !normaliseHeader(header) || NOT_KEPT.has(normaliseHeader(header));

/** The export's own customers sheet: its ID, tier, updated and next-due columns all there. */
const EXPORT_MARKS = [namesOf('ref'), namesOf('tier'), namesOf('updatedAt'), NEXT_DUE];

/**
 * "下次联系" (Next due) in Dossier's export is the due date the cadence derived, not kept; in
 * any other sheet it is the next contact the user fixed with the customer.
 */
function nextDueResolved(headers: string[], fields: (Field | null)[]): (Field | null)[] {
  const keys = headers.map(normaliseHeader);
  const ours = EXPORT_MARKS.every((marks) => keys.some((k) => marks.has(k)));
  return fields.map((f, j) => (f === null && !ours && NEXT_DUE.has(keys[j] ?? '') ? 'nextContact' : f));
}

/** Headers that say only "name": whose depends on the sheet. */
const BARE_NAME = new Set(['name', '名称']);

/**
 * A bare "Name" (名称) column is the company's in a list with no other company column, and the
 * contact's beside one ("Company, Name, Mobile").
 */
function namesResolved(headers: string[], fields: (Field | null)[]): (Field | null)[] {
  const company = fields.includes('name');
  return fields.map((f, j) =>
    f === null && BARE_NAME.has(normaliseHeader(headers[j] ?? '')) ? (company ? 'person.name' : 'name') : f,
  );
}

const CITY = new Set(CITY_WORDS.map(normaliseHeader));

/**
 * A list that gives its address in parts (Adresse, Code postal, Ville; Street, Zip, City): its
 * address column is the street line and its city column the address's city (and, in a sheet with
 * no region column, the file's region: rows.ts), so the file gets the address whole. So too a
 * shop's customer export by first and last name (Vorname, Nachname, Strasse, PLZ, Ort): its bare
 * "Ort" is the city, not a German Outlook's Location, when no program's city column is there.
 */
function addressResolved(headers: string[], fields: (Field | null)[]): (Field | null)[] {
  if (!fields.includes('address.street') && !fields.includes('address.postalCode')) return fields;
  const hasCity = fields.includes('address.city');
  return fields.map((f, j) => {
    if (f === 'address') return 'address.street';
    const city = !hasCity && (f === 'region' || f === null) && CITY.has(normaliseHeader(headers[j] ?? ''));
    return city ? 'address.city' : f;
  });
}

/** A linked sheet's headers → its fields, by the export's own names only. */
export function linkedFields(headers: string[], columns: Column[]): (string | null)[] {
  const byHeader = new Map<string, string>();
  for (const c of columns) {
    byHeader.set(normaliseHeader(c.en), c.field);
    byHeader.set(normaliseHeader(c.zh), c.field);
  }
  return headers.map((h) => byHeader.get(normaliseHeader(h)) ?? null);
}

export const sheetKind = (name: string) => {
  const n = normaliseHeader(name);
  for (const [kind, names] of Object.entries(SHEETS)) {
    if (n === normaliseHeader(names.en) || n === normaliseHeader(names.zh)) return kind as keyof typeof SHEETS;
  }
  return null;
};
