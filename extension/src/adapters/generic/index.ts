import { type Capture, type CapturedCompany, registrableDomain } from '@dossier/shared';
import { type Line, linesOf, memo, textOf } from '../dom.ts';
import { emptyCompany, type Found, isMobile, mergeFound, PhoneSet, tidy } from '../merge.ts';
import { isChineseText, phonesIn, setPageForeign } from '../phones.ts';
import type { Adapter } from '../types.ts';
import { addressInProse, foundInBlocks } from './blocks.ts';
import { foundFromCards } from './cards.ts';
import { emailsIn } from './emails.ts';
import { companyNameFromCopyright, ownSiteShown, soleCreditCode, soleIcp } from './footer.ts';
import { foundFromLabels } from './labels.ts';
import { leadersIn } from './leaders.ts';
import { foundFromLinks } from './links.ts';
import { hCards, microformatItems } from './microformats.ts';
import { siteName } from './names.ts';
import { peopleFromTables } from './people-tables.ts';
import { giveOwnMailboxes, peopleByEmail, peopleFromCards, peopleOverNumbers } from './person-cards.ts';
import { foundFromThings, schemaThings } from './schema.ts';
import { splitThirdParty } from './third-party.ts';

/** Is there an h-card (or an mf1 vcard, parsed as one) in or at `root`? Only cards are read. */
function hasCards(root: Element): boolean {
  const cls = root.classList;
  return (
    cls.contains('h-card') ||
    cls.contains('vcard') ||
    root.getElementsByClassName('h-card').length > 0 ||
    root.getElementsByClassName('vcard').length > 0
  );
}

/**
 * The generic pass, run on every page: structured data first (it is written for machines),
 * then microformats, labelled text and tables, leaders with titles, tel:/mailto: links, and
 * what the page text says in passing (credit code, ICP, e-mails, the copyright holder).
 * Earlier sources win a field; lists are unioned.
 */
export interface GenericOptions {
  /** Read the site's own name (title, site name, logo): not on a webmail page, whose site is the mail service. */
  siteName?: boolean;
}

export function genericFound(
  doc: Document,
  url: URL,
  root: Element | null = doc.body ?? doc.documentElement,
  opts: GenericOptions = {},
): Found & { article: boolean } {
  if (!root) return { company: null, people: [], article: false };
  const whole = root === doc.body || root === doc.documentElement;
  // A legal notice's sections on its host and designer speak of those firms: read apart.
  const { kept: lines, aside } = splitThirdParty(linesOf(root));
  const text = textOf(root);
  const schema = whole ? foundFromThings(schemaThings(doc, url)) : null;
  // Microformats only where a card is (a class look-up is far cheaper than a walk).
  const hasMf = hasCards(whole ? doc.documentElement : root);
  const cards = hasMf
    ? foundFromCards(hCards(microformatItems(doc, url, whole ? doc.documentElement : root)))
    : { company: null, people: [] };
  const nanp = !isChineseText(text);
  setPageForeign(nanp);
  const labelled = foundFromLabels(lines, nanp);
  const links = foundFromLinks(root);
  const blocks = foundInBlocks(lines, nanp, !labelled.company?.address);
  const passing = emptyCompany();
  // Messenger handles (MSN: x@hotmail.com) are not e-mail addresses, however they look.
  passing.emails = emailsIn(text).addresses.filter((e) => !labelled.handles.includes(e));
  // In an article the addresses its text and links mention are the story's (the MPs it lists,
  // a source, the author's byline): the site speaks in its header, footer and contact block.
  // Without a marked-up article body, only the site's own domain speaks for the site.
  const article = whole && Boolean(schema?.article || isArticlePage(doc));
  if (article) {
    const body = articleBody(doc);
    const story = new Set(
      body ? [...emailsIn(textOf(body)).addresses, ...(foundFromLinks(body).company?.emails ?? [])] : [],
    );
    const own = registrableDomain(url.hostname);
    const ours = (e: string) =>
      body ? !story.has(e) : own !== null && registrableDomain(e.slice(e.indexOf('@') + 1)) === own;
    passing.emails = passing.emails.filter(ours);
    if (links.company) links.company.emails = links.company.emails.filter(ours);
  }
  // An article's structured data names its publisher, not a business to call: it counts only
  // on a page that shows contact details of its own (or when it describes a business — a
  // review's or an event's card).
  const visible = [labelled.company, cards.company, links.company, passing, blocks].some(hasContacts);
  const structured =
    schema && (schema.described || visible || !(schema.article || isArticlePage(doc)))
      ? schema
      : { company: null, people: [] };
  const found = mergeFound(
    structured,
    cards,
    labelled,
    { company: null, people: peopleFromTables(lines) },
    { company: null, people: leadersIn(lines) },
    { company: null, people: peopleFromCards(lines) },
    { company: null, people: peopleByEmail(lines) },
    { company: null, people: peopleOverNumbers(lines) },
  );
  const faxes = PhoneSet.of(found.company?.faxes ?? []);
  // A tel: link or an unlabelled number the page labels elsewhere as its fax is the fax.
  if (links.company) links.company.phones = links.company.phones.filter((p) => !faxes.has(p));
  // …and an unlabelled number that is a person's own line (a row of a contact table) is theirs.
  const personal = PhoneSet.of(found.people.flatMap((p) => [p.mobile, p.phone]).filter((p): p is string => Boolean(p)));
  blocks.phones = blocks.phones.filter((p) => !faxes.has(p) && !personal.has(p));
  // The address the page shows wins over the one its structured data holds.
  const shown = labelled.company?.address ?? cards.company?.address ?? blocks.address;
  if (found.company && shown) found.company.address = shown;
  const code = soleCreditCode(text);
  if (code) passing.creditCode = code;
  const icp = soleIcp(text);
  if (icp) passing.icp = icp;
  const owner = whole && opts.siteName !== false ? siteName(doc, url, lines, text) : companyNameFromCopyright(lines);
  if (owner) passing.name = owner;
  const titled = whole ? labelledInTitle(doc, nanp) : null;
  const all = mergeFound(
    found,
    { company: blocks, people: [] },
    links,
    { company: passing, people: [] },
    { company: titled, people: [] },
  );
  if (all.company && aside.length) withoutThirdParty(all.company, lines, aside, nanp);
  if (all.company && !all.company.address && !article) {
    const said = addressInProse(text);
    if (said) all.company.address = said;
  }
  // The site's own address, shown with no label, is the website of a company the page shows how to reach.
  if (all.company && !all.company.website && !article && hasContacts(all.company)) {
    const site = ownSiteShown(text, url);
    if (site) all.company.website = site;
  }
  // Without contact details a person is clipped only from a company's own pages (its leaders,
  // its 联系人): an article's or a blog's names — authors, commenters, people quoted — are not.
  if (!isCompanyPage(all, article) || article) all.people = all.people.filter((p) => p.mobile || p.phone || p.email);
  for (const p of all.people) if (!p.title && labelled.legal.includes(p.name)) p.title = '法定代表人';
  if (all.company) giveOwnMailboxes(all.people, all.company.emails);
  // A person's own mobile and e-mail are theirs, not the company's switchboard.
  if (all.company) {
    const mobiles = new Set(all.people.map((p) => p.mobile).filter(Boolean));
    const mails = new Set(all.people.map((p) => p.email).filter(Boolean));
    const lines = new Set(all.people.map((p) => p.phone).filter(Boolean));
    all.company.phones = all.company.phones.filter((p) => !(mobiles.has(p) && isMobile(p)) && !lines.has(p));
    // (An e-mail a labelled contact block gives is the company's as well as the person's.)
    const shared = new Set(labelled.company?.emails ?? []);
    all.company.emails = all.company.emails.filter((e) => !mails.has(e) || shared.has(e));
  }
  return { ...all, article };
}

/**
 * The numbers and e-mails that only a host's or designer's section shows (tel: and mailto:
 * links, addresses in the text are read from the whole page) are not the company's.
 */
function withoutThirdParty(c: CapturedCompany, kept: Line[], aside: Line[], nanp: boolean): void {
  const said = (ls: Line[]) => ls.map((l) => l.cells.join(' ')).join('\n');
  const theirs = said(aside);
  const theirPhones = PhoneSet.of(phonesIn(theirs, { nanp }).map((p) => p.value));
  const theirMail = new Set(emailsIn(theirs).addresses);
  const shared = c.phones.some((p) => theirPhones.has(p)) || c.emails.some((e) => theirMail.has(e));
  if (!shared) return;
  // The owner's part of the page is read again only when a value is also in a third party's.
  const ours = said(kept);
  const ourPhones = PhoneSet.of(phonesIn(ours, { nanp }).map((p) => p.value));
  const ourMail = new Set(emailsIn(ours).addresses);
  c.phones = c.phones.filter((p) => ourPhones.has(p) || !theirPhones.has(p));
  c.emails = c.emails.filter((e) => ourMail.has(e) || !theirMail.has(e));
}

/**
 * The numbers and addresses a page's <title> labels ("河南仕畅…有限公司-联系电话：0396-7636111"):
 * small sites put their phone there and sometimes nowhere else, and the title is not part of
 * the body the labels are read from. Only ways to reach the company count here; the title's
 * name is the site's name (siteName reads it).
 */
function labelledInTitle(doc: Document, nanp: boolean): CapturedCompany | null {
  const title = doc.title;
  if (!/[:：]/.test(title)) return null;
  const c = foundFromLabels([{ cells: [title.trim()], heading: false }], nanp).company;
  if (!c || !(c.phones.length || c.faxes.length || c.emails.length)) return null;
  return { ...emptyCompany(), phones: c.phones, faxes: c.faxes, emails: c.emails };
}

/** Does the company carry a way to reach it (a phone, a fax, an e-mail or an address)? */
export function hasContacts(c: CapturedCompany | null): boolean {
  return Boolean(c && (c.phones.length || c.faxes.length || c.emails.length || c.address));
}

/** og:type article (or news, blog): a page of content, whoever publishes it. */
export function isArticlePage(doc: Document): boolean {
  return memo('articlePage', doc, () => {
    // The few <meta> elements one by one: a selector list is matched against every element.
    const metas = doc.getElementsByTagName('meta');
    for (let i = 0; i < metas.length; i++) {
      const m = metas[i] as Element;
      if ((m.getAttribute('property') ?? m.getAttribute('name')) === 'og:type')
        return /article|news|blog/i.test(m.getAttribute('content') ?? '');
    }
    return false;
  });
}

/**
 * A company page is one that shows how to reach its business — a phone, fax, e-mail, address
 * or credit code, or a person with a number or an e-mail. A name alone (the copyright line of a
 * news portal) does not make one.
 */
export function isCompanyPage(f: Found, article = false): boolean {
  return (
    hasContacts(f.company) ||
    Boolean(f.company?.creditCode) ||
    // (An article's author with an e-mail address does not make the publisher's page a company page.)
    (!article && f.people.some((p) => p.mobile || p.phone || p.email))
  );
}

const ABOUT =
  /关于我们|公司简介|企业简介|公司概况|企业概况|公司介绍|about\s+us|company\s+profile|who\s+we\s+are|über\s+uns/i;

/** Does the page say it is about its company (in its title or its main heading)? */
function isAboutPage(doc: Document): boolean {
  return ABOUT.test(doc.title) || ABOUT.test(doc.querySelector('h1')?.textContent ?? '');
}

/** The body of an article page, where the story (not the site) speaks. */
function articleBody(doc: Document): Element | null {
  return doc.querySelector(
    '[itemprop="articleBody"], article .entry-content, article .post-content, .article-body, .article-content, .entry-content, .post-content, .story-body, article',
  );
}

function genericCapture(doc: Document, url: URL, id = 'generic'): Capture {
  const f = genericFound(doc, url);
  const c = f.company;
  // A company's own about or contact page is one even when it shows no number (公司简介 with a
  // name and a history); a news page's copyright name is not.
  const named = isCompanyPage(f, f.article) || (!f.article && Boolean(c?.name) && isAboutPage(doc));
  return tidy({
    url: url.href,
    kind: named ? 'company' : 'generic',
    adapter: id,
    company: c,
    people: f.people,
    message: null,
    parcels: [],
  });
}

export const genericAdapter: Adapter = {
  id: 'generic',
  kind: 'generic',
  detect: () => true,
  extract: (doc, url) => genericCapture(doc, url),
  mergeGeneric: false,
};
