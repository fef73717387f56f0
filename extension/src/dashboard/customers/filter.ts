import type { Customer } from '@dossier/shared';
import { inRegion } from './regions.ts';

export interface CustomerFilters {
  tier: Customer['tier'] | '';
  status: Customer['status'] | '';
  stage: NonNullable<Customer['stage']> | '';
  region: string[];
  companyType: NonNullable<Customer['companyType']> | '';
  sizeClass: NonNullable<Customer['sizeClass']> | '';
  owner: string;
  overdue: boolean;
}

export const NO_FILTERS: CustomerFilters = {
  tier: '',
  status: '',
  stage: '',
  region: [],
  companyType: '',
  sizeClass: '',
  owner: '',
  overdue: false,
};

/** Every filter at once; an empty choice lets everything through. Overdue: the next due time has passed. */
export function applyFilters(list: readonly Customer[], f: CustomerFilters, now: Date): Customer[] {
  const t = now.getTime();
  return list.filter(
    (c) =>
      (!f.tier || c.tier === f.tier) &&
      (!f.status || c.status === f.status) &&
      (!f.stage || c.stage === f.stage) &&
      (!f.companyType || c.companyType === f.companyType) &&
      (!f.sizeClass || c.sizeClass === f.sizeClass) &&
      (!f.owner || c.owner === f.owner) &&
      (!f.overdue || (c.status !== 'lost' && Date.parse(c.nextDue) < t)) &&
      inRegion(c.region, f.region),
  );
}

/** The owners to choose from: those the files name, sorted. */
export function ownersOf(list: readonly Customer[]): string[] {
  return [...new Set(list.map((c) => c.owner).filter((o): o is string => Boolean(o)))].sort((a, b) =>
    a.localeCompare(b, 'zh-CN'),
  );
}
