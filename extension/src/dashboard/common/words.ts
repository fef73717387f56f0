import type { CompanyType, CustomerStatus, DueReason, LostReason, SizeClass, Stage } from '@dossier/shared';
import type { z } from 'zod';
import type { Dictionary } from '../../platform/i18n/words.ts';

/** The dashboard's own words (its title, navigation, shared labels) and the enum words it shares with the options page. */
const en = {
  title: 'Dossier dashboard',
  /** The side panel's button. */
  open: 'Open dashboard',
  nav: {
    label: 'Views',
    board: 'Board',
    customers: 'Customers',
    customer: 'Customer file',
    sheet: 'Contact sheet',
    visit: 'Visit record',
    commitments: 'Commitments',
    reclass: 'Reclassification',
    greetings: 'Greetings',
    lost: 'Lost customers',
    pipeline: 'Pipeline',
    import: 'Import',
    duplicates: 'Duplicates',
  },
  common: {
    /** The user the server names `owner`: whoever installed Dossier. */
    installOwner: 'the install owner',
    ownedBy: (name: string) => `owner: ${name}`,
    loading: 'Loading…',
    refresh: 'Refresh',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved.',
    cancel: 'Cancel',
    edit: 'Edit',
    remove: 'Remove',
    change: 'Change',
    print: 'Print',
    all: 'All',
    none: '—',
    refused: (msg: string) => `The server refused: ${msg}`,
  },
  statuses: { prospect: 'Prospect', active: 'Active', signed: 'Signed', lost: 'Lost' } satisfies Record<
    CustomerStatus,
    string
  >,
  stages: {
    land_won: 'Land won',
    contacted: 'Contacted',
    serviced: 'Serviced',
    proposal: 'Proposal',
    signed: 'Signed',
    after_sales: 'After-sales',
  } satisfies Record<Stage, string>,
  companyTypes: {
    foreign: 'Foreign-owned',
    joint_venture: 'Joint venture',
    joint_stock: 'Joint-stock',
    private: 'Private',
    state: 'State-owned',
    other: 'Other',
  } satisfies Record<z.infer<typeof CompanyType>, string>,
  sizeClasses: {
    super: 'Super (assets ≥ ¥100M)',
    large: 'Large (≥ ¥10M)',
    medium: 'Medium (≥ ¥5M)',
    small: 'Small',
  } satisfies Record<z.infer<typeof SizeClass>, string>,
  lostReasons: {
    price: 'Price',
    competitor: 'Went to a competitor',
    service: 'Service',
    quality: 'Quality',
    relationship: 'Relationship',
    no_need: 'No longer needed',
    closed: 'Company closed',
    other: 'Other',
  } satisfies Record<LostReason, string>,
  dueReasons: { call: 'Call', visit: 'Visit', appointment: 'Appointment', commitment: 'Commitment' } satisfies Record<
    z.infer<typeof DueReason>,
    string
  >,
};

const zhCN: typeof en = {
  title: 'Dossier 工作台',
  open: '打开工作台',
  nav: {
    label: '视图',
    board: '看板',
    customers: '客户',
    customer: '客户档案',
    sheet: '客户联系表',
    visit: '客户拜访表',
    commitments: '承诺事项',
    reclass: '月度重新分类',
    greetings: '问候',
    lost: '流失客户',
    pipeline: '跟进进度',
    import: '导入',
    duplicates: '重复客户',
  },
  common: {
    installOwner: '本机所有者',
    ownedBy: (name) => `负责人：${name}`,
    loading: '正在加载…',
    refresh: '刷新',
    save: '保存',
    saving: '正在保存…',
    saved: '已保存。',
    cancel: '取消',
    edit: '编辑',
    remove: '删除',
    change: '更换',
    print: '打印',
    all: '全部',
    none: '—',
    refused: (msg) => `服务器拒绝：${msg}`,
  },
  statuses: { prospect: '潜在客户', active: '往来客户', signed: '已签约', lost: '已流失' },
  stages: {
    land_won: '竞得土地',
    contacted: '已联系',
    serviced: '已服务',
    proposal: '方案阶段',
    signed: '已签约',
    after_sales: '售后服务',
  },
  companyTypes: {
    foreign: '外资企业',
    joint_venture: '合资企业',
    joint_stock: '股份制企业',
    private: '私营企业',
    state: '国有企业',
    other: '其他',
  },
  sizeClasses: {
    super: '超级客户（资产过亿）',
    large: '大客户（资产过千万）',
    medium: '中客户（资产五百万以上）',
    small: '小客户',
  },
  lostReasons: {
    price: '价格',
    competitor: '转向竞争对手',
    service: '服务',
    quality: '质量',
    relationship: '关系',
    no_need: '不再需要',
    closed: '公司关闭',
    other: '其他',
  },
  dueReasons: { call: '电话', visit: '拜访', appointment: '约定', commitment: '承诺' },
};

export const dashboardWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

/** Every word of the dashboard: these, and each view's (dashboard/<view>/words.ts adds its own). */
export interface DashboardWords extends DashboardOwnWords {}
type DashboardOwnWords = typeof en;

declare module '../../platform/i18n/words.ts' {
  interface Words {
    dashboard: DashboardWords;
  }
}
