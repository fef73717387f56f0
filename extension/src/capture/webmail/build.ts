import type { Capture, CapturedPerson } from '@dossier/shared';
import { blockText } from '../dom.ts';
import { genericFound } from '../generic/index.ts';
import { mergePeople, tidy } from '../merge.ts';
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
  if (header.fromName) {
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

/**
 * The adapter's selectors found no open message: run the generic extractors over the page and
 * say so. Where the webmail itself labels its header (QQ Mail, 163: 发件人：/时间：) the header is
 * read by those labels; Gmail and Outlook show no such labels, and the only "From:" lines on
 * their pages are inside quoted replies — someone else's header — so none is read there.
 */
export function webmailFallback(doc: Document, url: URL, id: string, reason: string, labelledHeader = false): Capture {
  const root = doc.body ?? doc.documentElement;
  const header = root && labelledHeader ? headerFromLines(blockText(root).split('\n')) : {};
  const generic = genericFound(doc, url, undefined, { siteName: false });
  // The sender's own address is the sender's, as on any page a person's e-mail is theirs.
  if (generic.company && header.fromEmail)
    generic.company.emails = generic.company.emails.filter((e) => e !== header.fromEmail);
  const sender: CapturedPerson[] = header.fromName
    ? [{ name: header.fromName, ...(header.fromEmail ? { email: header.fromEmail } : {}) }]
    : [];
  return tidy({
    url: url.href,
    kind: 'webmail',
    adapter: id,
    company: generic.company,
    people: mergePeople(sender, generic.people),
    message: messageOf(header),
    parcels: [],
    warnings: [`${id}: ${reason}; fell back to generic extraction`],
  });
}
