import { type Capture, type ContextAnswer, type ContextQuery, type KeyKind, toHalfWidth } from '@dossier/shared';
import type { CaptureMatch } from './requests.ts';

const MAX_EMAILS = 6;
const MAX_NAMES = 6;

const isWeb = (url: string) => /^https?:\/\//i.test(url);

/**
 * One /api/context question per key the capture carries, so each customer found comes with
 * the key that found it ("same credit code") and a page naming two companies shows both:
 * credit code, ICP number, the page's own domain (not for webmail or land-bureau pages,
 * whose domain is nobody's company), each e-mail address (the server tries the address, then
 * its domain unless it is a free mailbox), and names — the company's and each parcel's
 * winner — as suggestions only.
 */
export function matchQueries(c: Capture): ContextQuery[] {
  const out: ContextQuery[] = [];
  const co = c.company;
  if (co?.creditCode) out.push({ creditCode: co.creditCode });
  if (co?.icp) out.push({ icp: co.icp });
  if (c.kind !== 'webmail' && c.kind !== 'land' && isWeb(c.url)) out.push({ url: c.url });
  const emails = new Set<string>();
  const addEmail = (e: string | undefined) => {
    const v = e?.trim().toLowerCase();
    if (v && emails.size < MAX_EMAILS) emails.add(v);
  };
  addEmail(c.message?.fromEmail);
  for (const e of co?.emails ?? []) addEmail(e);
  for (const p of c.people) addEmail(p.email);
  for (const email of emails) out.push({ email });
  const names = new Set<string>();
  const addName = (n: string | undefined) => {
    const v = n?.trim();
    if (v && names.size < MAX_NAMES) names.add(v);
  };
  addName(co?.name);
  for (const p of c.parcels) addName(p.winner);
  for (const name of names) out.push({ name });
  return out;
}

/** What the preview asks the background (`capture/inspect`): the capture's keys, not the capture. */
export function inspectRequest(c: Capture): { url: string; queries: ContextQuery[]; compare: boolean } {
  // A selection is part of a page: comparing it with the whole page's last capture would
  // report everything else as gone.
  return { url: c.url, queries: matchQueries(c), compare: c.adapter !== 'selection' };
}

/** Strongest evidence first: the order DESIGN.md tries keys in. */
const STRENGTH: readonly KeyKind[] = ['credit_code', 'icp', 'domain', 'email', 'email_domain', 'name'];

/** The customers the answers point at, one entry each, with its strongest reason. */
export function collectMatches(answers: readonly ContextAnswer[]): CaptureMatch[] {
  const best = new Map<number, CaptureMatch>();
  const offer = (m: CaptureMatch) => {
    const had = best.get(m.customerId);
    if (!had || STRENGTH.indexOf(m.reason) < STRENGTH.indexOf(had.reason)) best.set(m.customerId, m);
  };
  for (const a of answers) {
    if (a.customer && a.matchedBy) {
      offer({
        customerId: a.customer.id,
        name: a.customer.name,
        tier: a.customer.tier,
        reason: a.matchedBy.kind,
        value: a.matchedBy.value,
      });
    }
    for (const s of a.suggestions)
      offer({ customerId: s.id, name: s.name, tier: s.tier, reason: 'name', value: s.name });
  }
  return [...best.values()].sort((x, y) => STRENGTH.indexOf(x.reason) - STRENGTH.indexOf(y.reason));
}

/**
 * The file that already holds a key a new file from this capture would take — its credit code,
 * its ICP number, or its site's domain when that is added — so "new customer" would make a
 * second file of one company (the server's 409 for POST /api/customers). The preview then
 * offers to open it, add to it, or create the new file anyway.
 */
export function keyHolder(matches: readonly CaptureMatch[], opts: { addDomainKey: boolean }): CaptureMatch | null {
  return (
    matches.find(
      (x) => x.reason === 'credit_code' || x.reason === 'icp' || (x.reason === 'domain' && opts.addDomainKey),
    ) ?? null
  );
}

/**
 * Exactly the page's name: the same characters once full-width forms and spacing are set
 * aside. The server suggests names equal after normalisation (有限公司, brackets and the region
 * dropped); only an identical one is called "same name", the others "similar name".
 */
export function isSameName(fileName: string, pageName: string | undefined): boolean {
  const plain = (s: string) => toHalfWidth(s).replace(/\s+/g, '').toLowerCase();
  return Boolean(pageName?.trim()) && plain(fileName) === plain(pageName ?? '');
}

/**
 * The file a re-capture adds to by default (the preview's primary button): the customer found
 * by the strongest key, or one whose name is the page's exactly. A similar name only stays a
 * suggestion: nothing is added to it unless the user picks it.
 */
export function defaultMatch(matches: readonly CaptureMatch[], pageName: string | undefined): CaptureMatch | null {
  const first = matches[0];
  if (!first) return null;
  if (first.reason !== 'name') return first;
  return matches.find((x) => x.reason === 'name' && isSameName(x.name, pageName)) ?? null;
}
