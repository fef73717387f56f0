import type { Dictionary } from '../../platform/i18n/words.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
const MATCHED_EN: Record<string, string> = {
  name: 'name',
  initials: 'pinyin initials',
  pinyin: 'pinyin',
  phones: 'phone number',
  domains: 'domain',
  emails: 'e-mail',
};
const MATCHED_ZH: Record<string, string> = {
  name: '名称',
  initials: '拼音首字母',
  pinyin: '拼音',
  phones: '电话号码',
  domains: '域名',
  emails: '邮箱',
};

/** The words of the dashboard's customers view. */
const en = {
  customers: {
    title: 'Customers',
    search: 'Search customers',
    searchHint: 'Name, pinyin initials (jhrt), phone or domain',
    results: 'Search results',
    found: (n: number) => plural(n, '1 customer found', `${n} customers found`),
    matched: (f: string) => `matched by ${MATCHED_EN[f] ?? f}`,
    index: 'A–Z index',
    shown: (s: number, t: number) => `${s} of ${t} customers`,
    capped: (n: number) => `only the first ${n} are listed; search finds the others`,
    none: 'No customer matches these filters.',
    create: {
      open: 'New customer',
      title: 'New customer file',
      name: 'Company name',
      tier: 'Tier',
      website: 'Website',
      phone: 'Phone',
      save: 'Create',
      created: (n: string) => `${n} is on file.`,
      addedTo: (n: string) => `Added to ${n}.`,
    },
    filters: {
      title: 'Filters',
      tier: 'Tier',
      status: 'Status',
      stage: 'Stage',
      region: (level: number) => (level === 0 ? 'Region' : `Region, level ${level + 1}`),
      companyType: 'Company type',
      sizeClass: 'Size class',
      owner: 'Owner',
      overdue: 'Overdue only',
      clear: 'Clear filters',
    },
  },
};

const zhCN: typeof en = {
  customers: {
    title: '客户',
    search: '搜索客户',
    searchHint: '名称、拼音首字母（jhrt）、电话或域名',
    results: '搜索结果',
    found: (n) => `找到 ${n} 个客户`,
    matched: (f) => `匹配：${MATCHED_ZH[f] ?? f}`,
    index: 'A–Z 索引',
    shown: (s, t) => `${t} 个客户中的 ${s} 个`,
    capped: (n) => `只列出前 ${n} 个，其余请用搜索`,
    none: '没有符合条件的客户。',
    create: {
      open: '新建客户',
      title: '新建客户档案',
      name: '公司名称',
      tier: '类别',
      website: '网站',
      phone: '电话',
      save: '新建',
      created: (n) => `已建立「${n}」的档案。`,
      addedTo: (n) => `已加入「${n}」。`,
    },
    filters: {
      title: '筛选',
      tier: '等级',
      status: '状态',
      stage: '阶段',
      region: (level) => ['区域', '省份', '城市'][level] ?? `区域（第 ${level + 1} 级）`,
      companyType: '企业性质',
      sizeClass: '规模',
      owner: '负责人',
      overdue: '只看逾期',
      clear: '清除筛选',
    },
  },
};

export const customersWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    customers: (typeof en)['customers'];
  }
}
