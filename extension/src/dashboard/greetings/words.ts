import type { Dictionary } from '../../platform/i18n/words.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The words of the dashboard's greetings view. */
const en = {
  greetings: {
    title: 'Greetings',
    explain: 'Greet each person individually, with a message of your own: never a bulk send.',
    friday: (n: number) =>
      `Friday list: ${plural(n, '1 key person', `${n} key people`)} of A customers not greeted this week`,
    todayFriday: 'It is Friday: greet them today.',
    notFriday: 'Greet them on Friday.',
    fridayDone: 'Everyone on the list has been greeted this week.',
    fridayOccasion: 'Friday greeting',
    birthdays: (d: number) => `Birthdays in the next ${d} days`,
    birthdayOn: (date: string) => `Birthday ${date}`,
    birthdayOccasion: 'Birthday',
    noBirthdays: 'No birthdays coming up.',
    holidays: (d: number) => `Holidays in the next ${d} days`,
    noHolidays: 'No holidays coming up.',
    cardLabel: (n: string, c: string) => `${n}, ${c}`,
    draftFor: (n: string) => `Draft for ${n}`,
    copy: 'Copy',
    sms: 'Send SMS',
    noMobile: 'no mobile on file',
    log: 'Log greeting',
    greeted: 'Greeted ✓',
    logged: (n: string) => `Greeting to ${n} logged.`,
  },
};

const zhCN: typeof en = {
  greetings: {
    title: '问候',
    explain: '逐一问候，每人一条自己的话，决不群发。',
    friday: (n) => `周五名单：本周尚未问候的 A 类客户关键人 ${n} 位`,
    todayFriday: '今天是周五，请逐一问候。',
    notFriday: '请在周五问候。',
    fridayDone: '名单上的人本周都已问候。',
    fridayOccasion: '周五问候',
    birthdays: (d) => `未来 ${d} 天的生日`,
    birthdayOn: (date) => `生日 ${date}`,
    birthdayOccasion: '生日',
    noBirthdays: '近期没有生日。',
    holidays: (d) => `未来 ${d} 天的节日`,
    noHolidays: '近期没有节日。',
    cardLabel: (n, c) => `${n}，${c}`,
    draftFor: (n) => `给 ${n} 的问候`,
    copy: '复制',
    sms: '发短信',
    noMobile: '档案中没有手机号',
    log: '记录问候',
    greeted: '已问候 ✓',
    logged: (n) => `已记录对 ${n} 的问候。`,
  },
};

export const greetingsWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../common/words.ts' {
  interface DashboardWords {
    greetings: (typeof en)['greetings'];
  }
}
