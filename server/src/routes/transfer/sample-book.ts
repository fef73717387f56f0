import ExcelJS from 'exceljs';
import type { Counts } from '../../services/transfer/apply.ts';

/**
 * A customer list as account managers keep them, for the import test and benchmark: a title row
 * above Chinese headers, Chinese and English companies, mixed tier spellings, and exactly
 * 3% bad rows and 5% duplicates at known positions, so the expected counts are exact.
 */
const CITIES = ['徐州', '南京', '苏州', '无锡', '常州', '扬州', '杭州', '宁波', '合肥', '济南', '青岛', '郑州'];
const REGION: Record<string, string> = {
  徐州: '华东/江苏/徐州',
  南京: '华东/江苏/南京',
  苏州: '华东/江苏/苏州',
  无锡: '华东/江苏/无锡',
  常州: '华东/江苏/常州',
  扬州: '华东/江苏/扬州',
  杭州: '华东/浙江/杭州',
  宁波: '华东/浙江/宁波',
  合肥: '华东/安徽/合肥',
  济南: '华东/山东/济南',
  青岛: '华东/山东/青岛',
  郑州: '华中/河南/郑州',
};
const SYLLABLES = '嘉华融通恒泰鼎盛宏远金科瑞祥博达安信永兴天成海润中联华宇新城隆基万达富力明珠东方'.split('');
const TRADES = ['置业', '建设', '科技', '贸易', '实业', '物流', '地产'];
const TRADE_INDUSTRY: Record<string, string> = {
  置业: '房地产',
  建设: '建筑',
  科技: '信息技术',
  贸易: '批发零售',
  实业: '制造业',
  物流: '交通运输',
  地产: '房地产',
};
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何林'.split('');
const GIVEN = ['建国', '海燕', '志强', '秀英', '伟', '敏', '静', '磊', '洋', '丽娟', '国华', '晓明'];
const TITLES = ['董事长', '总经理', '副总经理', '采购经理', '财务总监', '办公室主任'];
const TIERS = ['A', 'B', 'C', '甲', '乙', '丙', '重要', '一般', 'A类', 'C级', ''];
const EN_FIRST = ['Northwind', 'Contoso', 'Fabrikam', 'Litware', 'Tailspin', 'Adventure', 'Proseware', 'Wingtip'];
const EN_TRADE = ['Trading', 'Logistics', 'Engineering', 'Software', 'Materials'];
const EN_PEOPLE = ['Ann Lee', 'Mark Chen', 'Lucy Wang', 'Peter Zhou', 'Grace Liu'];

export const HEADERS = [
  '序号',
  '公司名称',
  '联系人',
  '职务',
  '手机',
  '电话',
  '传真',
  '邮箱',
  '地址',
  '网址',
  '客户等级',
  '区域',
  '行业',
  '备注',
];

/** An existing file the book duplicates (created before the import). */
export interface ExistingCustomer {
  name: string;
  tier: 'A' | 'B' | 'C';
  website: string;
  people: { name: string; mobile: string }[];
}

function companyRow(i: number): (string | number)[] {
  const city = CITIES[i % CITIES.length] as string;
  const pad = String(i).padStart(6, '0');
  const english = i % 7 === 3;
  const trade = TRADES[i % TRADES.length] as string;
  const core = `${SYLLABLES[i % SYLLABLES.length]}${SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length]}`;
  const name = english
    ? `${EN_FIRST[i % EN_FIRST.length]} ${EN_TRADE[i % EN_TRADE.length]} (Suzhou) Co., Ltd.`
    : `${city}${core}${trade}有限公司`;
  const domain = `c${pad}-${english ? 'intl' : 'group'}.com.cn`;
  const person = english
    ? (EN_PEOPLE[i % EN_PEOPLE.length] as string)
    : `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`;
  // Every tenth file has no website: it is then known by its company mail domain.
  const website = i % 10 === 5 ? '' : `https://www.${domain}/`;
  const email = i % 10 === 5 || i % 4 !== 0 ? `contact${pad}@${domain}` : `${pad}@qq.com`;
  return [
    i + 1,
    name,
    person,
    TITLES[i % TITLES.length] as string,
    `139${String(i).padStart(8, '0')}`,
    `0516-8${String(i).padStart(7, '0')}`,
    i % 3 === 0 ? `0516-6${String(i).padStart(7, '0')}` : '',
    email,
    english ? `No. ${i} Renmin Road, Suzhou` : `${city}市中山路${(i % 300) + 1}号`,
    website,
    TIERS[i % TIERS.length] as string,
    REGION[city] as string,
    english ? 'Manufacturing' : (TRADE_INDUSTRY[trade] as string),
    i % 5 === 0 ? '老客户，年底回访' : '',
  ];
}

export interface SampleBook {
  buffer: Buffer;
  existing: ExistingCustomer[];
  expected: Counts;
  /** Row numbers (as Excel shows them) of the bad rows, by what is wrong. */
  bad: { row: number; field: string }[];
}

/** Row i (0-based): i%100 = 7 has no company (a person to place), i%100 ∈ {41,77} bad; i%40 = 13 repeats an existing file with a new contact; i%40 = 33 repeats row i-3 exactly. */
export async function buildSampleBook(n = 10_000): Promise<SampleBook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('客户档案');
  ws.addRow(['客户档案表（2026年11月）']);
  ws.addRow(HEADERS);
  const FIRST = 3; // data starts on Excel row 3
  const existing: ExistingCustomer[] = [];
  const bad: SampleBook['bad'] = [];
  const rows: (string | number)[][] = [];
  let unplaced = 0;
  for (let i = 0; i < n; i++) {
    let r = companyRow(i);
    if (i % 40 === 13) {
      const k = existing.length;
      const ex: ExistingCustomer = {
        name: `徐州老客户${k}号置业有限公司`,
        tier: 'B',
        website: `http://www.old${k}.cn`,
        people: [{ name: '钱老板', mobile: `137${String(k).padStart(8, '0')}` }],
      };
      existing.push(ex);
      r = [
        i + 1,
        ex.name,
        '孙新人',
        '采购经理',
        `136${String(i).padStart(8, '0')}`,
        '',
        '',
        '',
        '',
        `old${k}.cn`,
        'B',
        '',
        '',
        '',
      ];
    } else if (i % 40 === 33) {
      r = [...(rows[i - 3] as (string | number)[])];
      r[0] = i + 1;
    } else if (i % 100 === 7) {
      // A contact without a company: listed for the user to place, not an error.
      r[1] = '';
      unplaced++;
    } else if (i % 100 === 41) {
      r[10] = 'D';
      bad.push({ row: FIRST + i, field: 'tier' });
    } else if (i % 100 === 77) {
      r[7] = `wang${i}#example.com`;
      bad.push({ row: FIRST + i, field: 'person.email' });
    }
    rows.push(r);
  }
  ws.addRows(rows);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  const invalid = bad.length;
  const merged = existing.length;
  const skipped = rows.filter((_, i) => i % 40 === 33).length;
  return {
    buffer,
    existing,
    bad,
    // The generated book has no headings or totals.
    expected: {
      total: n,
      created: n - invalid - merged - skipped - unplaced,
      merged,
      skipped,
      invalid,
      unplaced,
      lines: 0,
    },
  };
}
