import type { KeyKind } from '@dossier/shared';

/** The capture preview, webmail card and context menu, in both languages (nested under `capture`). */
export interface CaptureMessages {
  menuTitle: string;
  previewTitle: string;
  reviewHint: string;
  reading: string;
  readFailed: (reason: string) => string;
  readBy: (adapter: string) => string;
  source: string;
  warnings: string;
  nothingFound: string;
  sections: {
    matches: string;
    changes: (date: string) => string;
    message: string;
    company: string;
    people: string;
    parcels: string;
    save: string;
  };
  fields: {
    name: string;
    creditCode: string;
    icp: string;
    website: string;
    phones: string;
    faxes: string;
    emails: string;
    address: string;
    businessScope: string;
    products: string;
  };
  person: { name: string; title: string; mobile: string; phone: string; email: string };
  parcel: {
    parcelNo: string;
    location: string;
    areaM2: string;
    use: string;
    method: string;
    startPrice: string;
    dealPrice: string;
    dealDate: string;
    winner: string;
  };
  keep: (label: string) => string;
  personN: (n: number) => string;
  parcelN: (n: number) => string;
  add: (label: string) => string;
  addPerson: string;
  openLink: string;
  problems: { creditCode: string; number: string; date: string; personName: string };
  lookingUp: string;
  noMatches: string;
  matchesUnavailable: (reason: string) => string;
  reasons: Record<KeyKind, (value: string) => string>;
  /** The page's company name is exactly the file's (after trimming): more than "similar". */
  sameName: string;
  addTo: (name: string) => string;
  /** Saving a second file of a company already on file: asked once. */
  confirmNew: (name: string) => string;
  confirmNewYes: string;
  confirmNewNo: string;
  /** A long list shows its first entries (shown.tsx). */
  showingFirst: (shown: string, total: string) => string;
  showMore: (n: string) => string;
  /** A land list's parcels past the preview's, on their way from the background. */
  readingRest: (n: string) => string;
  restFailed: (message: string) => string;
  tier: string;
  tierOption: (tier: 'A' | 'B' | 'C') => string;
  saveNew: string;
  nameNeeded: string;
  saveLand: string;
  saveLandHint: string;
  addDomainKey: (host: string) => string;
  findCustomer: string;
  searching: string;
  noResults: string;
  cancel: string;
  saved: string;
  savedLand: (parcels: number, created: number) => string;
  savedInto: (n: number) => string;
  changes: {
    added: string;
    removed: string;
    changed: string;
    none: string;
    people: string;
    parcels: string;
  };
  outboxLabel: string;
  webmail: {
    reading: string;
    noMessage: string;
    from: string;
    subject: string;
    note: string;
    personAt: (person: string, customer: string) => string;
    unknownSender: string;
    unknownSenderHint: (email: string) => string;
    addSender: string;
    logEmail: string;
  };
}

export const captureEn: CaptureMessages = {
  menuTitle: 'Add selection to customer file',
  previewTitle: 'Capture preview',
  reviewHint: 'Untick what you do not want, correct what is wrong, then save.',
  reading: 'Reading the page…',
  readFailed: (r) => `Could not read this page: ${r}`,
  readBy: (a) => `Read by the ${a} adapter`,
  source: 'Page',
  warnings: 'Notes from the adapter',
  nothingFound: 'Nothing recognisable was found. Fill in what you know.',
  sections: {
    matches: 'Already in your files?',
    changes: (d) => `What changed since the capture of ${d}`,
    message: 'Message',
    company: 'Company',
    people: 'People',
    parcels: 'Parcels',
    save: 'Save',
  },
  fields: {
    name: 'Company name',
    creditCode: 'Credit code',
    icp: 'ICP number',
    website: 'Website',
    phones: 'Phone',
    faxes: 'Fax',
    emails: 'E-mail',
    address: 'Address',
    businessScope: 'Business scope',
    products: 'Product',
  },
  person: { name: 'Name', title: 'Title', mobile: 'Mobile', phone: 'Direct line', email: 'E-mail' },
  parcel: {
    parcelNo: 'Parcel no.',
    location: 'Location',
    areaM2: 'Area (m²)',
    use: 'Use',
    method: 'Method',
    startPrice: 'Start price (yuan)',
    dealPrice: 'Deal price (yuan)',
    dealDate: 'Deal date',
    winner: 'Winner',
  },
  keep: (l) => `Keep ${l}`,
  personN: (n) => `Person ${n}`,
  parcelN: (n) => `Parcel ${n}`,
  add: (l) => `+ ${l}`,
  addPerson: '+ Person',
  openLink: 'Open',
  problems: {
    creditCode: 'Not a valid 18-character credit code.',
    number: 'Enter a number.',
    date: 'Enter a date as YYYY-MM-DD.',
    personName: 'A person needs a name.',
  },
  lookingUp: 'Looking for this company in your files…',
  noMatches: 'No customer in your files matches.',
  matchesUnavailable: (r) => `Could not look up your files: ${r}`,
  reasons: {
    credit_code: (v) => `same credit code ${v}`,
    icp: (v) => `same ICP number ${v}`,
    domain: (v) => `same domain ${v}`,
    email_domain: (v) => `same e-mail domain ${v}`,
    email: (v) => `same e-mail address ${v}`,
    name: () => 'similar name',
  },
  sameName: 'same name',
  addTo: (n) => `Add to ${n}`,
  confirmNew: (n) => `${n} is already in your files. Save a second, separate file anyway?`,
  confirmNewYes: 'Save as new anyway',
  confirmNewNo: 'Back',
  showingFirst: (shown, total) => `Showing the first ${shown} of ${total}; the others are saved as read.`,
  showMore: (n) => `Show ${n} more`,
  readingRest: (n) => `Taking over the other ${n}…`,
  restFailed: (e) => `The other entries could not be taken over (${e}); capture the page again to save them all.`,
  tier: 'Tier',
  tierOption: (t) => `Tier ${t}`,
  saveNew: 'Save as new customer',
  nameNeeded: 'Enter the company name to save a new customer.',
  saveLand: 'Save parcels and winners',
  saveLandHint: 'Each winner becomes a prospect (stage “land won”) with its first call due today.',
  addDomainKey: (h) => `Recognise ${h} as this customer’s website`,
  findCustomer: 'Add to another customer',
  searching: 'Searching…',
  noResults: 'No customer found.',
  cancel: 'Cancel',
  saved: 'Capture saved.',
  savedLand: (p, c) =>
    `${p === 1 ? '1 parcel' : `${p} parcels`} saved; ${c === 1 ? '1 new prospect' : `${c} new prospects`}.`,
  savedInto: (n) => (n === 1 ? 'Capture stored in the customer file.' : `Capture stored in ${n} customer files.`),
  changes: {
    added: 'new',
    removed: 'gone',
    changed: 'changed',
    none: 'Nothing changed since then.',
    people: 'Person',
    parcels: 'Parcel',
  },
  outboxLabel: 'Capture',
  webmail: {
    reading: 'Reading the message…',
    noMessage: 'Open a message to see its sender’s customer file.',
    from: 'From',
    subject: 'Subject',
    note: 'Note for the log',
    personAt: (p, c) => `${p} at ${c}`,
    unknownSender: 'Sender not in your files',
    unknownSenderHint: (e) => `No customer file knows ${e} or its company’s domain.`,
    addSender: 'Add sender to a customer',
    logEmail: 'Log email',
  },
};

export const captureZhCN: CaptureMessages = {
  menuTitle: '将所选内容添加到客户档案',
  previewTitle: '采集预览',
  reviewHint: '取消勾选不需要的内容，修改有误的地方，然后保存。',
  reading: '正在读取页面…',
  readFailed: (r) => `无法读取此页面：${r}`,
  readBy: (a) => `由 ${a} 适配器读取`,
  source: '页面',
  warnings: '适配器提示',
  nothingFound: '未识别到可用信息，请手动填写。',
  sections: {
    matches: '档案中已有？',
    changes: (d) => `自 ${d} 采集以来的变化`,
    message: '邮件',
    company: '公司',
    people: '联系人',
    parcels: '宗地',
    save: '保存',
  },
  fields: {
    name: '公司名称',
    creditCode: '统一社会信用代码',
    icp: 'ICP 备案号',
    website: '网址',
    phones: '电话',
    faxes: '传真',
    emails: '邮箱',
    address: '地址',
    businessScope: '经营范围',
    products: '主营产品',
  },
  person: { name: '姓名', title: '职务', mobile: '手机', phone: '直线电话', email: '邮箱' },
  parcel: {
    parcelNo: '宗地编号',
    location: '宗地位置',
    areaM2: '面积（平方米）',
    use: '用途',
    method: '供地方式',
    startPrice: '起始价（元）',
    dealPrice: '成交价（元）',
    dealDate: '成交日期',
    winner: '竞得人',
  },
  keep: (l) => `保留${l}`,
  personN: (n) => `联系人 ${n}`,
  parcelN: (n) => `宗地 ${n}`,
  add: (l) => `+ ${l}`,
  addPerson: '+ 联系人',
  openLink: '打开',
  problems: {
    creditCode: '不是有效的 18 位统一社会信用代码。',
    number: '请输入数字。',
    date: '请按 YYYY-MM-DD 输入日期。',
    personName: '联系人需要姓名。',
  },
  lookingUp: '正在档案中查找此公司…',
  noMatches: '档案中没有匹配的客户。',
  matchesUnavailable: (r) => `无法查询档案：${r}`,
  reasons: {
    credit_code: (v) => `统一社会信用代码相同 ${v}`,
    icp: (v) => `ICP 备案号相同 ${v}`,
    domain: (v) => `域名相同 ${v}`,
    email_domain: (v) => `邮箱域名相同 ${v}`,
    email: (v) => `邮箱地址相同 ${v}`,
    name: () => '名称相近',
  },
  sameName: '同名',
  addTo: (n) => `添加到 ${n}`,
  confirmNew: (n) => `档案中已有 ${n}。仍要另建一份新档案吗？`,
  confirmNewYes: '仍然保存为新客户',
  confirmNewNo: '返回',
  showingFirst: (shown, total) => `显示前 ${shown} 条，共 ${total} 条；其余按读取结果一并保存。`,
  showMore: (n) => `再显示 ${n} 条`,
  readingRest: (n) => `正在接收其余 ${n} 条…`,
  restFailed: (e) => `其余条目未能接收（${e}）；请重新采集本页，以便全部保存。`,
  tier: '客户等级',
  tierOption: (t) => `${t} 类`,
  saveNew: '保存为新客户',
  nameNeeded: '请填写公司名称以保存为新客户。',
  saveLand: '保存宗地及竞得人',
  saveLandHint: '每个竞得人都将成为潜在客户（阶段“已竞得土地”），首次电话今天到期。',
  addDomainKey: (h) => `将 ${h} 识别为该客户的网站`,
  findCustomer: '添加到其他客户',
  searching: '正在搜索…',
  noResults: '未找到客户。',
  cancel: '取消',
  saved: '采集已保存。',
  savedLand: (p, c) => `已保存 ${p} 宗地；新增 ${c} 个潜在客户。`,
  savedInto: (n) => `采集已存入 ${n} 份客户档案。`,
  changes: {
    added: '新增',
    removed: '已删除',
    changed: '已更改',
    none: '此后没有变化。',
    people: '联系人',
    parcels: '宗地',
  },
  outboxLabel: '采集',
  webmail: {
    reading: '正在读取邮件…',
    noMessage: '打开一封邮件，即可查看发件人的客户档案。',
    from: '发件人',
    subject: '主题',
    note: '记录备注',
    personAt: (p, c) => `${c} · ${p}`,
    unknownSender: '档案中没有此发件人',
    unknownSenderHint: (e) => `没有客户档案包含 ${e} 或其公司域名。`,
    addSender: '将发件人添加到客户',
    logEmail: '记录邮件',
  },
};
