import { normaliseEmail } from '@dossier/shared';
import { clean } from '../dom.ts';
import { mailDate } from './dates.ts';

/**
 * A message header read by its visible labels (发件人：, 主题：, 时间：, From:, Subject:, Sent:).
 * Labels outlive class names, so this is how the classic QQ and 163 readers are read and how
 * every webmail adapter falls back when its selectors stop matching.
 */

export interface MailHeader {
  fromName?: string;
  fromEmail?: string;
  subject?: string;
  date?: string;
}

/** "张三 <zhangsan@x.com>", "\"Zhang San\" <z@x.com>", "z@x.com", "张三(z@x.com)". */
export function parseAddress(raw: string): { name?: string; email?: string } {
  const text = clean(raw);
  const m = /^(.*?)[\s]*[<(（[]\s*([^<>()（）[\]\s]+@[^<>()（）[\]\s]+)\s*[>)）\]]/.exec(text);
  if (m) {
    const email = normaliseEmail(m[2] ?? '') ?? undefined;
    const name = clean(m[1]).replace(/^["'“”]+|["'“”]+$/g, '');
    return { ...(name && !name.includes('@') ? { name } : {}), ...(email ? { email } : {}) };
  }
  const bare = /[^\s<>]+@[^\s<>]+/.exec(text)?.[0];
  const email = bare ? (normaliseEmail(bare) ?? undefined) : undefined;
  if (email) return { email };
  return text ? { name: text } : {};
}

const FIELD: [RegExp, keyof MailHeader | 'from' | 'stop'][] = [
  [/^(发件人|寄件人|发信人|From)$/i, 'from'],
  [/^(主题|主\s*题|邮件主题|Subject)$/i, 'subject'],
  [/^(时间|时\s*间|日期|发送时间|发件时间|Date|Sent)$/i, 'date'],
  [/^(收件人|抄送|密送|附件|To|Cc|Bcc|Attachments?)$/i, 'stop'],
];
const LABEL =
  /^\s*(发件人|寄件人|发信人|From|主\s*题|邮件主题|Subject|时\s*间|日期|发送时间|发件时间|Date|Sent|收件人|抄送|密送|附件|To|Cc|Bcc)\s*[:：]\s*(.*)$/i;

/** Read header lines ("label: value"); the first of each field wins. */
export function headerFromLines(lines: string[]): MailHeader {
  const h: MailHeader = {};
  lines.forEach((line, i) => {
    const m = LABEL.exec(line);
    if (!m) return;
    const label = (m[1] ?? '').replace(/\s+/g, '');
    // "发件人：" alone on its line: the value is the next line (label and value in sibling blocks).
    const value = clean(m[2]) || (LABEL.test(lines[i + 1] ?? '') ? '' : clean(lines[i + 1]));
    const field = FIELD.find(([re]) => re.test(label))?.[1];
    if (!value || !field || field === 'stop') return;
    if (field === 'from' && !h.fromEmail && !h.fromName) {
      const a = parseAddress(value);
      if (a.name) h.fromName = a.name;
      if (a.email) h.fromEmail = a.email;
    } else if (field === 'subject') h.subject ??= value;
    else if (field === 'date') h.date ??= mailDate(value);
  });
  return h;
}
