import type { Dictionary } from '../../platform/i18n/words.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The words of the dashboard's board view. */
const en = {
  board: {
    title: 'Board',
    columns: { overdue: 'Overdue', today: 'Today', tomorrow: 'Tomorrow', thisWeek: 'This week' },
    count: (n: number) => plural(n, '1 item', `${n} items`),
    empty: 'Nothing here.',
    markKept: 'Mark kept',
    kept: 'Commitment kept.',
    visitRecord: 'Visit record',
    focus: {
      title: 'Focus',
      today: "Today's focus",
      tomorrow: "Tomorrow's focus",
      week: "This week's focus",
      hint: 'Key work items, one per line',
    },
  },
};

const zhCN: typeof en = {
  board: {
    title: '看板',
    columns: { overdue: '已逾期', today: '今天', tomorrow: '明天', thisWeek: '本周' },
    count: (n) => `${n} 项`,
    empty: '暂无。',
    markKept: '标记已兑现',
    kept: '承诺已兑现。',
    visitRecord: '拜访表',
    focus: {
      title: '工作重点',
      today: '今日重点',
      tomorrow: '明日重点',
      week: '本周重点',
      hint: '重点工作事项，每行一项',
    },
  },
};

export const boardWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    board: (typeof en)['board'];
  }
}
