import type { KeyKind } from '@dossier/shared';
import type { Dictionary } from '../../platform/i18n/words.ts';

/** The ui kit's words: the kinds of matching keys, and a key already held by another file. */
const en = {
  keyKinds: {
    credit_code: 'credit code',
    icp: 'ICP number',
    domain: 'domain',
    email_domain: 'e-mail domain',
    email: 'e-mail address',
    name: 'name',
    /** Not a key, but a new file is refused for one already on file too. */
    mobile: 'mobile',
  } satisfies Record<KeyKind | 'mobile', string>,
  /** A new file whose key (domain, credit code…) is already on another file (409 conflict). */
  conflict: {
    title: 'Already on file',
    explain: (k: string, v: string, n: string | null) =>
      n ? `The ${k} ${v} belongs to ${n}.` : `The ${k} ${v} belongs to another customer file (not one of yours).`,
    open: 'Open it',
    addTo: 'Add to it',
    createAnyway: 'Create anyway',
  },
  /** The one customer picker (CustomerPicker.tsx). */
  picker: {
    hint: 'Name, pinyin initials (jhrt), phone or domain',
    searching: 'Searching…',
    noResults: 'No customer found.',
  },
};

const zhCN: typeof en = {
  keyKinds: {
    credit_code: '统一社会信用代码',
    icp: 'ICP 备案号',
    domain: '域名',
    email_domain: '邮箱域名',
    email: '邮箱地址',
    name: '名称',
    mobile: '手机号',
  },
  conflict: {
    title: '已有档案',
    explain: (k, v, n) => (n ? `${k} ${v} 已属于「${n}」。` : `${k} ${v} 已属于另一个客户档案（不在你的档案中）。`),
    open: '打开该客户',
    addTo: '加入该客户',
    createAnyway: '仍然新建',
  },
  picker: {
    hint: '名称、拼音首字母（jhrt）、电话或域名',
    searching: '正在搜索…',
    noResults: '未找到客户。',
  },
};

export const uiWords: Dictionary<typeof en> = { en, 'zh-CN': zhCN };

declare module '../i18n/words.ts' {
  interface Words {
    keyKinds: (typeof en)['keyKinds'];
    conflict: (typeof en)['conflict'];
    picker: (typeof en)['picker'];
  }
}
