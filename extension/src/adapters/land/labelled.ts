import type { CapturedParcel } from '@dossier/shared';
import type { Line } from '../dom.ts';
import { linesMatching } from '../scan.ts';
import { escapeRe } from '../text.ts';
import { mergeParcels, PARCEL_LABELS, type ParcelField, parcelField, setField } from './fields.ts';

/**
 * Parcels from labelled values: landchina-style grids (label | value | label | value) and
 * "竞得人：…，竞得价：…万元" in running text. Pairs come in page order; a field seen twice
 * starts the next parcel, so a page of several grids gives several parcels.
 */

export interface Pair {
  field: ParcelField;
  label: string;
  value: string;
}

// A label needs its colon in running text: "竞得人须在…" is a sentence, "竞得人：" a field.
// A label stands on its own: 位置 in "当前位置：" (a breadcrumb) is not the parcel's location.
const INLINE = new RegExp(
  `(?<![\\u4e00-\\u9fa5])(${PARCEL_LABELS.map((l) => [...l].map(escapeRe).join('\\s*')).join('|')})\\s*(?:[（(][^）)]{1,8}[）)])?\\s*[:：]`,
  'g',
);
// Values that are one token end at a comma; a location may contain commas and runs to the next label.
const TOKEN_END = /[，,。；;！!]|\s{2,}/;
const TEXT_END = /[。；;！!]|\s{2,}/;

function inlinePairs(text: string): Pair[] {
  const hits = [...text.matchAll(INLINE)];
  return hits.flatMap((m, k) => {
    const label = m[0];
    const field = parcelField(m[1] ?? '');
    if (!field) return [];
    const start = (m.index ?? 0) + m[0].length;
    let value = text.slice(start, hits[k + 1]?.index ?? text.length);
    const stop = (field === 'location' ? TEXT_END : TOKEN_END).exec(value.trimStart());
    value = value.trimStart();
    if (stop) value = value.slice(0, stop.index);
    return [{ field, label, value: value.replace(/[\s，,、]+$/, '') }];
  });
}

function linePairs(line: Line, inline: boolean): Pair[] {
  if (line.cells.length < 2) return inline ? inlinePairs(line.cells[0] ?? '') : [];
  const out: Pair[] = [];
  for (let k = 0; k < line.cells.length; k++) {
    const label = line.cells[k] ?? '';
    const field = parcelField(label);
    const value = line.cells[k + 1];
    if (field && value !== undefined && !parcelField(value)) {
      out.push({ field, label, value });
      k++;
    } else if (!field && inline) out.push(...inlinePairs(label));
  }
  return out;
}

/**
 * "label element, value in the next element" with no colon in between (<label>竞得人</label>
 * <span>…</span>): pairs read from the DOM, for pages whose lines carry no colon.
 */
export function siblingPairs(root: ParentNode): Pair[] {
  const out: Pair[] = [];
  for (const el of root.querySelectorAll('label, dt, th, span, b, strong, em, div, p, li')) {
    if (el.childElementCount > 0) continue;
    const label = el.textContent ?? '';
    if (label.length > 16) continue;
    const field = parcelField(label);
    const next = el.nextElementSibling;
    if (!field || !next || parcelField(next.textContent ?? '')) continue;
    out.push({ field, label, value: (next.textContent ?? '').replace(/\s+/g, ' ').trim() });
  }
  return out;
}

export function parcelsFromLabels(lines: Line[], extra: Pair[] = []): CapturedParcel[] {
  const parcels: CapturedParcel[] = [];
  let current: CapturedParcel = {};
  let seen = new Set<ParcelField>();
  const close = () => {
    if (Object.keys(current).length >= 2) parcels.push(current);
    current = {};
    seen = new Set();
  };
  // Labels in running text only on the lines where the whole text has one.
  const inline = new Set(linesMatching(lines, INLINE));
  const pairs = [...lines.flatMap((line, i) => linePairs(line, inline.has(i))), ...extra];
  for (const pair of pairs) {
    if (seen.has(pair.field)) close();
    if (setField(current, pair.field, pair.value, pair.label)) seen.add(pair.field);
  }
  close();
  return mergeParcels(parcels);
}
