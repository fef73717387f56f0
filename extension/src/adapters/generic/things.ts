/**
 * schema.org data as one model, whichever syntax carried it (JSON-LD, microdata, RDFa):
 * a Thing has local type names ("Organization") and local property names ("telephone").
 * The three readers produce Things; everything downstream (the capture, the conformance
 * test) reads Things only, so the same example in three syntaxes gives the same contacts.
 */

export type Value = string | Thing;

export interface Thing {
  types: string[];
  props: Map<string, Value[]>;
}

export function newThing(types: string[] = []): Thing {
  return { types, props: new Map() };
}

export function addValue(t: Thing, prop: string, v: Value): void {
  const list = t.props.get(prop);
  if (list) list.push(v);
  else t.props.set(prop, [v]);
}

/** "https://schema.org/Organization", "schema:Organization", "Organization" → "Organization". */
export function localName(iri: string): string {
  const s = iri.trim();
  const cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('#'), s.lastIndexOf(':'));
  return cut >= 0 ? s.slice(cut + 1) : s;
}

export const isThing = (v: Value | undefined): v is Thing => typeof v === 'object' && v !== null;

/** The property's text values; an empty one ("telephone": "") says nothing. */
export function strings(t: Thing, prop: string): string[] {
  return (t.props.get(prop) ?? []).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

export function things(t: Thing, prop: string): Thing[] {
  return (t.props.get(prop) ?? []).filter(isThing);
}

/** The text of a property: a string, or the name of a Thing given as the value. */
export function textOf(v: Value | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() || undefined;
  return strings(v, 'name')[0]?.trim() || undefined;
}

export const first = (t: Thing, prop: string): string | undefined => textOf(t.props.get(prop)?.[0]);

export const hasType = (t: Thing, re: RegExp): boolean => t.types.some((x) => re.test(x));

// Types that are organisations (schema.org Organization and the LocalBusiness family, whose
// subtype names end in a handful of words) — a Place or an Event with a phone is not a company.
export const ORG_TYPE =
  /Organi[sz]ation|Corporation|Business|Company|NGO|Consortium|Cooperative|Agency|Store|Shop|Restaurant|Hotel|Motel|Hostel|Resort|Lodging|Clinic|Hospital|Pharmacy|Dentist|Physician|Bank|Library|School|College|University|Office|Dealer|Contractor|Attorney|Notary|Brand|Airline|Group|Team|Establishment|Bakery|Cafe|Brewery|Winery|Salon|Spa|Club|Center/;
export const PERSON_TYPE = /^Person$|^Patient$/;

/** Every Thing reachable from `roots`, each once, depth first in document order. */
export function allThings(roots: Thing[]): Thing[] {
  const seen = new Set<Thing>();
  const out: Thing[] = [];
  const visit = (t: Thing) => {
    if (seen.has(t)) return;
    seen.add(t);
    out.push(t);
    for (const vs of t.props.values()) for (const v of vs) if (isThing(v)) visit(v);
  };
  for (const r of roots) visit(r);
  return out;
}

/**
 * A postal address as one line. Chinese addresses run large to small with no separators
 * (江苏省徐州市云龙区…); Western ones run small to large with commas.
 */
export function addressLine(v: Value): string | undefined {
  // A bare IRI (an unresolved reference) is not an address.
  if (typeof v === 'string')
    return /^https?:\/\//i.test(v.trim()) ? undefined : v.replace(/\s+/g, ' ').trim() || undefined;
  const part = (p: string) => first(v, p)?.replace(/\s+/g, ' ');
  const street = [part('streetAddress'), part('extendedAddress')].filter(Boolean) as string[];
  const country = part('addressCountry');
  const region = part('addressRegion');
  const locality = part('addressLocality');
  const postal = part('postalCode');
  const all = [country, region, locality, ...street].filter(Boolean) as string[];
  if (all.length === 0) return part('name');
  if (all.some((s) => /[\u4e00-\u9fff]/.test(s))) {
    // Skip parts already contained in the next one (徐州市 inside 江苏省徐州市云龙区…).
    const cjk = [region, locality, ...street].filter(Boolean) as string[];
    return cjk.filter((s, i) => !cjk.slice(i + 1).some((n) => n.includes(s))).join('');
  }
  // With a region the American way (Town, ST 12345); a numeric postcode without one the
  // Continental way (82205 Gilching); a British or Canadian one after the town.
  if (region) return [...street, locality, `${region} ${postal ?? ''}`.trim(), country].filter(Boolean).join(', ');
  if (postal && /^(?:[A-Z]{1,2}-)?\d{3,6}$/.test(postal))
    return [...street, [postal, locality].filter(Boolean).join(' '), country].filter(Boolean).join(', ');
  return [...street, locality, postal, country].filter(Boolean).join(', ');
}
