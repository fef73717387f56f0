import { type CapturedParcel, foldWidth } from '@dossier/shared';
import { clean } from '../dom.ts';
import { isSpace } from '../text.ts';
import { areaM2, isoDate, price, unitHint } from './units.ts';

/**
 * Parcel field labels as land pages write them (landchina detail grids, trading-centre result
 * tables, notices), and turning one labelled value into parcel fields.
 */

export type ParcelField =
  | 'parcelNo'
  | 'location'
  | 'area'
  | 'use'
  | 'method'
  | 'startPrice'
  | 'dealPrice'
  | 'dealDate'
  | 'winner';

const LABELS: Record<ParcelField, string[]> = {
  parcelNo: [
    '宗地编号',
    '地块编号',
    '宗地号',
    '地块号',
    '宗地编码',
    '地块编码',
    'Parcel No',
    'Parcel Number',
    'Lot No',
  ],
  location: [
    '宗地位置',
    '土地坐落',
    '宗地座落',
    '宗地坐落',
    '地块位置',
    '项目位置',
    '土地位置',
    '坐落位置',
    '位置',
    '坐落',
    '土地座落',
  ],
  area: [
    '面积',
    '宗地面积',
    '出让面积',
    '土地面积',
    '地块面积',
    '交易土地面积',
    '供应面积',
    '用地面积',
    '出让土地面积',
    '总面积',
  ],
  use: ['用途', '土地用途', '规划用途', '用地性质', '规划土地用途'],
  method: ['供地方式', '出让方式', '供应方式', '交易方式', '转让方式', '出让形式'],
  startPrice: ['起始价', '起拍价', '挂牌起始价', '出让起始价', '起始价格', '挂牌起价', '起价'],
  dealPrice: ['成交价', '成交价格', '成交地价', '竞得价', '转让价格', '成交总价', '成交金额', '成交价款'],
  dealDate: ['成交时间', '成交日期', '合同签订日期', '签订日期', '竞得时间', '签约日期'],
  winner: [
    '竞得人',
    '受让人',
    '受让单位',
    '土地使用权人',
    '现土地使用权人',
    '竞得单位',
    '竞得者',
    '联合竞得人',
    '竞得人名称',
    '受让方',
  ],
};

const norm = (s: string) =>
  foldWidth(s)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s:：]+/g, '')
    .toLowerCase();

const BY_LABEL = new Map<string, ParcelField>();
for (const [f, list] of Object.entries(LABELS) as [ParcelField, string[]][])
  for (const l of list) BY_LABEL.set(norm(l), f);

// What a label can start with (or a space, a bracket, or a full-width form that folds to one):
// most cells of a result table are dismissed on their first character.
const FIRST = new Set([...BY_LABEL.keys()].flatMap((k) => [k.charCodeAt(0), k.toUpperCase().charCodeAt(0)]));
const mayBeLabel = (code: number) =>
  FIRST.has(code) || isSpace(code) || code === 0x200b || code === 0x28 || (code >= 0xff01 && code <= 0xff5e);

/** The parcel field a label cell names, units in brackets aside: "成交价格(万元)" → dealPrice. */
export function parcelField(label: string): ParcelField | undefined {
  const first = label.charCodeAt(0);
  if (!mayBeLabel(first)) return undefined;
  // A cell's text as the source indents it ("\r\n      宗地号\r\n    ") is long only with spaces.
  if (label.length > 60 && (!isSpace(first) || label.trim().length > 60)) return undefined;
  const t = clean(label);
  return t.length <= 24 ? BY_LABEL.get(norm(t)) : undefined;
}

export const LABELS_OF_METHOD = LABELS.method;

/** All labels, longest first, for finding "label：value" in running text. */
export const PARCEL_LABELS = Object.values(LABELS)
  .flat()
  .filter((l) => /[\u4e00-\u9fff]/.test(l))
  .sort((a, b) => b.length - a.length);

/** Set one field of a parcel from the text under a label; false when the value says nothing. */
export function setField(p: CapturedParcel, field: ParcelField, raw: string, label = ''): boolean {
  const value = clean(raw);
  if (!value || /^[-—/／无暂无]+$/.test(value)) return false;
  const hint = unitHint(label);
  switch (field) {
    case 'parcelNo':
      p.parcelNo = value;
      return true;
    case 'location':
      p.location = value;
      return true;
    case 'use':
      // "工业用地(造纸及纸制品业：面积 1000平方米…);": the use, not its notes.
      p.use = value.replace(/\s*[（(].*$/, '').replace(/[;；,，。]+$/, '') || value;
      return true;
    case 'method':
      p.method = value;
      return true;
    case 'winner':
      p.winner = value;
      return true;
    case 'area': {
      const a = areaM2(value, hint);
      if (a !== undefined) p.areaM2 = a;
      return a !== undefined;
    }
    case 'dealDate': {
      const d = isoDate(value);
      if (d) p.dealDate = d;
      return d !== undefined;
    }
    case 'startPrice':
    case 'dealPrice': {
      const pr = price(value, hint);
      if (!pr) return false;
      p[field] = pr.amount;
      if (pr.currency) p.currency = pr.currency;
      return true;
    }
  }
}

// Two readings of one unnumbered parcel agree on every field both have.
const agree = (a: CapturedParcel, b: CapturedParcel) =>
  (Object.keys(b) as (keyof CapturedParcel)[]).every((k) => a[k] === undefined || a[k] === b[k]);

/**
 * Parcels describing the same 宗地 merged: the same number, or — when unnumbered — the same
 * location and no field that differs (two parcels of a result list in one village are two).
 */
export function mergeParcels(list: CapturedParcel[]): CapturedParcel[] {
  const out: CapturedParcel[] = [];
  // Whether a parcel has a number never changes once it is in `out` (only absent fields are
  // filled, from a parcel with the same number or none), so each is found by one look-up.
  const byNo = new Map<string, CapturedParcel>();
  const byPlace = new Map<string, CapturedParcel>();
  for (const p of list) {
    const place = p.location ? byPlace.get(p.location) : undefined;
    const same = p.parcelNo ? byNo.get(p.parcelNo) : place && agree(place, p) ? place : undefined;
    if (same) {
      for (const [k, v] of Object.entries(p))
        if (same[k as keyof CapturedParcel] === undefined) Object.assign(same, { [k]: v });
      continue;
    }
    const copy = { ...p };
    out.push(copy);
    if (copy.parcelNo) byNo.set(copy.parcelNo, copy);
    else if (copy.location) byPlace.set(copy.location, copy);
  }
  return out;
}
