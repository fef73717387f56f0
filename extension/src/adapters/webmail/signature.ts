import { type CapturedCompany, findPhones } from '@dossier/shared';
import { blockText, clean, type Line } from '../dom.ts';
import { foundFromLabels, labelledValues } from '../generic/labels.ts';
import { TITLES } from '../generic/vocab.ts';
import { emptyCompany, isMobile } from '../merge.ts';

/**
 * The sender's signature, taken only where it is clearly theirs: after a "-- " delimiter, or
 * from the last line of the message (above any quoted mail) that carries the sender's name.
 * Phones in it are the sender's (mobile or direct line); a company line, address, website and
 * fax describe the sender's company.
 */

export interface Signature {
  title?: string;
  mobile?: string;
  phone?: string;
  company: CapturedCompany | null;
}

// Where quoted or forwarded mail begins; nothing below is the sender's.
const QUOTE_START = [
  /^-{2,}\s*(?:原始邮件|Original Message|Forwarded message|转发邮件)/i,
  /^[-_=]{10,}$/,
  /^On .{6,}wrote:?$/i,
  /^在\s*.{4,}写道[:：]?$/,
  /^(?:发件人|From)\s*[:：]/i,
];
const COMPANY =
  "[\\u4e00-\\u9fa5（）()A-Za-z0-9&.,' -]{2,60}?(?:股份有限公司|有限责任公司|有限公司|集团|公司|研究院|事务所|Co\\.,?\\s*Ltd\\.?|Limited|Ltd\\.?|Inc\\.?|LLC|GmbH|Corporation|Corp\\.?)";
const COMPANY_LINE = new RegExp(`^${COMPANY}$`);
// "常州彩丽涂料有限公司 工程部经理": the company, then the sender's title.
const COMPANY_THEN_TITLE = new RegExp(`^(${COMPANY})[\\s\\u3000|｜/,，·-]+(.{2,30})$`);
// English signatures abbreviate their labels to one letter.
const SHORT_LABEL: Record<string, string> = { T: 'Tel', P: 'Tel', M: 'Mobile', F: 'Fax', E: 'Email', W: 'Web' };

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '').toLowerCase();

function messageLines(body: Element): string[] {
  const lines = blockText(body).split('\n');
  const cut = lines.findIndex((l, i) => i > 0 && QUOTE_START.some((re) => re.test(l.trim())));
  return cut >= 0 ? lines.slice(0, cut) : lines;
}

function signatureLines(lines: string[], senderName: string | undefined): { lines: string[]; nameLine: number } | null {
  const delim = lines.findIndex((l) => /^(?:--|——|-- )$/.test(l.trim()));
  if (delim >= 0) return { lines: lines.slice(delim + 1, delim + 13), nameLine: -1 };
  const name = senderName ? squash(senderName) : '';
  if (name.length < 2) return null;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    if (l.length <= 40 && squash(l).includes(name)) return { lines: lines.slice(i, i + 12), nameLine: 0 };
  }
  return null;
}

export function signatureOf(body: Element, senderName: string | undefined): Signature | null {
  const found = signatureLines(messageLines(body), senderName);
  if (!found) return null;
  const lines = found.lines.map((l) =>
    l.replace(/^([TPMFEW])\s*[:：.]\s*/, (_, k: string) => `${SHORT_LABEL[k] ?? k}: `),
  );
  const asLines: Line[] = lines.map((l) => ({ cells: [l], heading: false }));
  const sig: Signature = { company: null };
  // Title: labelled (职务：/Title:), or the line under the name naming a title (华东区销售经理).
  const labelledTitle = labelledValues(asLines).find((v) => v.field === 'title')?.value;
  const nameAt = found.nameLine >= 0 ? found.nameLine : -1;
  const titled = lines.find(
    (l, i) =>
      i !== nameAt &&
      l.length <= 30 &&
      !/\d|@/.test(l) &&
      TITLES.some((t) => l.toLowerCase().includes(t.toLowerCase())),
  );
  const nameLineTitle =
    nameAt >= 0 && senderName
      ? clean((lines[nameAt] ?? '').replace(senderName, '').replace(/^[\s|｜/,，·-]+|[\s|｜/,，·-]+$/g, ''))
      : '';
  const hasTitleWord = (s: string) => TITLES.some((t) => s.toLowerCase().includes(t.toLowerCase()));
  const split = lines.map((l) => COMPANY_THEN_TITLE.exec(l.trim())).find((m) => m && hasTitleWord(m[2] ?? ''));
  const title = labelledTitle ?? (hasTitleWord(nameLineTitle) ? nameLineTitle : undefined) ?? split?.[2] ?? titled;
  if (title) sig.title = clean(title);
  const labelled = foundFromLabels(asLines);
  const faxes = new Set(labelled.company?.faxes ?? []);
  // Labelled numbers go where their label says (a US mobile cannot be told from its digits)…
  for (const v of labelledValues(asLines)) {
    const [p] = findPhones(v.value);
    if (!p) continue;
    const n = p.ext ? `${p.number};ext=${p.ext}` : p.number;
    if (v.field === 'mobile') sig.mobile ??= n;
    else if (v.field === 'phone') sig.phone ??= n;
  }
  // …and every other number in the signature except its fax is the sender's too.
  for (const p of findPhones(lines.join('\n'))) {
    const v = p.ext ? `${p.number};ext=${p.ext}` : p.number;
    if (faxes.has(v) || v === sig.mobile || v === sig.phone) continue;
    if (isMobile(v)) sig.mobile ??= v;
    else sig.phone ??= v;
  }
  const company = emptyCompany();
  const name = lines.find((l) => COMPANY_LINE.test(l.trim())) ?? split?.[1];
  if (name) company.name = clean(name);
  else if (labelled.company?.name) company.name = labelled.company.name;
  if (labelled.company?.address) company.address = labelled.company.address;
  if (labelled.company?.website) company.website = labelled.company.website;
  company.faxes = [...faxes];
  const useful = company.name || company.address || company.website || company.faxes.length;
  sig.company = useful ? company : null;
  return sig;
}
