import type { CapturedCompany, CapturedPerson } from '@dossier/shared';
import { addEmail, addPhone, emptyCompany, type Found, person } from '../merge.ts';
import { emailsIn, ROLE_MAILBOX } from './emails.ts';
import { type MfItem, type MfValue, mfText } from './microformats.ts';
import { addressLine, newThing, type Thing } from './things.ts';

/**
 * h-cards as company and people. By the hCard convention a card whose name is its
 * organisation ("fn org") describes the organisation; any other named card is a person, and
 * the organisation a person's card names is the company when no organisation card exists.
 */

const MF_TO_SCHEMA: Record<string, string> = {
  'street-address': 'streetAddress',
  'extended-address': 'extendedAddress',
  locality: 'addressLocality',
  region: 'addressRegion',
  'postal-code': 'postalCode',
  'country-name': 'addressCountry',
};

function adrLine(v: MfValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return mfText(v);
  const t: Thing = newThing(['PostalAddress']);
  for (const [mf, schema] of Object.entries(MF_TO_SCHEMA)) {
    const x = mfText(v.item.properties[mf]?.[0]);
    if (x) t.props.set(schema, [x]);
  }
  return addressLine(t) ?? mfText(v);
}

const texts = (card: MfItem, prop: string) =>
  (card.properties[prop] ?? []).map(mfText).filter((s): s is string => Boolean(s));

// The address in an email property's value: a mailto: link's, or the text of an element with no
// link, which the parser resolves against the page like any u- value (http://host/info@…).
const emailsOf = (card: MfItem) => texts(card, 'email').flatMap((e) => emailsIn(e).addresses.slice(0, 1));

function isOrgCard(card: MfItem): boolean {
  const name = mfText(card.properties.name?.[0]);
  return card.type.includes('h-org') || (name !== undefined && texts(card, 'org').includes(name));
}

/**
 * A person's card that names the organisation and gives only its mailbox (info@…): the
 * organisation's contact box with its contact named ("Ansprechpartner: Stephan Meyer"), its
 * numbers and mailbox the organisation's.
 */
function isContactBox(card: MfItem): boolean {
  const emails = emailsOf(card);
  return texts(card, 'org').length > 0 && emails.length > 0 && emails.every((e) => ROLE_MAILBOX.test(e));
}

export function foundFromCards(cards: MfItem[]): Found {
  let company: CapturedCompany | null = null;
  const people: CapturedPerson[] = [];
  const orgCard = cards.find(isOrgCard) ?? cards.find(isContactBox);
  if (orgCard) {
    company = emptyCompany();
    const name = isOrgCard(orgCard) ? mfText(orgCard.properties.name?.[0]) : texts(orgCard, 'org')[0];
    if (name) company.name = name;
    for (const t of texts(orgCard, 'tel')) addPhone(company.phones, t, true);
    for (const t of texts(orgCard, 'x-fax')) addPhone(company.faxes, t, true);
    for (const e of emailsOf(orgCard)) addEmail(company.emails, e);
    const url = texts(orgCard, 'url').find((u) => /^https?:/i.test(u));
    if (url) company.website = url;
    const adr = adrLine(orgCard.properties.adr?.[0]);
    if (adr) company.address = adr;
  }
  for (const card of cards) {
    if (isOrgCard(card)) continue;
    const name = mfText(card.properties.name?.[0]);
    if (!name) continue;
    const title = texts(card, 'job-title')[0] ?? texts(card, 'role')[0];
    // The contact of a contact box: named with the title the card gives, its numbers the box's.
    if (card === orgCard) {
      if (title) people.push(person(name, { title }));
      continue;
    }
    const email = emailsOf(card)[0];
    // A card with a name and nothing else is a byline or a commenter, not a contact.
    if (!title && !email && texts(card, 'tel').length === 0) continue;
    people.push(person(name, { ...(title ? { title } : {}), phones: texts(card, 'tel'), ...(email ? { email } : {}) }));
    const org = texts(card, 'org')[0];
    if (!company && org) company = { ...emptyCompany(), name: org };
  }
  return { company, people };
}
