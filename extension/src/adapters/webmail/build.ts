import { type Capture, type CapturedPerson, normaliseEmail } from '@dossier/shared';
import { blockText } from '../dom.ts';
import { ROLE_MAILBOX } from '../generic/emails.ts';
import { genericFound } from '../generic/index.ts';
import { mergeCompany, mergePeople, tidy } from '../merge.ts';
import { headerFromLines, type MailHeader } from './headers.ts';
import { signatureOf } from './signature.ts';

/** What a webmail adapter found on the open message. */
export interface MailView {
  header: MailHeader;
  /** The message body, for the signature; null when it sits out of reach (another frame). */
  body: Element | null;
  warnings: string[];
}

/** The text of `container` that comes before `body` (the message header), as lines. */
export function headerLines(container: Element, body: Element): string[] {
  const parts: string[] = [];
  for (let el: Element | null = body; el && el !== container; el = el.parentElement) {
    const before: string[] = [];
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) before.unshift(blockText(s));
    parts.unshift(...before);
  }
  return parts.join('\n').split('\n').filter(Boolean);
}

/** A frame's document when this document may read it: same origin, or inlined as srcdoc. */
export function frameDocument(frame: Element | null): Document | null {
  if (!frame) return null;
  try {
    const d = (frame as HTMLIFrameElement).contentDocument;
    if (d?.body && d.body.childNodes.length > 0) return d;
  } catch {
    // Cross-origin: not ours to read.
  }
  const srcdoc = frame.getAttribute('srcdoc');
  const Parser = frame.ownerDocument.defaultView?.DOMParser ?? globalThis.DOMParser;
  return srcdoc && Parser ? (new Parser().parseFromString(srcdoc, 'text/html') as unknown as Document) : null;
}

function messageOf(h: MailHeader): Capture['message'] {
  if (!h.fromEmail) return null;
  return {
    fromEmail: h.fromEmail,
    ...(h.fromName ? { fromName: h.fromName } : {}),
    ...(h.subject ? { subject: h.subject } : {}),
    ...(h.date ? { date: h.date } : {}),
  };
}

export function webmailCapture(id: string, url: URL, view: MailView): Capture {
  const { header } = view;
  const warnings = [...view.warnings];
  if (!header.fromEmail) warnings.push(`${id}: the sender's address is not shown on the page`);
  const sig = view.body ? signatureOf(view.body, header.fromName) : null;
  const people: CapturedPerson[] = [];
  // A notification or a no-reply robot is no one to call.
  if (header.fromName && !isSystemSender(header.fromName, header.fromEmail)) {
    const p: CapturedPerson = { name: header.fromName };
    if (sig?.title) p.title = sig.title;
    if (sig?.mobile) p.mobile = sig.mobile;
    if (sig?.phone) p.phone = sig.phone;
    if (header.fromEmail) p.email = header.fromEmail;
    people.push(p);
  }
  return tidy({
    url: url.href,
    kind: 'webmail',
    adapter: id,
    company: sig?.company ?? null,
    people,
    message: messageOf(header),
    parcels: [],
    warnings,
  });
}

// Mailboxes that no person reads: no-reply, notifications, bounces and the like.
const ROBOT =
  /(?:^|[._+-])(?:no-?reply|do-?not-?reply|donotreply|notifications?|notify|alerts?|mailer-daemon|postmaster|bounces?|auto-?confirm|automated|system|robot)(?:$|[._+-])/i;
// Names a robot signs with: a team, a service, a product.
const ROBOT_NAME =
  /\b(?:team|notifications?|no-?reply|alerts?|support|service|newsletter|updates?|account)\b|团队|通知|系统|客服|服务号|邮件中心|管理员/i;

/** Is the sender a system (a notification, a no-reply address) rather than a person? */
export function isSystemSender(name: string | undefined, email: string | undefined): boolean {
  const local = email?.slice(0, email.indexOf('@')) ?? '';
  const host = email?.slice(email.indexOf('@') + 1) ?? '';
  if (ROBOT.test(local) || /^(?:notifications?|noreply|no-reply|bounce|mailer)\./i.test(host)) return true;
  return Boolean(name && ROBOT_NAME.test(name) && (!email || ROLE_MAILBOX.test(email)));
}

const EMAIL_IN = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const addressesIn = (s: string | null | undefined): string[] =>
  [...(s ?? '').matchAll(EMAIL_IN)].map((m) => normaliseEmail(m[0])).filter((e): e is string => Boolean(e));

/**
 * The mailbox owner's own addresses, as the mail service shows them: in the page title
 * ("Inbox - owner@gmail.com - Gmail"), on the account button ("Google Account: Name
 * (owner@…)"), in the user box (#useraddr, #spnUid), above a print view.
 */
export function ownerAddresses(doc: Document): Set<string> {
  const out = new Set(addressesIn(doc.title));
  for (const el of doc.querySelectorAll('[aria-label*="@"], [title*="@"]')) {
    const label = `${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`;
    if (/account|账户|帐户|账号|帐号|konto|compte/i.test(label)) for (const e of addressesIn(label)) out.add(e);
  }
  for (const el of doc.querySelectorAll('#useraddr, #spnUid, #user-email, .user-email, [data-owner-email]'))
    for (const e of addressesIn(`${el.textContent} ${el.getAttribute('data-owner-email') ?? ''}`)) out.add(e);
  // Gmail's print view names its user in the first table, beside the logo.
  if (doc.querySelector('table.message'))
    for (const e of addressesIn(doc.querySelector('table')?.textContent)) out.add(e);
  return out;
}

// Header lines naming recipients: their addresses are the reader's side of the mail.
const RECIPIENTS = /^\s*(?:to|cc|bcc|reply-to|an|kopie|收件人|抄送|密送|回复|答复|para|responder a|à)\s*[:：]/i;

function recipientAddresses(lines: string[]): Set<string> {
  const out = new Set<string>();
  lines.forEach((line, i) => {
    if (!RECIPIENTS.test(line)) return;
    const here = addressesIn(line);
    for (const e of here.length ? here : addressesIn(lines[i + 1])) out.add(e);
  });
  return out;
}

// Message lists (Gmail rows, Outlook options, QQ / 163 list items): other people's mail.
const LISTS =
  'tr.zA, [role="list"], [role="listbox"], [role="grid"], [role="treegrid"], .mail-list, .mail-list-item, .maillist, #mailList';

/** The page without its message lists, to read what is left (an open message, a signature). */
function withoutLists(root: Element): Element {
  if (!root.querySelector(LISTS)) return root;
  const copy = root.cloneNode(true) as Element;
  for (const el of copy.querySelectorAll(LISTS)) el.remove();
  return copy;
}

/**
 * The adapter's selectors found no open message: run the generic extractors over the page and
 * say so. Message lists are left out (their senders and snippets are other mail), and neither
 * the mailbox owner's addresses nor the recipients of the mail shown are the company's. Where the webmail itself labels its header (QQ Mail, 163: 发件人：/时间：) the header is
 * read by those labels; Gmail and Outlook show no such labels, and the only "From:" lines on
 * their pages are inside quoted replies — someone else's header — so none is read there.
 */
export function webmailFallback(doc: Document, url: URL, id: string, reason: string, labelledHeader = false): Capture {
  const page = doc.body ?? doc.documentElement;
  const root = page ? withoutLists(page) : null;
  const lines = root ? blockText(root).split('\n') : [];
  const header = labelledHeader ? headerFromLines(lines) : {};
  const generic = root ? genericFound(doc, url, root, { siteName: false }) : { company: null, people: [] };
  const theirs = new Set([...ownerAddresses(doc), ...recipientAddresses(lines)]);
  if (header.fromEmail) theirs.delete(header.fromEmail);
  // The sender's own address is the sender's, as on any page a person's e-mail is theirs.
  if (generic.company)
    generic.company.emails = generic.company.emails.filter((e) => e !== header.fromEmail && !theirs.has(e));
  generic.people = generic.people.filter((p) => !(p.email && theirs.has(p.email)) && !isSystemSender(p.name, p.email));
  // A labelled header found: the message body may sit in a frame the page can read (srcdoc).
  const frame = header.fromEmail && page ? frameDocument(page.querySelector('iframe')) : null;
  const sig = frame?.body ? signatureOf(frame.body, header.fromName) : null;
  const sender: CapturedPerson[] =
    header.fromName && !isSystemSender(header.fromName, header.fromEmail)
      ? [
          {
            name: header.fromName,
            ...(sig?.title ? { title: sig.title } : {}),
            ...(sig?.mobile ? { mobile: sig.mobile } : {}),
            ...(sig?.phone ? { phone: sig.phone } : {}),
            ...(header.fromEmail ? { email: header.fromEmail } : {}),
          },
        ]
      : [];
  return tidy({
    url: url.href,
    kind: 'webmail',
    adapter: id,
    company: mergeCompany(sig?.company ?? null, generic.company),
    people: mergePeople(sender, generic.people),
    message: messageOf(header),
    parcels: [],
    warnings: [`${id}: ${reason}; fell back to generic extraction`],
  });
}
