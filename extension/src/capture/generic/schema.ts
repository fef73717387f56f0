import { type CapturedCompany, findCreditCodes } from '@dossier/shared';
import { memo } from '../dom.ts';
import { addEmail, addPhone, emptyCompany, type Found, person } from '../merge.ts';
import { jsonLdThings } from './jsonld.ts';
import { microdataThings } from './microdata.ts';
import { rdfaThings } from './rdfa.ts';
import {
  addressLine,
  allThings,
  first,
  hasType,
  isThing,
  ORG_TYPE,
  PERSON_TYPE,
  strings,
  type Thing,
  textOf,
  things,
} from './things.ts';

/** A party with contact details, as schema.org describes it, before it becomes company or person. */
export interface ContactEntity {
  types: string[];
  name?: string;
  jobTitle: string[];
  telephone: string[];
  faxNumber: string[];
  email: string[];
  url: string[];
  address: string[];
}

const CONTACT_PROPS = ['telephone', 'faxNumber', 'email', 'address', 'contactPoint', 'jobTitle'];
// Nodes that describe a contact of their parent rather than a party of their own.
const PART_OF_PARENT = /^(PostalAddress|ContactPoint|PropertyValue|Geo[A-Za-z]*)$/;

function personName(t: Thing): string | undefined {
  const name = first(t, 'name');
  if (name) return name;
  const family = first(t, 'familyName');
  const given = first(t, 'givenName');
  if (!family && !given) return undefined;
  // 王 + 建国 → 王建国; John + Smith → John Smith.
  return /[\u4e00-\u9fff]/.test(`${family}${given}`)
    ? `${family ?? ''}${given ?? ''}`
    : [given, family].filter(Boolean).join(' ');
}

const texts = (t: Thing, prop: string): string[] =>
  (t.props.get(prop) ?? []).map((v) => textOf(v)).filter((s): s is string => Boolean(s));

const isContactPoint = (t: Thing) => hasType(t, /^ContactPoint$/);

/** Postal addresses: `address`, or a `location` given directly as a PostalAddress. */
function addresses(t: Thing): string[] {
  const direct = t.props.get('address') ?? [];
  const located = things(t, 'location').filter((l) => hasType(l, /^PostalAddress$/));
  return [...direct, ...located].map(addressLine).filter((s): s is string => Boolean(s));
}

function entityOf(t: Thing): ContactEntity {
  // Contact points under any property (contactPoint, applicationContact, …) belong to the node.
  const points = [...t.props.values()].flat().filter((v): v is Thing => isThing(v) && isContactPoint(v));
  const e: ContactEntity = {
    types: t.types,
    jobTitle: texts(t, 'jobTitle'),
    telephone: [...strings(t, 'telephone'), ...points.flatMap((c) => strings(c, 'telephone'))],
    faxNumber: [...strings(t, 'faxNumber'), ...points.flatMap((c) => strings(c, 'faxNumber'))],
    email: [...strings(t, 'email'), ...points.flatMap((c) => strings(c, 'email'))],
    url: strings(t, 'url'),
    address: addresses(t),
  };
  const name = hasType(t, PERSON_TYPE) ? personName(t) : (first(t, 'legalName') ?? first(t, 'name'));
  if (name) e.name = name;
  return e;
}

/** Every node that carries contact details of its own (its contact points folded in). */
export function contactEntities(roots: Thing[]): ContactEntity[] {
  return allThings(roots)
    .filter(
      (t) =>
        !hasType(t, PART_OF_PARENT) &&
        (CONTACT_PROPS.some((p) => t.props.has(p)) ||
          addresses(t).length > 0 ||
          [...t.props.values()].flat().some((v) => isThing(v) && isContactPoint(v))),
    )
    .map(entityOf);
}

function companyOf(org: Thing, e: ContactEntity): CapturedCompany {
  const c = emptyCompany();
  if (e.name) c.name = e.name;
  for (const p of e.telephone) addPhone(c.phones, p, true);
  for (const p of e.faxNumber) addPhone(c.faxes, p, true);
  for (const m of e.email) addEmail(c.emails, m);
  const site = e.url.find((u) => /^https?:/i.test(u));
  if (site) c.website = site;
  if (e.address[0]) c.address = e.address[0];
  const ids = ['taxID', 'vatID', 'identifier', 'iso6523Code', 'leiCode'].flatMap((p) => texts(org, p));
  const code = findCreditCodes(ids.join(' '))[0];
  if (code) c.creditCode = code;
  return c;
}

/**
 * Company and people from schema.org data: the first organisation (in document order) is the
 * company; every Person with a name is a person.
 */
export function foundFromThings(roots: Thing[]): Found {
  const nodes = allThings(roots);
  const orgs = nodes.filter((t) => hasType(t, ORG_TYPE) && !hasType(t, PERSON_TYPE));
  const org = orgs.find((t) => first(t, 'legalName') ?? first(t, 'name')) ?? orgs[0];
  const company: CapturedCompany | null = org ? companyOf(org, entityOf(org)) : null;
  const people = nodes.flatMap((t) => {
    const name = hasType(t, PERSON_TYPE) ? personName(t) : undefined;
    if (!name) return [];
    const e = entityOf(t);
    return [
      person(name, {
        ...(e.jobTitle[0] ? { title: e.jobTitle[0] } : {}),
        phones: e.telephone,
        ...(e.email[0] ? { email: e.email[0] } : {}),
      }),
    ];
  });
  return { company, people };
}

/** All schema.org data on the page, JSON-LD first (it is what sites write for machines). */
export function schemaThings(doc: Document, url: URL): Thing[] {
  return memo('schema', doc, () => [...jsonLdThings(doc), ...microdataThings(doc, url), ...rdfaThings(doc, url)]);
}
