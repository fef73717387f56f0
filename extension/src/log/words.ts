import type { InteractionKind } from '@dossier/shared';
import type { Dictionary } from '../platform/i18n/words.ts';

/** The words of logging a contact: the form, the kinds of contact, intentions. */
const en = {
  form: {
    title: 'Log a contact',
    kind: 'Kind',
    person: 'Person',
    nobody: '—',
    outcome: 'Outcome',
    intention: 'Intention',
    intentionNone: 'Not assessed',
    note: 'Note',
    nextContact: 'Next contact',
    when: 'When',
    whenHint: 'Empty for now; an earlier time for a contact made before.',
    future: 'A contact cannot be in the future. Pick a time up to now.',
    meetsAppointment: (w: string) => `Keeps the appointment of ${w}`,
    submit: 'Log',
    cancel: 'Cancel',
    quickPicks: 'Pick a day',
    pickTomorrow: 'Tomorrow',
    pickMonday: 'Next Monday',
    pickCadence: 'By cadence',
    cadenceHint: 'No appointment: the tier’s cadence sets when the next call and visit are due.',
  },
  kinds: {
    call: 'Call',
    visit: 'Visit',
    email: 'E-mail',
    sms: 'SMS',
    meeting: 'Meeting',
    greeting: 'Greeting',
    note: 'Note',
  } satisfies Record<InteractionKind, string>,
  intentions: { high: 'High', medium: 'Medium', low: 'Low' },
};

const zhCN: typeof en = {
  form: {
    title: '记录联系',
    kind: '方式',
    person: '联系人',
    nobody: '—',
    outcome: '结果',
    intention: '合作意向',
    intentionNone: '未评估',
    note: '备注',
    nextContact: '下次联系',
    when: '时间',
    whenHint: '留空表示现在；之前发生的联系请选当时的时间。',
    future: '联系时间不能晚于现在，请选择现在或之前的时间。',
    meetsAppointment: (w) => `履行了 ${w} 的约定`,
    submit: '记录',
    cancel: '取消',
    quickPicks: '快速选择日期',
    pickTomorrow: '明天',
    pickMonday: '下周一',
    pickCadence: '按节奏',
    cadenceHint: '不约定时间：下次电话和拜访按客户等级的节奏到期。',
  },
  kinds: {
    call: '电话',
    visit: '拜访',
    email: '邮件',
    sms: '短信',
    meeting: '会面',
    greeting: '问候',
    note: '备注',
  },
  intentions: { high: '高', medium: '中', low: '低' },
};

export const logWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../platform/i18n/words.ts' {
  interface Words {
    form: (typeof en)['form'];
    kinds: (typeof en)['kinds'];
    intentions: (typeof en)['intentions'];
  }
}
