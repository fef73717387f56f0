import { normaliseEmail } from '@dossier/shared';
import { clean } from '../dom.ts';
import type { Adapter } from '../types.ts';
import { headerLines, type MailView, webmailCapture, webmailFallback } from './build.ts';
import { headerDate } from './dates.ts';
import { parseAddress } from './headers.ts';
import { webmailAdapterFor } from './hosts.ts';

/**
 * Outlook on the web (page-structures.json, outlook_web): the reading pane
 * #ReadingPaneContainerId / [data-app-section="ConversationContainer"], the opened message
 * [aria-expanded="true"], body [id^="UniqueMessageBody_"] or [aria-label="Message body"];
 * sender from [data-automationid="From"] / [aria-label^="From"] with the address in a
 * mailto: link, [data-email], a title or the text; subject [data-automationid="MessageSubject"]
 * or a heading. OWA shows no label before the date, so it is the first date in the header.
 */

const EMAIL_IN = /[^\s<>()"']+@[^\s<>()"']+\.[A-Za-z]{2,}/;

function senderOf(el: Element): { name?: string; email?: string } {
  const attrs = [el, ...el.querySelectorAll('*')].flatMap((e) => [
    e.getAttribute('data-email'),
    e.getAttribute('href')?.replace(/^mailto:/i, ''),
    e.getAttribute('title'),
    e.getAttribute('aria-label'),
  ]);
  const email = attrs.map((a) => (a ? EMAIL_IN.exec(a)?.[0] : undefined)).find(Boolean);
  const fromText = parseAddress(clean(el.textContent).replace(/^From[:：]?\s*/i, ''));
  const address = normaliseEmail(email ?? fromText.email ?? '') ?? undefined;
  const name = fromText.name?.replace(EMAIL_IN, '').replace(/[<>]/g, '').trim();
  return { ...(name ? { name } : {}), ...(address ? { email: address } : {}) };
}

function view(doc: Document): MailView | null {
  const pane = doc.querySelector('#ReadingPaneContainerId, [data-app-section="ConversationContainer"]');
  if (!pane) return null;
  const expanded = [...pane.querySelectorAll('[aria-expanded="true"]')].filter((m) =>
    m.querySelector('[id^="UniqueMessageBody_"], [aria-label="Message body"]'),
  );
  const open = expanded.at(-1) ?? pane;
  const body = open.querySelector('[id^="UniqueMessageBody_"], [aria-label="Message body"]');
  const from = open.querySelector('[data-automationid="From"], [aria-label^="From"], span[id$="_FROM"]');
  if (!body || !from) return null;
  const sender = senderOf(from);
  const subject = clean(
    (
      pane.querySelector('[data-automationid="MessageSubject"], span[id$="_SUBJECT"][role="heading"]') ??
      doc.querySelector('[data-automationid="MessageSubject"]') ??
      pane.querySelector('[role="heading"]')
    )?.textContent,
  );
  const date = headerDate(headerLines(open, body));
  return {
    header: {
      ...(sender.name ? { fromName: sender.name } : {}),
      ...(sender.email ? { fromEmail: sender.email } : {}),
      ...(subject ? { subject } : {}),
      ...(date ? { date } : {}),
    },
    body,
    warnings: [],
  };
}

export const outlookAdapter: Adapter = {
  id: 'outlook',
  kind: 'webmail',
  mergeGeneric: false,
  detect: (url) => webmailAdapterFor(url.hostname) === 'outlook',
  extract(doc, url) {
    const v = view(doc);
    if (!v)
      return webmailFallback(
        doc,
        url,
        'outlook',
        'no open message found by the Outlook selectors (#ReadingPaneContainerId, UniqueMessageBody_)',
      );
    return webmailCapture('outlook', url, v);
  },
};
