import type { Dictionary } from '../../platform/i18n/words.ts';

/** The words of the dashboard's sheet view. */
const en = {
  sheet: {
    title: 'Contact sheet',
    month: 'Month',
    previous: 'Previous month',
    next: 'Next month',
    groupBy: 'Group by',
    byTier: 'Tier',
    byRegion: 'Region',
    exportXlsx: 'Export XLSX',
    exportCsv: 'Export CSV',
    customer: 'Customer',
    contacts: 'Contacts',
    remarks: 'Remarks',
    remarksFor: (n: string) => `Remarks for ${n}`,
    tableLabel: (month: string) => `Contact sheet ${month}`,
    empty: 'No customers this month.',
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
};

const zhCN: typeof en = {
  sheet: {
    title: '客户联系表',
    month: '月份',
    previous: '上个月',
    next: '下个月',
    groupBy: '分组',
    byTier: '按等级',
    byRegion: '按区域',
    exportXlsx: '导出 XLSX',
    exportCsv: '导出 CSV',
    customer: '客户',
    contacts: '次数',
    remarks: '备注',
    remarksFor: (n) => `${n} 的备注`,
    tableLabel: (month) => `${month} 客户联系表`,
    empty: '本月没有客户。',
    weekdays: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
};

export const sheetWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    sheet: (typeof en)['sheet'];
  }
}
