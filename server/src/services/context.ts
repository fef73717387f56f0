import {
  type ContextAnswer,
  type ContextQuery,
  emailMatchKey,
  type KeyKind,
  keyValue,
  normaliseCompanyName,
  normaliseEmail,
  type Settings,
  SUGGESTED_BY,
  siteKey,
} from '@dossier/shared';
import type { KeyMatch } from '../store/context.ts';
import type { Store } from '../store/store.ts';
import { dueOf } from './badge.ts';
import { contactPointsOf } from './contact-points.ts';
import { toCustomer, toInteraction, toPerson } from './mappers.ts';
import type { Viewer } from './visibility.ts';

type Match = KeyMatch & { value: string; personId?: number };

async function byKey(store: Store, kinds: readonly KeyKind[], value: string | null, viewer: Viewer) {
  if (!value) return null;
  const found = await store.context.byKey(kinds, value, viewer);
  return found ? { ...found, value } : null;
}

async function byEmail(store: Store, raw: string, viewer: Viewer): Promise<Match | null> {
  const email = normaliseEmail(raw);
  if (!email) return null;
  const person = await store.context.byPersonEmail(email, viewer);
  if (person) return { ...person, value: email };
  const key = emailMatchKey(email);
  if (!key) return null;
  // A company mailbox's domain is usually the website's, so both kinds of key answer for it.
  return key.kind === 'email'
    ? byKey(store, ['email'], key.value, viewer)
    : byKey(store, ['email_domain', 'domain'], key.value, viewer);
}

/**
 * Tries the keys in the order of DESIGN.md: credit code, ICP, domain, e-mail, then name
 * (suggestion only). The first key found decides (the badge's rule): held by a file the viewer
 * may not see, it ends the lookup with no card, as if nothing matched.
 */
async function match(store: Store, q: ContextQuery, viewer: Viewer): Promise<Match | null> {
  return (
    (q.creditCode ? await byKey(store, ['credit_code'], keyValue('credit_code', q.creditCode), viewer) : null) ??
    (q.icp ? await byKey(store, ['icp'], keyValue('icp', q.icp), viewer) : null) ??
    (q.url ? await byKey(store, ['domain', 'email_domain'], siteKey(q.url), viewer) : null) ??
    (q.email ? await byEmail(store, q.email, viewer) : null)
  );
}

const EMPTY_OVERDUE = { call: false, visit: false, appointment: false, any: false };

/** Files a page's company name may be: called so once normalised, or once called so (曾用名). */
async function sameNamed(store: Store, name: string, viewer: Viewer): Promise<ContextAnswer['suggestions']> {
  const normalised = normaliseCompanyName(name);
  const now = (await store.context.sameName(normalised, viewer, 5)).map((s) => ({
    ...s,
    reason: SUGGESTED_BY.sameName,
  }));
  const before = (await store.customers.renamed(viewer))
    .filter((f) => !now.some((s) => s.id === f.id))
    .filter((f) => f.formerNames.some((n) => normaliseCompanyName(n) === normalised))
    .map(({ id, name, tier }) => ({ id, name, tier, reason: SUGGESTED_BY.formerName }));
  return [...now, ...before].slice(0, 5);
}

/** `settings` is asked only when a file is found (the verify-before-calling age is the settings'). */
export async function findContext(
  store: Store,
  q: ContextQuery,
  now: Date,
  viewer: Viewer,
  settings: () => Promise<Settings>,
): Promise<ContextAnswer> {
  const m = await match(store, q, viewer);
  const card = m?.card;
  if (!m || !card) {
    const suggestions = q.name ? await sameNamed(store, q.name, viewer) : [];
    return {
      customer: null,
      matchedBy: null,
      person: null,
      tier: null,
      lost: null,
      nextCallDue: null,
      nextVisitDue: null,
      nextDue: null,
      appointment: null,
      overdue: EMPTY_OVERDUE,
      lastInteractions: [],
      keyPeople: [],
      followUps: 0,
      suggestions,
    };
  }
  const row = card.customer;
  const customer = toCustomer(row);
  const ppl = card.people;
  const keyPeople = ppl.filter((p) => p.keyPerson);
  const person = m.personId ? ppl.find((p) => p.id === m.personId) : undefined;
  const { lost, ...due } = dueOf(row, now);
  // With nobody flagged as key person, show everyone rather than an empty card.
  const shown = (keyPeople.length ? keyPeople : ppl).slice(0, 5);
  // Only the numbers of the people the card shows (and the file's own): it says no more than that.
  const shownIds = new Set<number | null>([null, ...shown.map((p) => p.id), ...(person ? [person.id] : [])]);
  const points = contactPointsOf(
    { createdAt: row.createdAt, phones: row.phones, emails: row.emails, people: ppl },
    card.contactPoints,
    card.lastContacts,
    await settings(),
    now,
  ).contactPoints.filter((p) => shownIds.has(p.personId));
  return {
    customer,
    matchedBy: { kind: m.kind, value: m.value },
    person: person ? toPerson(person) : null,
    tier: row.tier,
    // The card says why and when.
    lost: lost ? { at: row.lostAt, reasonCode: customer.lostReasonCode ?? null, reason: row.lostReason } : null,
    ...due,
    lastInteractions: card.lastInteractions.map(toInteraction),
    keyPeople: shown.map(toPerson),
    followUps: row.followUps,
    suggestions: [],
    contactPoints: points,
  };
}
