import type { CapturedParcel } from '@dossier/shared';
import { foldWidth } from '@dossier/shared';
import { clean } from '../dom.ts';
import { parcelsFromLabels } from './labelled.ts';
import { price } from './units.ts';

/**
 * Results told in a sentence or a headline:
 * - "……，徐州某某置业有限公司以总价36800万元竞得XZ2024-07号地块";
 * - "万科：9614.5万元竞得常州市工业用地", "X以9.6亿元摘得XX地块".
 * The winner, the price with its unit, and what was won: a parcel number (…号地块), else the
 * place and use (常州市 + 工业用地). Anything looser is left for the user to type.
 */
const WINNER = '[\\u4e00-\\u9fa5A-Za-z0-9（）()·&、]{2,60}?';
const PRICE =
  '(?:总价|总额|底价|起始价|成交价|总成交价)?(?:人民币)?\\s*([\\d,.]+)\\s*(亿元|万元|元)(?:的(?:总)?价格|的总价)?';
const WON = '(?:成功)?(?:竞得|摘得|拿下|夺得|拍得|斩获)';
// Company names end so; a headline's "X：" may name a brand (万科：…).
const SENTENCE = new RegExp(
  `(${WINNER}(?:有限责任公司|有限公司|公司|集团|联合体))以${PRICE}${WON}([A-Za-z0-9\\u4e00-\\u9fa5\\-－—〔〕[\\]（）()]{2,30}?)号?(?:地块|宗地)` +
    `|(?<![\\u4e00-\\u9fa5A-Za-z0-9])(${WINNER})[：:]\\s*(?:以)?${PRICE}${WON}([\\u4e00-\\u9fa5A-Za-z0-9\\-（）()]{2,30}?(?:地块|宗地|用地|土地))`,
  'g',
);
const USE = /((?:工业|商业|住宅|商住|商服|仓储|物流|城镇住宅|商务|办公|科研|教育|旅游|综合)用地)$/;

export function parcelsFromSentences(text: string): CapturedParcel[] {
  const out: CapturedParcel[] = [];
  for (const m of foldWidth(text).matchAll(SENTENCE)) {
    const headline = m[1] === undefined;
    const winner = clean(headline ? m[5] : m[1]).replace(/^(?:最终|最后|本次|并由|由|经)/, '');
    const p: CapturedParcel = { winner };
    const pr = price(`${headline ? m[6] : m[2]}${headline ? m[7] : m[3]}`);
    if (pr) p.dealPrice = pr.amount;
    const won = clean(headline ? m[8] : m[4]);
    if (!headline) p.parcelNo = won;
    else if (/\d+号(?:地块|宗地)$/.test(won)) p.parcelNo = won.replace(/号?(?:地块|宗地)$/, '');
    else {
      const use = USE.exec(won)?.[1];
      if (use) p.use = use;
      const place = won.replace(USE, '').replace(/(?:的)?(?:一宗|一幅|宗|幅)?(?:地块|宗地|土地)$/, '');
      if (place) p.location = place;
    }
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
