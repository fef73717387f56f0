import { foldWidth, normaliseEmail } from '@dossier/shared';
import { linesWith } from '../scan.ts';

/**
 * E-mail addresses in text, including the forms sites use against harvesters:
 * "name#domain.com（把#换成@）", "name[at]domain.com", "name(at)domain dot com",
 * "name AT domain DOT com". The "#" form is only read when the page says to replace it.
 */

const LOCAL = "[A-Za-z0-9][A-Za-z0-9._%+'-]*";
const PLAIN = new RegExp(`${LOCAL}@(?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,}`, 'g');
// "dot" written out, bracketed or spaced: domain [dot] com, domain (dot) com, domain dot com.
const DOT = '(?:\\s*[\\[(（{【]\\s*(?:dot|点)\\s*[\\])）}】]\\s*|\\s+(?:dot|DOT)\\s+|\\.)';
const DOMAIN = `[A-Za-z0-9-]+(?:${DOT}[A-Za-z0-9-]+)*${DOT}[A-Za-z]{2,}`;
const AT_BRACKET = new RegExp(`(${LOCAL})\\s*[\\[(（{【<]\\s*(?:at|AT|艾特|@)\\s*[\\])）}】>]\\s*(${DOMAIN})`, 'g');
const AT_SPACED = new RegExp(`(${LOCAL})\\s+(?:at|AT)\\s+([A-Za-z0-9-]+(?:\\s+(?:dot|DOT)\\s+[A-Za-z0-9-]+)+)`, 'g');
const HASH = new RegExp(`(${LOCAL})#((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})`, 'g');
// The page telling the reader to swap # for @ (把#换成@, 请将#替换为@, replace # with @).
export const HASH_HINT =
  /[#＃]\s*(?:号)?\s*(?:换成|替换为|替换成|改成|改为|换为|换作)\s*[@＠]|replace\s+(?:the\s+)?["'“]?#["'”]?\s+with\s+["'“]?@/i;

/** Mailboxes of a function, not a person: they stay the company's even next to a person's name. */
export const ROLE_MAILBOX =
  /^(?:sales|info|service|services|contact|admin|hr|job|jobs|market|marketing|kefu|support|office|webmaster|bd|business|export|import|cs|help|hello|enquiry|enquiries|inquiry|mail|postmaster|master|zhaopin|xiaoshou|fuwu)\d*@/i;

const DOTS = new RegExp(DOT, 'g');
const undot = (d: string) => d.replace(DOTS, '.');

export interface FoundEmails {
  /** Normalised addresses, in order, each once. */
  addresses: string[];
  /** The text as written, for callers that remove it from a value. */
  raw: string[];
}

// Lines that could hold an address at all, in any of the forms above ("#" only where the page
// says to swap it: otherwise it is a house number or a building, 3#楼).
const TELLTALE = /[@＠]|艾特|(?<=[[(（{【<]\s*)(?:at|AT)|(?<=\s)(?:at|AT)(?=\s)/;
const TELLTALE_HASH = new RegExp(`${TELLTALE.source}|[#＃]`);

export function emailsIn(text: string, hashHint = HASH_HINT.test(text)): FoundEmails {
  // Fold full-width forms only on the lines that matter: folding is a loop over characters.
  const telltale = hashHint ? TELLTALE_HASH : TELLTALE;
  const t = foldWidth(text.length > 2000 ? linesWith(text, telltale) : text);
  if (!telltale.test(t)) return { addresses: [], raw: [] };
  const hits: { at: number; addr: string; raw: string }[] = [];
  for (const m of t.matchAll(PLAIN)) hits.push({ at: m.index ?? 0, addr: m[0], raw: m[0] });
  for (const m of t.matchAll(AT_BRACKET))
    hits.push({ at: m.index ?? 0, addr: `${m[1]}@${undot(m[2] ?? '')}`, raw: m[0] });
  for (const m of t.matchAll(AT_SPACED))
    hits.push({ at: m.index ?? 0, addr: `${m[1]}@${undot(m[2] ?? '')}`, raw: m[0] });
  if (hashHint) for (const m of t.matchAll(HASH)) hits.push({ at: m.index ?? 0, addr: `${m[1]}@${m[2]}`, raw: m[0] });
  // In the order the page shows them.
  hits.sort((a, b) => a.at - b.at);
  const out: FoundEmails = { addresses: [], raw: [] };
  for (const h of hits) {
    const n = normaliseEmail(h.addr);
    if (!n) continue;
    out.raw.push(h.raw);
    if (!out.addresses.includes(n)) out.addresses.push(n);
  }
  return out;
}
