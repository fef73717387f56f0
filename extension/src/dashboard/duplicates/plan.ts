import { type CustomerDetail, mergeReopens, samePhone } from '@dossier/shared';

/** Blank fields of the survivor the other file fills (the server's merge overwrites nothing). */
const FILLABLE = [
  'website',
  'address',
  'industry',
  'businessScope',
  'products',
  'trends',
  'notes',
  'nextStep',
] as const;
export type Fillable = (typeof FILLABLE)[number];

/**
 * A lost file in the merge: a live file merged into a lost one brings it back (`reopens`); a lost
 * file merged into another leaves that one as it is, its tier history keeping the loss.
 */
export interface PlannedLoss {
  reopens: boolean;
  lostAt: string | null;
  lostReasonCode: CustomerDetail['lostReasonCode'];
  lostReason: string | null;
}

/** What a merge moves from `from` into `survivor`, as the merge screen lists it before it is done. */
export interface MergePlan {
  people: string[];
  keys: { kind: string; value: string }[];
  phones: string[];
  emails: string[];
  filled: Fillable[];
  loss: PlannedLoss | null;
}

function plannedLoss(survivor: CustomerDetail, from: CustomerDetail): PlannedLoss | null {
  const reopens = mergeReopens(survivor.status, from.status);
  const lost = reopens ? survivor : from.status === 'lost' ? from : null;
  if (!lost) return null;
  return { reopens, lostAt: lost.lostAt, lostReasonCode: lost.lostReasonCode, lostReason: lost.lostReason ?? null };
}

export function mergePlan(survivor: CustomerDetail, from: CustomerDetail): MergePlan {
  return {
    people: from.people.map((p) => p.name),
    keys: from.keys.map((k) => ({ kind: k.kind, value: k.value })),
    phones: from.phones.filter((p) => !survivor.phones.some((s) => samePhone(s, p))),
    emails: from.emails.filter((e) => !survivor.emails.some((s) => s.toLowerCase() === e.toLowerCase())),
    filled: FILLABLE.filter((f) => !survivor[f] && !!from[f]),
    loss: plannedLoss(survivor, from),
  };
}

/**
 * Which file should survive when nobody says: the one with the most people, then the older one
 * (its history is the longer).
 */
export function likelySurvivor<T extends { id: number; people: number; createdAt: string }>(files: T[]): T | undefined {
  return [...files].sort((a, b) => b.people - a.people || a.createdAt.localeCompare(b.createdAt) || a.id - b.id)[0];
}
