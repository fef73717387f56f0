import type { CapturedParcel } from '@dossier/shared';
import { clean } from '../dom.ts';
import { addressLine, allThings, first, hasType, strings, type Thing, things } from '../generic/things.ts';
import { areaM2, price } from './units.ts';

/**
 * English listings published as schema.org RealEstateListing (LoopNet and the like): the
 * offered price (kept in its currency), the address, lot size and zoning from the listing's
 * PropertyValues or a QuantitativeValue.
 */

const UNIT_CODES: Record<string, string> = { ACR: 'acres', MTK: 'm²', FTK: 'sq ft', HAR: 'hectares' };

function propertyValues(t: Thing): { name: string; value: string }[] {
  return allThings([t])
    .filter((x) => hasType(x, /^PropertyValue$/))
    .map((x) => ({ name: first(x, 'name') ?? '', value: first(x, 'value') ?? '' }));
}

function sizeOf(t: Thing): number | undefined {
  for (const pv of propertyValues(t)) {
    if (/lot size|land area|acreage|site area|lot area/i.test(pv.name)) {
      const a = areaM2(pv.value, `${pv.name} ${pv.value}`);
      if (a !== undefined) return a;
    }
  }
  for (const q of [...things(t, 'lotSize'), ...things(t, 'floorSize')]) {
    const unit = UNIT_CODES[first(q, 'unitCode') ?? ''] ?? first(q, 'unitText') ?? '';
    const a = areaM2(first(q, 'value') ?? '', unit);
    if (a !== undefined) return a;
  }
  return undefined;
}

export function parcelsFromListings(roots: Thing[]): CapturedParcel[] {
  return allThings(roots)
    .filter((t) => hasType(t, /^RealEstateListing$/))
    .map((t) => {
      const p: CapturedParcel = {};
      const id =
        first(t, 'identifier') ?? propertyValues(t).find((pv) => /^(apn|parcel (no|number|id))/i.test(pv.name))?.value;
      if (id) p.parcelNo = clean(id);
      const places = [...things(t, 'contentLocation'), ...things(t, 'about'), t];
      const loc = places.map((x) => x.props.get('address')?.[0]).find(Boolean);
      const line = loc ? addressLine(loc) : undefined;
      if (line) p.location = line;
      const area = sizeOf(t);
      if (area !== undefined) p.areaM2 = area;
      const zoning = propertyValues(t).find((pv) => /zoning|land use|property type/i.test(pv.name))?.value;
      if (zoning) p.use = clean(zoning);
      const offer = things(t, 'offers')[0];
      if (offer) {
        const amount = first(offer, 'price') ?? strings(offer, 'price')[0];
        const currency = first(offer, 'priceCurrency') ?? '';
        const pr = amount ? price(amount, currency) : undefined;
        if (pr) {
          p.startPrice = pr.amount;
          const code = currency.trim().toUpperCase();
          if (/^[A-Z]{3}$/.test(code) && code !== 'CNY') p.currency = code;
        }
      }
      return p;
    })
    .filter((p) => Object.keys(p).length > 0);
}
