import { type Customer, type CustomerUpdate, splitCompanyNames } from '@dossier/shared';

/** The customer file's form as the user types it: lists one per line, the region as 华东 / 江苏 / 徐州. */
export interface FieldDraft {
  name: string;
  /** One per line; a rename adds the name it replaces (the server keeps it). */
  formerNames: string;
  tier: Customer['tier'];
  status: Customer['status'];
  stage: string;
  region: string;
  companyType: string;
  sizeClass: string;
  industry: string;
  businessScope: string;
  products: string;
  trends: string;
  address: string;
  phones: string;
  fax: string;
  emails: string;
  website: string;
  owner: string;
  nextStep: string;
  notes: string;
}

export const REGION_SEPARATOR = ' / ';

export function toDraft(c: Customer): FieldDraft {
  return {
    name: c.name,
    formerNames: c.formerNames.join('\n'),
    tier: c.tier,
    status: c.status,
    stage: c.stage ?? '',
    region: c.region.join(REGION_SEPARATOR),
    companyType: c.companyType ?? '',
    sizeClass: c.sizeClass ?? '',
    industry: c.industry ?? '',
    businessScope: c.businessScope ?? '',
    products: c.products ?? '',
    trends: c.trends ?? '',
    address: c.address ?? '',
    phones: c.phones.join('\n'),
    fax: c.fax.join('\n'),
    emails: c.emails.join('\n'),
    website: c.website ?? '',
    owner: c.owner ?? '',
    nextStep: c.nextStep ?? '',
    notes: c.notes ?? '',
  };
}

const lines = (s: string) =>
  s
    .split(/[\n,;，；、]+/)
    .map((x) => x.trim())
    .filter(Boolean);

/** 华东 / 江苏 / 徐州, 华东 > 江苏, 华东→江苏 alike. */
export const parseRegion = (s: string) =>
  s
    .split(/\s*(?:\/|>|→|＞|／)\s*/)
    .map((x) => x.trim())
    .filter(Boolean);

const TEXT_KEYS = [
  'industry',
  'businessScope',
  'products',
  'trends',
  'address',
  'website',
  'owner',
  'nextStep',
  'notes',
] as const;
const ENUM_KEYS = ['stage', 'companyType', 'sizeClass'] as const;
const LIST_KEYS = ['phones', 'fax', 'emails'] as const;

/** Only what the user changed, in the API's shape: a cleared field becomes null, lists become arrays. */
export function changes(before: FieldDraft, after: FieldDraft): CustomerUpdate {
  const out: Record<string, unknown> = {};
  if (after.name.trim() !== before.name.trim()) out.name = after.name.trim();
  if (after.tier !== before.tier) out.tier = after.tier;
  if (after.status !== before.status) out.status = after.status;
  for (const k of [...TEXT_KEYS, ...ENUM_KEYS]) {
    if (after[k].trim() !== before[k].trim()) out[k] = after[k].trim() || null;
  }
  for (const k of LIST_KEYS) {
    const a = lines(after[k]);
    if (a.join('\n') !== lines(before[k]).join('\n')) out[k] = a;
  }
  const formerNames = splitCompanyNames(after.formerNames);
  if (formerNames.join('\n') !== splitCompanyNames(before.formerNames).join('\n')) out.formerNames = formerNames;
  const region = parseRegion(after.region);
  if (region.join('/') !== parseRegion(before.region).join('/')) out.region = region;
  return out as CustomerUpdate;
}
