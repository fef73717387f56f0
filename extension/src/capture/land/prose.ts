import type { CapturedParcel } from '@dossier/shared';
import { foldWidth } from '@dossier/shared';
import { clean } from '../dom.ts';
import { parcelsFromLabels } from './labelled.ts';
import { price } from './units.ts';

/**
 * Results told in a sentence: "……，徐州某某置业有限公司以总价36800万元竞得XZ2024-07号地块".
 * Only this one shape is read — the winner, the price with its unit, and the parcel number;
 * anything looser is left for the user to type rather than guessed.
 */
const SENTENCE =
  /([\u4e00-\u9fa5A-Za-z0-9（）()、]{4,60}?(?:有限责任公司|有限公司|公司|集团|联合体))以(?:总价|总额|底价|起始价|成交价)?(?:人民币)?\s*([\d,.]+)\s*(亿元|万元|元)(?:的价格)?(?:成功)?竞得([A-Za-z0-9\u4e00-\u9fa5\-－—〔〕[\]（）()]{2,30}?)号?(?:地块|宗地)/g;

export function parcelsFromSentences(text: string): CapturedParcel[] {
  const out: CapturedParcel[] = [];
  for (const m of foldWidth(text).matchAll(SENTENCE)) {
    const winner = clean(m[1]).replace(/^(?:最终|最后|本次|并由|由|经)/, '');
    const p: CapturedParcel = { parcelNo: clean(m[4]), winner };
    const pr = price(`${m[2]}${m[3]}`);
    if (pr) p.dealPrice = pr.amount;
    out.push(p);
  }
  return out;
}

/** Parcels in plain text (a selection, or a page with no grid or table). */
export function parcelsFromText(text: string): CapturedParcel[] {
  const lines = text
    .split(/\r?\n/)
    .map((l) => clean(l))
    .filter(Boolean)
    .map((l) => ({ cells: [l], heading: false }));
  const labelled = parcelsFromLabels(lines);
  return labelled.length ? labelled : parcelsFromSentences(text);
}
