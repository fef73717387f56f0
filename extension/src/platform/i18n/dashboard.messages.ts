import type { CompanyType, CustomerStatus, DueReason, LostReason, SizeClass, Stage, Tier } from '@dossier/shared';
import type { z } from 'zod';

type VisitField = 'peopleMet' | 'needs' | 'environment' | 'entryPoint' | 'nextStep';
type PersonField =
  | 'name'
  | 'title'
  | 'mobile'
  | 'directLine'
  | 'email'
  | 'birthday'
  | 'homeAddress'
  | 'greetingHook'
  | 'preferences'
  | 'birthdayLunar'
  | 'keyPerson';
type View =
  | 'board'
  | 'customers'
  | 'customer'
  | 'sheet'
  | 'visit'
  | 'commitments'
  | 'reclass'
  | 'greetings'
  | 'lost'
  | 'pipeline';

/** The words of a reclassification proposal's reasons (dashboard/reclass/reasons.ts). */
export interface ReasonWords {
  intention_high: (count: number) => string;
  intention_low: (count: number) => string;
  calls_below_cadence: (count: number, expected: number) => string;
  calls_met_cadence: (count: number, expected: number) => string;
  silent_month: string;
  signed: string;
  land_won: string;
  visits_made: (count: number) => string;
  /** A code this version does not know (a newer server): shown as it is. */
  unknown: (code: string) => string;
}

/** Every string of the full-page dashboard (and the enum words it shares with the options page). */
export interface DashboardMessages {
  title: string;
  /** The side panel's button. */
  open: string;
  nav: Record<View, string> & { label: string };
  common: {
    loading: string;
    refresh: string;
    save: string;
    saving: string;
    saved: string;
    cancel: string;
    edit: string;
    remove: string;
    change: string;
    print: string;
    all: string;
    none: string;
    refused: (message: string) => string;
  };
  statuses: Record<CustomerStatus, string>;
  stages: Record<Stage, string>;
  companyTypes: Record<z.infer<typeof CompanyType>, string>;
  sizeClasses: Record<z.infer<typeof SizeClass>, string>;
  lostReasons: Record<LostReason, string>;
  dueReasons: Record<z.infer<typeof DueReason>, string>;
  board: {
    title: string;
    columns: { overdue: string; today: string; tomorrow: string; thisWeek: string };
    count: (n: number) => string;
    empty: string;
    markKept: string;
    kept: string;
    visitRecord: string;
    focus: { title: string; today: string; tomorrow: string; week: string; hint: string };
  };
  customers: {
    title: string;
    search: string;
    searchHint: string;
    results: string;
    found: (n: number) => string;
    matched: (field: string) => string;
    index: string;
    shown: (shown: number, total: number) => string;
    capped: (n: number) => string;
    none: string;
    create: {
      open: string;
      title: string;
      name: string;
      tier: string;
      website: string;
      phone: string;
      save: string;
      created: (name: string) => string;
      addedTo: (name: string) => string;
    };
    filters: {
      title: string;
      tier: string;
      status: string;
      stage: string;
      region: (level: number) => string;
      companyType: string;
      sizeClass: string;
      owner: string;
      overdue: string;
      clear: string;
    };
  };
  file: {
    followUps: string;
    sections: {
      fields: string;
      people: string;
      keys: string;
      materials: string;
      parcels: string;
      commitments: string;
      history: string;
      tiers: string;
    };
    fields: {
      groups: { company: string; classification: string; contact: string; business: string };
      name: string;
      tier: string;
      status: string;
      stage: string;
      owner: string;
      nextStep: string;
      region: string;
      regionHint: string;
      companyType: string;
      sizeClass: string;
      industry: string;
      phones: string;
      fax: string;
      emails: string;
      listHint: string;
      address: string;
      website: string;
      businessScope: string;
      products: string;
      trends: string;
      notes: string;
    };
    people: {
      none: string;
      add: string;
      edit: (name: string) => string;
      remove: (name: string) => string;
      confirmRemove: (name: string) => string;
      fields: Record<PersonField, string>;
      hints: { greetingHook: string; preferences: string };
    };
    keys: { none: string; add: string; kind: string; value: string; remove: (v: string) => string; taken: string };
    materials: {
      none: string;
      number: (n: number) => string;
      add: string;
      title: string;
      url: string;
      file: string;
      download: (fileName: string) => string;
      remove: (n: number) => string;
      confirmRemove: (n: number, title: string) => string;
      tooBig: string;
      badUrl: string;
    };
    parcels: {
      none: string;
      parcelNo: string;
      location: string;
      area: string;
      use: string;
      dealPrice: string;
      dealDate: string;
      status: string;
      statuses: { listed: string; dealt: string };
    };
    history: {
      intention: (level: string) => string;
      outcome: (text: string) => string;
      appointment: (when: string) => string;
      cancelled: (when: string) => string;
      keptAppointment: string;
      visitRecord: string;
      source: string;
    };
    tiers: { none: string; first: (tier: string) => string; change: (from: string, to: string) => string };
    lost: {
      title: string;
      ask: (name: string) => string;
      reason: string;
      choose: string;
      note: string;
      confirm: string;
      done: string;
      was: (when: string, why: string) => string;
    };
  };
  sheet: {
    title: string;
    month: string;
    previous: string;
    next: string;
    groupBy: string;
    byTier: string;
    byRegion: string;
    exportXlsx: string;
    exportCsv: string;
    customer: string;
    contacts: string;
    remarks: string;
    remarksFor: (name: string) => string;
    tableLabel: (month: string) => string;
    empty: string;
    weekdays: [string, string, string, string, string, string, string];
  };
  visit: {
    title: string;
    document: string;
    customer: string;
    at: string;
    person: string;
    fields: Record<VisitField | 'summary', string>;
    hints: Record<VisitField, string>;
    alsoNextStep: string;
    save: string;
    saved: string;
    backToFile: string;
    notFound: string;
  };
  commitments: {
    title: string;
    add: string;
    added: string;
    customer: string;
    text: string;
    textHint: string;
    due: string;
    actions: string;
    none: string;
    noneOpen: string;
    markKept: (text: string) => string;
    keptOn: (when: string) => string;
  };
  reclass: {
    title: string;
    explain: string;
    partial: (through: string) => string;
    proposals: (n: number) => string;
    none: string;
    move: (from: Tier, to: Tier) => string;
    accept: string;
    reject: string;
    accepted: (name: string, to: Tier) => string;
    rejected: (name: string) => string;
    distribution: string;
    tier: string;
    count: string;
    share: string;
    guide: string;
    gap: (points: number) => string;
    reasons: ReasonWords;
  };
  greetings: {
    title: string;
    explain: string;
    friday: (n: number) => string;
    todayFriday: string;
    notFriday: string;
    fridayDone: string;
    fridayOccasion: string;
    birthdays: (days: number) => string;
    birthdayOn: (date: string) => string;
    birthdayOccasion: string;
    noBirthdays: string;
    holidays: (days: number) => string;
    noHolidays: string;
    cardLabel: (name: string, customer: string) => string;
    draftFor: (name: string) => string;
    copy: string;
    sms: string;
    noMobile: string;
    log: string;
    greeted: string;
    logged: (name: string) => string;
  };
  lost: {
    title: string;
    from: string;
    to: string;
    byTier: string;
    byOwner: string;
    byReason: string;
    none: string;
    customer: string;
    owner: string;
    when: string;
    why: string;
    note: string;
  };
  pipeline: {
    title: string;
    explain: string;
    followUps: (n: number) => string;
    nextStepFor: (name: string) => string;
    nextStepHint: string;
  };
}

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

export const dashboardEn: DashboardMessages = {
  title: 'Dossier dashboard',
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
  },
  common: {
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
    refused: (msg) => `The server refused: ${msg}`,
  },
  statuses: { prospect: 'Prospect', active: 'Active', signed: 'Signed', lost: 'Lost' },
  stages: {
    land_won: 'Land won',
    contacted: 'Contacted',
    serviced: 'Serviced',
    proposal: 'Proposal',
    signed: 'Signed',
    after_sales: 'After-sales',
  },
  companyTypes: {
    foreign: 'Foreign-owned',
    joint_venture: 'Joint venture',
    joint_stock: 'Joint-stock',
    private: 'Private',
    state: 'State-owned',
    other: 'Other',
  },
  sizeClasses: {
    super: 'Super (assets ≥ ¥100M)',
    large: 'Large (≥ ¥10M)',
    medium: 'Medium (≥ ¥5M)',
    small: 'Small',
  },
  lostReasons: {
    price: 'Price',
    competitor: 'Went to a competitor',
    service: 'Service',
    quality: 'Quality',
    relationship: 'Relationship',
    no_need: 'No longer needed',
    closed: 'Company closed',
    other: 'Other',
  },
  dueReasons: { call: 'Call', visit: 'Visit', appointment: 'Appointment', commitment: 'Commitment' },
  board: {
    title: 'Board',
    columns: { overdue: 'Overdue', today: 'Today', tomorrow: 'Tomorrow', thisWeek: 'This week' },
    count: (n) => plural(n, '1 item', `${n} items`),
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
  customers: {
    title: 'Customers',
    search: 'Search customers',
    searchHint: 'Name, pinyin initials (jhrt), phone or domain',
    results: 'Search results',
    found: (n) => plural(n, '1 customer found', `${n} customers found`),
    matched: (f) => `matched by ${MATCHED_EN[f] ?? f}`,
    index: 'A–Z index',
    shown: (s, t) => `${s} of ${t} customers`,
    capped: (n) => `only the first ${n} are listed; search finds the others`,
    none: 'No customer matches these filters.',
    create: {
      open: 'New customer',
      title: 'New customer file',
      name: 'Company name',
      tier: 'Tier',
      website: 'Website',
      phone: 'Phone',
      save: 'Create',
      created: (n) => `${n} is on file.`,
      addedTo: (n) => `Added to ${n}.`,
    },
    filters: {
      title: 'Filters',
      tier: 'Tier',
      status: 'Status',
      stage: 'Stage',
      region: (level) => (level === 0 ? 'Region' : `Region, level ${level + 1}`),
      companyType: 'Company type',
      sizeClass: 'Size class',
      owner: 'Owner',
      overdue: 'Overdue only',
      clear: 'Clear filters',
    },
  },
  file: {
    followUps: 'Follow-ups',
    sections: {
      fields: 'Customer file',
      people: 'People',
      keys: 'Matching keys',
      materials: 'Materials',
      parcels: 'Parcels',
      commitments: 'Commitments',
      history: 'Contact history',
      tiers: 'Tier history',
    },
    fields: {
      groups: { company: 'Company', classification: 'Classification', contact: 'Contact', business: 'Business' },
      name: 'Company name',
      tier: 'Tier',
      status: 'Status',
      stage: 'Stage',
      owner: 'Owner',
      nextStep: 'Next step',
      region: 'Region',
      regionHint: 'Outermost first: 华东 / 江苏 / 徐州',
      companyType: 'Company type',
      sizeClass: 'Size class',
      industry: 'Industry position',
      phones: 'Phones',
      fax: 'Fax',
      emails: 'E-mails',
      listHint: 'One per line',
      address: 'Address',
      website: 'Website',
      businessScope: 'Business scope',
      products: 'Leading products',
      trends: 'Industry trends',
      notes: 'Notes',
    },
    people: {
      none: 'No one recorded yet.',
      add: 'Add person',
      edit: (n) => `Edit ${n}`,
      remove: (n) => `Remove ${n}`,
      confirmRemove: (n) => `Remove ${n} from this file?`,
      fields: {
        name: 'Name',
        title: 'Title',
        mobile: 'Mobile',
        directLine: 'Direct line',
        email: 'E-mail',
        birthday: 'Birthday',
        homeAddress: 'Home address',
        greetingHook: 'Greeting line',
        preferences: 'Preferences (private)',
        birthdayLunar: 'Lunar birthday (农历)',
        keyPerson: 'Key person',
      },
      hints: {
        greetingHook:
          'The one personal line a greeting draft may use, written to be sent (“your marathon”, “周末钓鱼”).',
        preferences: 'Private notes for you: never put into a greeting or message.',
      },
    },
    keys: {
      none: 'No keys: this customer is not recognised on any page yet.',
      add: 'Add key',
      kind: 'Key kind',
      value: 'Key value',
      remove: (v) => `Remove key ${v}`,
      taken: 'Another customer already holds this key.',
    },
    materials: {
      none: 'No materials collected yet.',
      number: (n) => `No. ${n}`,
      add: 'Add material',
      title: 'Material title',
      url: 'Link',
      file: 'or a file',
      download: (f) => `Download ${f}`,
      remove: (n) => `Remove material ${n}`,
      confirmRemove: (n, t) => `Remove material No. ${n} (${t})?`,
      tooBig: 'That file is too large (700 KB at most); add a link to it instead.',
      badUrl: 'Give an http or https link.',
    },
    parcels: {
      none: 'No parcels.',
      parcelNo: 'Parcel no.',
      location: 'Location',
      area: 'Area',
      use: 'Use',
      dealPrice: 'Deal price',
      dealDate: 'Deal date',
      status: 'Status',
      statuses: { listed: 'Listed (watching)', dealt: 'Dealt' },
    },
    history: {
      intention: (l) => `Intention: ${l}`,
      outcome: (t) => `Outcome: ${t}`,
      appointment: (w) => `Next contact fixed: ${w}`,
      cancelled: (w) => `cancelled ${w}`,
      keptAppointment: 'Outcome of the appointment',
      visitRecord: 'Visit record',
      source: 'Source page',
    },
    tiers: {
      none: 'No tier changes.',
      first: (t) => `Filed as tier ${t}`,
      change: (f, t) => `Tier ${f} → ${t}`,
    },
    lost: {
      title: 'Mark lost',
      ask: (n) => `Why was ${n} lost? The reason goes into the lost-customer analysis.`,
      reason: 'Reason',
      choose: 'Choose a reason…',
      note: 'What happened',
      confirm: 'Mark as lost',
      done: 'Marked as lost.',
      was: (when, why) => `Lost on ${when}: ${why}`,
    },
  },
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
    remarksFor: (n) => `Remarks for ${n}`,
    tableLabel: (month) => `Contact sheet ${month}`,
    empty: 'No customers this month.',
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
  visit: {
    title: 'Visit record',
    document: 'Customer visit record',
    customer: 'Customer',
    at: 'Visit date and time',
    person: 'Main person met',
    fields: {
      peopleMet: 'People met',
      needs: 'Needs analysed',
      environment: 'Environment assessed',
      entryPoint: 'Service entry point',
      nextStep: 'Next step',
      summary: 'Summary',
    },
    hints: {
      peopleMet: 'Who was there, with their titles',
      needs: 'What the customer needs, stated and unstated',
      environment: 'Their situation, competitors, decision process',
      entryPoint: 'Where our service comes in',
      nextStep: 'The next action and its date',
    },
    alsoNextStep: "Also make the next step the file's next step",
    save: 'Save visit',
    saved: 'Visit saved.',
    backToFile: 'Open the customer file',
    notFound: 'This visit is not in the file.',
  },
  commitments: {
    title: 'Commitments',
    add: 'Add commitment',
    added: 'Commitment added.',
    customer: 'Customer',
    text: 'Promise',
    textHint: 'Send the proposal',
    due: 'Due',
    actions: 'Actions',
    none: 'No commitments.',
    noneOpen: 'No open commitments.',
    markKept: (t) => `Mark kept: ${t}`,
    keptOn: (w) => `kept ${w}`,
  },
  reclass: {
    title: 'Monthly reclassification',
    explain:
      "Proposals from the month's contact record, intention and deals. Accepted changes go into the tier history with their reasons.",
    partial: (t) => `This month is not over yet: judged up to ${t} only, counting the contacts due by then.`,
    proposals: (n) => plural(n, '1 proposal', `${n} proposals`),
    none: 'No tier changes proposed for this month.',
    move: (f, t) => `Tier ${f} to ${t}`,
    accept: 'Accept',
    reject: 'Reject',
    accepted: (n, t) => `${n} is now tier ${t}.`,
    rejected: (n) => `${n} keeps its tier.`,
    distribution: 'Tier distribution',
    tier: 'Tier',
    count: 'Customers',
    share: 'Share',
    guide: 'Guide',
    gap: (p) => `${Math.abs(p)} ${Math.abs(p) === 1 ? 'point' : 'points'} ${p > 0 ? 'over' : 'under'}`,
    reasons: {
      intention_high: (n) => `high intention shown ${n === 1 ? 'once' : `${n} times`}`,
      intention_low: (n) => `low intention shown ${n === 1 ? 'once' : `${n} times`}`,
      calls_below_cadence: (n, e) => `only ${n} ${n === 1 ? 'call' : 'calls'} of the ${e} the cadence asks for`,
      calls_met_cadence: (n, e) => `${n} ${n === 1 ? 'call' : 'calls'}, the cadence asks for ${e}`,
      silent_month: 'no contact all month',
      signed: 'signed this month',
      land_won: 'won land this month',
      visits_made: (n) => plural(n, '1 visit', `${n} visits`),
      unknown: (code) => code,
    },
  },
  greetings: {
    title: 'Greetings',
    explain: 'Greet each person individually, with a message of your own: never a bulk send.',
    friday: (n) => `Friday list: ${plural(n, '1 key person', `${n} key people`)} of A customers not greeted this week`,
    todayFriday: 'It is Friday: greet them today.',
    notFriday: 'Greet them on Friday.',
    fridayDone: 'Everyone on the list has been greeted this week.',
    fridayOccasion: 'Friday greeting',
    birthdays: (d) => `Birthdays in the next ${d} days`,
    birthdayOn: (date) => `Birthday ${date}`,
    birthdayOccasion: 'Birthday',
    noBirthdays: 'No birthdays coming up.',
    holidays: (d) => `Holidays in the next ${d} days`,
    noHolidays: 'No holidays coming up.',
    cardLabel: (n, c) => `${n}, ${c}`,
    draftFor: (n) => `Draft for ${n}`,
    copy: 'Copy',
    sms: 'Send SMS',
    noMobile: 'no mobile on file',
    log: 'Log greeting',
    greeted: 'Greeted ✓',
    logged: (n) => `Greeting to ${n} logged.`,
  },
  lost: {
    title: 'Lost customers',
    from: 'From',
    to: 'To',
    byTier: 'By tier',
    byOwner: 'By owner',
    byReason: 'By reason',
    none: 'No customers lost in this period.',
    customer: 'Customer',
    owner: 'Owner',
    when: 'Lost on',
    why: 'Reason',
    note: 'What happened',
  },
  pipeline: {
    title: 'Follow-up pipeline',
    explain: 'Most deals close after the 4th to 11th follow-up: track each case step by step.',
    followUps: (n) => plural(n, '1 follow-up in this stage', `${n} follow-ups in this stage`),
    nextStepFor: (n) => `Next step for ${n}`,
    nextStepHint: 'Next step…',
  },
};

export const dashboardZhCN: DashboardMessages = {
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
  },
  common: {
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
  file: {
    followUps: '跟进次数',
    sections: {
      fields: '客户档案',
      people: '联系人',
      keys: '识别信息',
      materials: '资料',
      parcels: '宗地',
      commitments: '承诺事项',
      history: '联系记录',
      tiers: '等级变更',
    },
    fields: {
      groups: { company: '公司', classification: '分类', contact: '联系方式', business: '经营' },
      name: '公司名称',
      tier: '等级',
      status: '状态',
      stage: '阶段',
      owner: '负责人',
      nextStep: '下一步',
      region: '区域',
      regionHint: '由大到小：华东 / 江苏 / 徐州',
      companyType: '企业性质',
      sizeClass: '规模',
      industry: '行业地位',
      phones: '电话',
      fax: '传真',
      emails: '邮箱',
      listHint: '每行一个',
      address: '地址',
      website: '网址',
      businessScope: '经营范围',
      products: '主导产品',
      trends: '发展动向',
      notes: '备注',
    },
    people: {
      none: '尚未记录联系人。',
      add: '添加联系人',
      edit: (n) => `编辑 ${n}`,
      remove: (n) => `删除 ${n}`,
      confirmRemove: (n) => `从档案中删除 ${n}？`,
      fields: {
        name: '姓名',
        title: '职务',
        mobile: '手机',
        directLine: '直线电话',
        email: '邮箱',
        birthday: '生日',
        homeAddress: '家庭住址',
        greetingHook: '问候语句',
        preferences: '爱好（私人备注）',
        birthdayLunar: '农历生日',
        keyPerson: '关键人',
      },
      hints: {
        greetingHook: '问候草稿唯一可用的个人化语句，请写成可以直接发给对方的话（如“周末钓鱼”）。',
        preferences: '仅供自己参考的私人备注，不会出现在任何问候或消息中。',
      },
    },
    keys: {
      none: '没有识别信息：还不能在网页上认出这个客户。',
      add: '添加识别信息',
      kind: '类型',
      value: '内容',
      remove: (v) => `删除 ${v}`,
      taken: '另一个客户已经使用了这条识别信息。',
    },
    materials: {
      none: '尚未收集资料。',
      number: (n) => `第 ${n} 号`,
      add: '添加资料',
      title: '资料名称',
      url: '链接',
      file: '或上传文件',
      download: (f) => `下载 ${f}`,
      remove: (n) => `删除第 ${n} 号资料`,
      confirmRemove: (n, t) => `删除第 ${n} 号资料（${t}）？`,
      tooBig: '文件太大（最大 700 KB），请改为添加链接。',
      badUrl: '请输入 http 或 https 链接。',
    },
    parcels: {
      none: '没有宗地。',
      parcelNo: '宗地编号',
      location: '地块位置',
      area: '面积',
      use: '用途',
      dealPrice: '成交价',
      dealDate: '成交日期',
      status: '状态',
      statuses: { listed: '挂牌（关注中）', dealt: '已成交' },
    },
    history: {
      intention: (l) => `合作意向：${l}`,
      outcome: (t) => `结果：${t}`,
      appointment: (w) => `约定下次联系：${w}`,
      cancelled: (w) => `已于 ${w} 取消`,
      keptAppointment: '履行约定',
      visitRecord: '拜访表',
      source: '来源页面',
    },
    tiers: {
      none: '等级没有变更。',
      first: (t) => `建档为 ${t} 类`,
      change: (f, t) => `${f} 类 → ${t} 类`,
    },
    lost: {
      title: '标记流失',
      ask: (n) => `${n} 为什么流失？原因会计入流失客户分析。`,
      reason: '原因',
      choose: '请选择原因…',
      note: '具体情况',
      confirm: '标记为流失',
      done: '已标记为流失。',
      was: (when, why) => `${when} 流失：${why}`,
    },
  },
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
  visit: {
    title: '客户拜访表',
    document: '客户拜访表',
    customer: '客户',
    at: '拜访时间',
    person: '主要拜访对象',
    fields: {
      peopleMet: '会见人员',
      needs: '需求分析',
      environment: '环境评估',
      entryPoint: '服务切入点',
      nextStep: '下一步',
      summary: '拜访纪要',
    },
    hints: {
      peopleMet: '在场人员及职务',
      needs: '客户明确的和潜在的需求',
      environment: '客户现状、竞争对手、决策流程',
      entryPoint: '我们的服务从哪里切入',
      nextStep: '下一步行动及时间',
    },
    alsoNextStep: '同时设为档案的“下一步”',
    save: '保存拜访',
    saved: '拜访已保存。',
    backToFile: '打开客户档案',
    notFound: '档案中没有这次拜访。',
  },
  commitments: {
    title: '承诺事项',
    add: '添加承诺',
    added: '已添加承诺。',
    customer: '客户',
    text: '承诺内容',
    textHint: '发送方案',
    due: '截止时间',
    actions: '操作',
    none: '没有承诺事项。',
    noneOpen: '没有未兑现的承诺。',
    markKept: (t) => `标记已兑现：${t}`,
    keptOn: (w) => `${w} 已兑现`,
  },
  reclass: {
    title: '月度重新分类',
    explain: '根据本月联系记录、合作意向和成交情况提出等级调整建议。接受的调整连同原因记入等级变更记录。',
    partial: (t) => `本月尚未结束：只评估到 ${t} 为止，只计算到那时应有的联系。`,
    proposals: (n) => `${n} 条建议`,
    none: '本月没有等级调整建议。',
    move: (f, t) => `${f} 类调为 ${t} 类`,
    accept: '接受',
    reject: '不接受',
    accepted: (n, t) => `${n} 已调为 ${t} 类。`,
    rejected: (n) => `${n} 保持原等级。`,
    distribution: '等级分布',
    tier: '等级',
    count: '客户数',
    share: '占比',
    guide: '参考比例',
    gap: (p) => (p > 0 ? `高出 ${p} 个百分点` : `低 ${-p} 个百分点`),
    reasons: {
      intention_high: (n) => `${n} 次表现出较高合作意向`,
      intention_low: (n) => `${n} 次表现出较低合作意向`,
      calls_below_cadence: (n, e) => `电话仅 ${n} 次，按频次应有 ${e} 次`,
      calls_met_cadence: (n, e) => `电话 ${n} 次，达到频次要求（${e} 次）`,
      silent_month: '整月没有联系',
      signed: '本月签约',
      land_won: '本月竞得土地',
      visits_made: (n) => `拜访 ${n} 次`,
      unknown: (code) => code,
    },
  },
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
  lost: {
    title: '流失客户',
    from: '从',
    to: '到',
    byTier: '按等级',
    byOwner: '按负责人',
    byReason: '按原因',
    none: '这段时间没有流失客户。',
    customer: '客户',
    owner: '负责人',
    when: '流失时间',
    why: '原因',
    note: '具体情况',
  },
  pipeline: {
    title: '跟进进度',
    explain: '多数生意在第 4 到第 11 次跟进后成交：一步一步跟踪每个项目直到完成。',
    followUps: (n) => `本阶段共跟进 ${n} 次`,
    nextStepFor: (n) => `${n} 的下一步`,
    nextStepHint: '下一步…',
  },
};
