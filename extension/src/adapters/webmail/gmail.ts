import { normaliseEmail } from '@dossier/shared';
import { clean } from '../dom.ts';
import type { Adapter } from '../types.ts';
import { type MailView, webmailCapture, webmailFallback } from './build.ts';
import { mailDate } from './dates.ts';
import { parseAddress } from './headers.ts';
import { webmailAdapterFor } from './hosts.ts';

/**
 * Gmail, the open message of a conversation (page-structures.json, gmail): message
 * containers div.adn.ads, sender span.gD with its address in the `email` attribute, subject
 * h2.hP, date in the `title` of span.g3, body div.a3s. In a thread the last expanded message
 * (the one with a body) is the open one; the inbox rows (tr.zA) are never read.
 */

function view(doc: Document): MailView | null {
  const messages = [...doc.querySelectorAll('div.adn.ads')].filter((m) => m.querySelector('div.a3s'));
  const open = messages.at(-1);
  const sender = open?.querySelector('span.gD[email]');
  if (!open || !sender) return null;
  const email = normaliseEmail(sender.getAttribute('email') ?? '') ?? undefined;
  const name = clean(sender.getAttribute('name') ?? sender.textContent);
  const subject = clean(doc.querySelector('h2.hP')?.textContent);
  const g3 = open.querySelector('span.g3');
  const date = mailDate(g3?.getAttribute('title') ?? g3?.textContent);
  return {
    header: {
      ...(name && name !== email ? { fromName: name } : {}),
      ...(email ? { fromEmail: email } : {}),
      ...(subject ? { subject } : {}),
      ...(date ? { date } : {}),
    },
    body: open.querySelector('div.a3s'),
    warnings: [],
  };
}

/**
 * Gmail's print view (view=pt): one table.message per message — the sender (<b>Name</b>
 * &lt;address&gt;) and the date in its first row, To / Cc / Reply-To in font.recipient, the body
 * in the nested table; the subject in the page's <font size="+1"><b>, the mailbox owner in the
 * first table. The last message of the thread is the one read.
 */
function printView(doc: Document): MailView | null {
  const messages = doc.querySelectorAll('table.message');
  const open = messages[messages.length - 1];
  const first = open?.querySelector('tr');
  const from = first?.querySelector('td');
  if (!open || !first || !from) return null;
  const sender = parseAddress(from.textContent ?? '');
  if (!sender.email) return null;
  const when = first.querySelector('td[align="right"]') ?? first.querySelectorAll('td')[1];
  const date = mailDate(when?.textContent);
  const subject = clean(doc.querySelector('font[size="+1"] b, font[size="+1"]')?.textContent);
  // The body sits in the message's own nested table.
  const body = open.querySelector('table')?.querySelector('td') ?? null;
  return {
    header: {
      ...(sender.name ? { fromName: sender.name } : {}),
      fromEmail: sender.email,
      ...(subject ? { subject } : {}),
      ...(date ? { date } : {}),
    },
    body,
    warnings: body ? [] : ['gmail: print view without a message body; signature not read'],
  };
}

export const gmailAdapter: Adapter = {
  id: 'gmail',
  kind: 'webmail',
  mergeGeneric: false,
  detect: (url) => webmailAdapterFor(url.hostname) === 'gmail',
  extract(doc, url) {
    const v = view(doc) ?? printView(doc);
    if (!v)
      return webmailFallback(
        doc,
        url,
        'gmail',
        'no open message found by the Gmail selectors (div.adn.ads, span.gD[email])',
      );
    return webmailCapture('gmail', url, v);
  },
};
