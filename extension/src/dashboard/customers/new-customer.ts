import { type CustomerDetail, type CustomerUpdate, samePhone } from '@dossier/shared';

/**
 * "Add to it": what the new-customer form had that the existing file lacks — its website when
 * the file has none, its phone when no phone of the file is the same number. Null when there is
 * nothing to add (the file is then only opened).
 */
export function addToFile(file: CustomerDetail, entered: { website: string; phone: string }): CustomerUpdate | null {
  const patch: CustomerUpdate = {};
  if (entered.website && !file.website) patch.website = entered.website;
  if (entered.phone && !file.phones.some((p) => samePhone(p, entered.phone))) {
    patch.phones = [...file.phones, entered.phone];
  }
  return Object.keys(patch).length ? patch : null;
}
