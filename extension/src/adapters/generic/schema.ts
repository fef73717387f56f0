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

// Properties that name someone other than the thing they sit on: the author, publisher or
// performer of a work, the organiser of an event, a founder, a member. What such a property
// points at is not the page's business, nor one of its people.
const ROLES = new Set([
  'author',
  'creator',
  'editor',
  'contributor',
  'publisher',
  'sourceOrganization',
  'copyrightHolder',
  'performer',
  'performers',
  'organizer',
  'sponsor',
  'funder',
  'founder',
  'founders',
  'producer',
  'translator',
  'attendee',
  'attendees',
  'actor',
  'actors',
  'director',
  'directors',
  'composer',
  'illustrator',
  'character',
  'alumni',
  'alumniOf',
  'member',
  'members',
  'memberOf',
  'affiliation',
  'parentOrganization',
  'reviewedBy',
  'recipient',
  'participant',
  'competitor',
  'accountablePerson',
  'maintainer',
  'manufacturer',
  'brand',
  'seller',
  'offeredBy',
  'broker',
  'isPartOf',
  'subjectOf',
  'sameAs',
]);
// …except that the publisher (or author) of the site itself is the site's owner.
const SITE = /^(WebSite|WebPage|AboutPage|ContactPage|CollectionPage|ProfilePage|ItemPage|SearchResultsPage)$/;
const OWNER_ROLES = new Set(['publisher', 'author', 'creator', 'copyrightHolder', 'sourceOrganization']);
// What a page, a review or an event is about: the business its card describes.
const DESCRIBED = new Set(['mainEntity', 'about', 'itemReviewed', 'location', 'mentions']);
// A company's own parts, whose phones and e-mails are the company's.
const PARTS = ['department', 'subOrganization', 'hasPOS', 'branch', 'contactPoint', 'contactPoints'];
/** Works whose page is an article: their own data says nothing about who to call. */
export const ARTICLE_TYPE =
  /^(Article|NewsArticle|BlogPosting|Blog|Report|ScholarlyArticle|TechArticle|LiveBlogPosting|OpinionNewsArticle|AnalysisNewsArticle|ReportageNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|SocialMediaPosting|DiscussionForumPosting|Review|CriticReview|UserReview)$/;

const isRole = (parent: Thing, prop: string) => ROLES.has(prop) && !(OWNER_ROLES.has(prop) && hasType(parent, SITE));

/**
 * The page's own things: reached from the top-level nodes without passing through a role, and
 * how each was reached ('described' through a work's mainEntity, itemReviewed, venue…). A
 * top-level node that something names only in a role (an @graph Organization that an article
 * calls its publisher) is someone else's too.
 */
function ownThings(roots: Thing[]): Map<Thing, string> {
  const all = allThings(roots);
  const inRole = new Set<Thing>();
  const inOwn = new Set<Thing>();
  for (const t of all)
    for (const [prop, vs] of t.props) for (const v of vs) if (isThing(v)) (isRole(t, prop) ? inRole : inOwn).add(v);
  const reached = new Map<Thing, string>();
  const queue = roots.filter((r) => !inRole.has(r) || inOwn.has(r));
  for (const r of queue) reached.set(r, '');
  for (let i = 0; i < queue.length; i++) {
    const t = queue[i] as Thing;
    const site = hasType(t, SITE);
    for (const [prop, vs] of t.props) {
      if (isRole(t, prop)) continue;
      for (const v of vs)
        if (isThing(v) && !reached.has(v)) {
          reached.set(v, DESCRIBED.has(prop) && !site ? 'described' : prop);
          queue.push(v);
        }
    }
  }
  return reached;
}

const hasContacts = (e: ContactEntity) => e.telephone.length + e.faxNumber.length + e.email.length > 0;
const hasStreet = (t: Thing) =>
  (t.props.get('address') ?? []).some((a) => typeof a === 'string' || first(a, 'streetAddress') !== undefined);

/** What the page's schema.org data says about its business and its people. */
export interface StructuredFound extends Found {
  /** The company is the business a review, event or page describes (not the site's owner). */
  described: boolean;
  /** The data marks the page as an article (news, blog post, review). */
  article: boolean;
}

/**
 * Company and people from schema.org data, by the role each thing plays. The business a page,
 * review or event describes (its mainEntity, itemReviewed, venue) is the company when it has
 * contact details; otherwise the page's own organisation (the site's publisher, a standalone
 * Organization or LocalBusiness), else any other thing with contact details of its own (a
 * Place, an airport, a job posting's contact). A publisher, author, performer, organiser,
 * founder or member named by a work is someone else: neither the company nor one of its
 * people. The company's departments, sub-organisations and contact points add their phones
 * and e-mails; its brand names it when nothing else does. People are the Persons with contact
 * details or a job title.
 */
export function foundFromThings(roots: Thing[]): StructuredFound {
  const own = ownThings(roots);
  const nodes = allThings(roots).filter((t) => own.has(t) && !hasType(t, PART_OF_PARENT));
  const article = roots.some(
    (r) => hasType(r, ARTICLE_TYPE) || things(r, 'mainEntity').some((m) => hasType(m, ARTICLE_TYPE)),
  );
  // A department is part of the company, not a candidate for it.
  const notPerson = nodes.filter(
    (t) => !hasType(t, PERSON_TYPE) && !hasType(t, ARTICLE_TYPE) && !PARTS.includes(own.get(t) ?? ''),
  );
  const described = notPerson.find((t) => {
    const e = entityOf(t);
    return own.get(t) === 'described' && e.name && (hasContacts(e) || hasStreet(t));
  });
  const orgs = notPerson.filter((t) => hasType(t, ORG_TYPE));
  const org =
    described ??
    orgs.find((t) => hasContacts(entityOf(t)) && (first(t, 'legalName') ?? first(t, 'name'))) ??
    orgs.find((t) => first(t, 'legalName') ?? first(t, 'name')) ??
    orgs[0] ??
    notPerson.find((t) => !hasType(t, SITE) && (hasContacts(entityOf(t)) || hasStreet(t)));
  let company: CapturedCompany | null = null;
  if (org) {
    const e = entityOf(org);
    company = companyOf(org, e);
    for (const part of allThings(PARTS.flatMap((p) => things(org, p)))) {
      if (hasType(part, PERSON_TYPE)) continue;
      for (const p of strings(part, 'telephone')) addPhone(company.phones, p, true);
      for (const p of strings(part, 'faxNumber')) addPhone(company.faxes, p, true);
      for (const m of strings(part, 'email')) addEmail(company.emails, m);
    }
    if (!company.name) {
      const brand =
        things(org, 'brand')
          .map((b) => first(b, 'name'))
          .find(Boolean) ?? strings(org, 'brand')[0];
      if (brand) company.name = brand;
    }
  }
  const people = nodes.flatMap((t) => {
    const name = hasType(t, PERSON_TYPE) ? personName(t) : undefined;
    if (!name) return [];
    const e = entityOf(t);
    if (!hasContacts(e) && e.jobTitle.length === 0) return [];
    return [
      person(name, {
        ...(e.jobTitle[0] ? { title: e.jobTitle[0] } : {}),
        phones: e.telephone,
        ...(e.email[0] ? { email: e.email[0] } : {}),
      }),
    ];
  });
  return { company, people, described: Boolean(described && org === described), article };
}

/** All schema.org data on the page, JSON-LD first (it is what sites write for machines). */
export function schemaThings(doc: Document, url: URL): Thing[] {
  return memo('schema', doc, () => [...jsonLdThings(doc), ...microdataThings(doc, url), ...rdfaThings(doc, url)]);
}
