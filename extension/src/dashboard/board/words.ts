import type { Dictionary } from '../../platform/i18n/words.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The words of the dashboard's board view. */
const en = {
  board: {
    title: 'Board',
    columns: {
      overdue: 'Overdue',
      today: 'Today',
      tomorrow: 'Tomorrow',
      thisWeek: 'This week',
      later: 'Next week and later',
    },
    tierFilter: 'Tier',
    allTiers: 'All tiers',
    tierOption: (t: string) => `${t} customers`,
    callWho: (name: string | null) => (name ? `Call ${name}:` : 'Company phone:'),
    noNumber: 'No phone number on file.',
    greetings: {
      title: "Today's birthdays and greetings",
      none: 'No birthday or holiday today.',
      birthday: 'Birthday',
      lunarBirthday: 'Birthday (lunar)',
      holidayPeople: (n: number) => plural(n, '1 key person to greet', `${n} key people to greet`),
      fridayTitle: 'Friday greetings',
      fridayPeople: (n: number) =>
        plural(n, '1 key person not yet greeted this week', `${n} key people not yet greeted this week`),
      open: 'Open the greetings and their drafts',
    },
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
    columns: { overdue: '已逾期', today: '今天', tomorrow: '明天', thisWeek: '本周', later: '下周及以后' },
    tierFilter: '分级',
    allTiers: '全部分级',
    tierOption: (t) => `${t} 类客户`,
    callWho: (name) => (name ? `联系 ${name}：` : '公司电话：'),
    noNumber: '档案里没有电话。',
    greetings: {
      title: '今日生日与祝福',
      none: '今天没有生日或节日。',
      birthday: '生日',
      lunarBirthday: '农历生日',
      holidayPeople: (n) => `${n} 位关键人待问候`,
      fridayTitle: '周五问候',
      fridayPeople: (n) => `本周还有 ${n} 位关键人未问候`,
      open: '打开祝福页和草稿',
    },
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
