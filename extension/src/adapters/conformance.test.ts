import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { phoneDigits } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { jsonLdThings } from './generic/jsonld.ts';
import { microdataThings } from './generic/microdata.ts';
import { hCards, type MfItem, type MfValue, microformatItems } from './generic/microformats.ts';
import { rdfaThings } from './generic/rdfa.ts';
import { type ContactEntity, contactEntities } from './generic/schema.ts';

/**
 * The extractor against public test suites kept beside the repo (../shared/fixtures):
 * - microformats/tests: each h-card / vcard test page, compared with the upstream JSON on the
 *   properties a contact needs (name, org, tel, email, url, adr);
 * - schemaorg/eg-*: the same contact example as JSON-LD, microdata and RDFa must give the same
 *   contacts, and the JSON-LD must give every contact property the index says it has.
 * The pass rate is printed and must stay at or above 95%.
 */

// From this file up to the repo root (extension/src/adapters → ../../..), then ../shared.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/fixtures');
const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Tally {
  pass: number;
  total: number;
  failures: string[];
}
const tally = (): Tally => ({ pass: 0, total: 0, failures: [] });
function check(t: Tally, ok: boolean, what: string): void {
  t.total++;
  if (ok) t.pass++;
  else t.failures.push(what);
}
const rate = (t: Tally) => (t.total ? t.pass / t.total : 1);
const report = (name: string, t: Tally) =>
  `${name}: ${t.pass}/${t.total} (${(rate(t) * 100).toFixed(1)}%)${t.failures.length ? `\n  failed: ${t.failures.join('\n          ')}` : ''}`;

// ---------------------------------------------------------------------------------------------
// microformats
// ---------------------------------------------------------------------------------------------

const MF_DIRS = [
  'microformats-v2/h-card',
  'microformats-v1/hcard',
  'microformats-mixed/h-card',
  'microformats-v1/includes',
  'microformats-v1/hreview',
  'microformats-v2/h-review',
];
const MF_PROPS = ['name', 'org', 'tel', 'email', 'url', 'adr'] as const;
const ADR_PROPS = ['street-address', 'extended-address', 'locality', 'region', 'postal-code', 'country-name'];

/** Upstream JSON values and ours, reduced to comparable strings. */
function mfComparable(prop: string, v: unknown): string {
  if (typeof v === 'object' && v !== null && 'properties' in v) {
    const item = v as { value?: string; properties: Record<string, unknown[]> };
    if (prop === 'adr') {
      return JSON.stringify(ADR_PROPS.map((p) => (item.properties[p] ?? []).map((x) => collapse(String(x)))));
    }
    return collapse(String(item.value ?? ''));
  }
  if (typeof v === 'object' && v !== null && 'value' in v) return mfComparable(prop, (v as { value: unknown }).value);
  const s = collapse(String(v));
  // mf1 e-mail values come out as mailto: links or as resolved URLs ending in the address;
  // what a contact needs is the address.
  if (prop === 'email') return (s.replace(/^mailto:/i, '').split('?')[0] ?? '').replace(/^.*\//, '').toLowerCase();
  // "https://example.com" and "https://example.com/" are one URL, serialised two ways.
  if (prop === 'url') return s.replace(/^(https?:\/\/[^/]+)\/$/, '$1');
  return s;
}

interface UpstreamItem {
  type: string[];
  properties?: Record<string, unknown[]>;
  children?: UpstreamItem[];
}

/** Upstream JSON in our item shape: nested microformats become { value, item }, other objects their value. */
function fromUpstream(j: UpstreamItem): MfItem {
  const properties: Record<string, MfValue[]> = {};
  for (const [k, vs] of Object.entries(j.properties ?? {})) {
    properties[k] = vs.map((v) => {
      if (typeof v !== 'object' || v === null) return String(v);
      const o = v as { value?: string; type?: string[] };
      return o.type ? { value: String(o.value ?? ''), item: fromUpstream(v as UpstreamItem) } : String(o.value ?? '');
    });
  }
  return { type: j.type, properties, children: (j.children ?? []).map(fromUpstream) };
}

const oursAsUpstream = (v: MfValue): unknown =>
  typeof v === 'string' ? v : { value: v.value, properties: v.item.properties };

function mfCases(): { file: string; html: string; expected: MfItem[] }[] {
  const root = join(fixtures, 'microformats/tests');
  return MF_DIRS.flatMap((dir) =>
    existsSync(join(root, dir))
      ? readdirSync(join(root, dir))
          .filter((f) => f.endsWith('.json'))
          .map((f) => ({
            file: `${dir}/${f.replace(/\.json$/, '')}`,
            html: readFileSync(join(root, dir, f.replace(/\.json$/, '.html')), 'utf8'),
            expected: (JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as { items: UpstreamItem[] }).items.map(
              fromUpstream,
            ),
          }))
      : [],
  );
}

// ---------------------------------------------------------------------------------------------
// schema.org
// ---------------------------------------------------------------------------------------------

const words = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .sort()
    .join(' ');

/**
 * One contact in a syntax-neutral form. The upstream examples write the same value slightly
 * differently per syntax ("+33 1 42 68 53 00" vs "( 33 1) 42 68 53 00", "Opéra" vs "Opera",
 * street parts split or joined), so phones compare by digits and texts by their words.
 */
function neutral(e: ContactEntity): string {
  return JSON.stringify({
    types: [...e.types].sort(),
    name: words(e.name ?? ''),
    jobTitle: e.jobTitle.map(words).sort(),
    telephone: e.telephone.map(phoneDigits).sort(),
    faxNumber: e.faxNumber.map(phoneDigits).sort(),
    email: e.email.map((m) => m.replace(/^mailto:/i, '').toLowerCase()).sort(),
    url: e.url.map((u) => u.replace(/\/$/, '')).sort(),
    address: e.address.map(words).sort(),
  });
}

const hasMarkup = (html: string, kind: 'microdata' | 'rdfa') =>
  kind === 'microdata' ? /\bitemscope\b/i.test(html) : /\btypeof\s*=/i.test(html);

// Contact properties listed in index.json → where they land in a ContactEntity.
const PROP_FIELD: Record<string, keyof ContactEntity> = {
  telephone: 'telephone',
  faxNumber: 'faxNumber',
  email: 'email',
  jobTitle: 'jobTitle',
  streetAddress: 'address',
  addressLocality: 'address',
  postalCode: 'address',
};

describe('conformance with public test suites', () => {
  const mfRoot = join(fixtures, 'microformats/tests');
  const soRoot = join(fixtures, 'schemaorg');
  const mf = tally();
  const so = tally();

  it.skipIf(!existsSync(mfRoot))('microformats h-card / vcard (name, org, tel, email, url, adr)', () => {
    for (const c of mfCases()) {
      const expected = hCards(c.expected);
      const ours = hCards(microformatItems(parse(c.html), new URL('http://example.com/')));
      check(mf, ours.length === expected.length, `${c.file}: ${ours.length} cards, upstream ${expected.length}`);
      expected.forEach((exp, i) => {
        const got = ours[i];
        for (const p of MF_PROPS) {
          const want = (exp.properties[p] ?? []).map((v) => mfComparable(p, oursAsUpstream(v)));
          const have = (got?.properties[p] ?? []).map((v) => mfComparable(p, oursAsUpstream(v)));
          if (want.length === 0 && have.length === 0) continue;
          check(
            mf,
            JSON.stringify(want) === JSON.stringify(have),
            `${c.file}[${i}].${p}: ${JSON.stringify(have)} ≠ ${JSON.stringify(want)}`,
          );
        }
      });
    }
    console.info(report('microformats', mf));
    expect(mf.total).toBeGreaterThan(50);
  });

  it.skipIf(!existsSync(soRoot))('schema.org contact examples: JSON-LD, microdata and RDFa agree', () => {
    const index = JSON.parse(readFileSync(join(soRoot, 'index.json'), 'utf8')) as {
      id: string;
      contact_props: string[];
    }[];
    for (const ex of index) {
      const read = (f: string) =>
        existsSync(join(soRoot, ex.id, f)) ? readFileSync(join(soRoot, ex.id, f), 'utf8') : '';
      const page = new URL(`https://example.com/${ex.id}/`);
      const fromJson = contactEntities(jsonLdThings(parse(read('jsonld.html'))));
      const want = fromJson.map(neutral).sort();
      for (const prop of ex.contact_props) {
        const field = PROP_FIELD[prop];
        if (!field) continue;
        check(
          so,
          fromJson.some((e) => (e[field] as unknown[]).length > 0),
          `${ex.id} JSON-LD: no ${prop}`,
        );
      }
      for (const kind of ['microdata', 'rdfa'] as const) {
        const html = read(`${kind}.html`);
        if (!hasMarkup(html, kind)) continue;
        const doc = parse(html);
        const got = contactEntities(kind === 'microdata' ? microdataThings(doc, page) : rdfaThings(doc, page));
        const have = got.map(neutral).sort();
        check(
          so,
          JSON.stringify(have) === JSON.stringify(want),
          `${ex.id} ${kind}: ${have.join(' | ')}\n            ≠ JSON-LD ${want.join(' | ')}`,
        );
      }
    }
    console.info(report('schema.org', so));
    expect(so.total).toBeGreaterThan(50);
  });

  it('passes at least 95% of the checks', () => {
    if (!existsSync(mfRoot) && !existsSync(soRoot)) {
      console.warn(`conformance: ${fixtures} not found — public suites skipped`);
      return;
    }
    const all = { pass: mf.pass + so.pass, total: mf.total + so.total, failures: [] };
    console.info(report('conformance overall', all));
    expect(rate(all)).toBeGreaterThanOrEqual(0.95);
  });
});
