import type { CapturedParcel } from '@dossier/shared';
import { clean, type Line, linesOf, textOf } from '../dom.ts';
import { schemaThings } from '../generic/schema.ts';
import { allThings, hasType } from '../generic/things.ts';
import { tidy } from '../merge.ts';
import { linesMatching } from '../scan.ts';
import { escapeRe } from '../text.ts';
import type { Adapter } from '../types.ts';
import { LABELS_OF_METHOD, mergeParcels, PARCEL_LABELS, parcelField } from './fields.ts';
import { parcelsFromLabels, siblingPairs } from './labelled.ts';
import { parcelsFromListings } from './listing.ts';
import { parcelsFromSentences } from './prose.ts';
import { cellsOf, parcelsFromTables, rowsOf } from './table.ts';

/**
 * Land pages: result and notice pages of land bureaus and trading centres, and English
 * listings. Recognised by what they say (parcel field labels), so a bureau we have never
 * seen is read as well as landchina.
 */

const LAND_HOSTS =
  /(^|\.)(landchina\.com|ggzy\.[a-z.]+|[a-z]*ggzy[a-z]*\.(?:gov\.)?cn|gtj\.[a-z.]+|zrzy[a-z]*\.[a-z.]+|tdsc[a-z]*\.[a-z.]+)$/i;
// A label before a colon ("竞得人：") — a bare word like 位置 or 用途 in prose is not one.
const LABEL_COLON = new RegExp(
  `(?<![\\u4e00-\\u9fa5])(${PARCEL_LABELS.map(escapeRe).join('|')})\\s*(?:[（(][^）)]{1,8}[）)])?\\s*[:：]`,
  'g',
);
// Fields that only land pages have; 位置/面积/用途 alone also describe a flat or a product.
const STRONG = new Set(['parcelNo', 'winner', 'dealPrice', 'startPrice', 'method']);

const listings = (doc: Document, url: URL) => schemaThings(doc, url);
// Words without which no page is a land page: the cheap test that spares company pages the rest.
const LAND_WORDS = /宗地|地块|竞得|受让|出让|土地使用权|供地|挂牌|成交价|起始价/;

/** Distinct parcel fields the page labels, in a header cell of a table or before a colon. */
function labelledFields(doc: Document, text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(LABEL_COLON)) {
    const f = parcelField(m[1] ?? '');
    if (f) found.add(f);
  }
  const tables = doc.getElementsByTagName('table');
  for (let t = 0; t < tables.length; t++) {
    for (const tr of rowsOf(tables[t] as Element, 3)) {
      for (const cell of cellsOf(tr)) {
        const f = parcelField(cell.textContent ?? '');
        if (f) found.add(f);
      }
    }
  }
  // Label elements (<label>, <dt>, <th>) naming a parcel field. One query per tag: Chromium
  // answers a tag from an index, and a selector list by matching every element.
  for (const tag of ['label', 'dt', 'th']) {
    const els = doc.getElementsByTagName(tag);
    for (let i = 0; i < els.length; i++) {
      const f = parcelField(els[i]?.textContent ?? '');
      if (f) found.add(f);
    }
  }
  return found;
}

const METHOD_LABEL = new RegExp(LABELS_OF_METHOD.map(escapeRe).join('|'));

function pageMethod(lines: Line[], doc: Document): string | undefined {
  const values = new Set<string>();
  for (const i of linesMatching(lines, METHOD_LABEL)) {
    const cells = lines[i]?.cells ?? [];
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k] ?? '';
      if (cells.length > 1 && parcelField(cell) === 'method' && cells[k + 1]) values.add(clean(cells[k + 1]));
      else {
        const m = new RegExp(`(?:${METHOD_LABEL.source})\\s*[:：]\\s*([^\\s，,。；;]{2,12})`).exec(cell);
        if (m?.[1]) values.add(m[1]);
      }
    }
  }
  if (values.size === 1) return [...values][0];
  if (values.size > 1) return undefined;
  const heads = [doc.title, ...[...doc.querySelectorAll('h1, h2, h3')].slice(0, 5).map((h) => h.textContent ?? '')];
  return heads.map((h) => /(?:挂牌|拍卖|招标|协议)出让/.exec(h)?.[0]).find(Boolean);
}

export const landAdapter: Adapter = {
  id: 'land',
  kind: 'land',
  mergeGeneric: false,
  detect(url, doc) {
    if (allThings(listings(doc, url)).some((t) => hasType(t, /^RealEstateListing$/))) return true;
    const text = doc.body ? textOf(doc.body) : '';
    if (!LAND_WORDS.test(text)) return false;
    const fields = labelledFields(doc, text);
    const strong = [...fields].some((f) => STRONG.has(f));
    if (strong && (fields.size >= 3 || (LAND_HOSTS.test(url.hostname) && fields.size >= 2))) return true;
    // A report of a result in a sentence ("……以总价36800万元竞得XZ2024-07号地块").
    return parcelsFromSentences(text).length > 0;
  },
  extract(doc, url) {
    const root = doc.body ?? doc.documentElement;
    let parcels: CapturedParcel[] = [];
    const notes: string[] = [];
    if (root) {
      const lines = linesOf(root);
      parcels = mergeParcels([...parcelsFromTables(root, notes), ...parcelsFromLabels(lines)]);
      if (parcels.length === 0) parcels = parcelsFromLabels([], siblingPairs(root));
      if (parcels.length === 0) parcels = parcelsFromSentences(lines.map((l) => l.cells.join(' ')).join('\n'));
    }
    parcels = mergeParcels([...parcels, ...parcelsFromListings(listings(doc, url))]);
    // A notice states how its land is offered once, above the parcel table (出让方式：网上挂牌),
    // or in its title (挂牌出让公告): every parcel of the page is offered that way.
    if (root && parcels.some((p) => !p.method)) {
      const method = pageMethod(linesOf(root), doc);
      if (method) for (const p of parcels) p.method ??= method;
    }
    return tidy({
      url: url.href,
      kind: 'land',
      adapter: 'land',
      company: null,
      people: [],
      message: null,
      parcels,
      ...(parcels.length
        ? notes.length
          ? { warnings: notes }
          : {}
        : { warnings: ['land: the page looks like a land page but no parcel was read'] }),
    });
  },
};
