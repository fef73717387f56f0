import type { CustomerStatus, Stage } from '@dossier/shared';
import type { Words } from '../../platform/i18n/words.ts';

type D = Words['dashboard'];

/** The install's first user is named `owner` by the server: shown as what it is, not as the word. */
const INSTALL_OWNER = 'owner';

/** A file's owner (a user name) as people read it: the install's owner in words, anyone else by name. */
export function ownerName(owner: string, d: D): string {
  return owner === INSTALL_OWNER ? d.common.installOwner : owner;
}

/**
 * The line under a customer's name: status, stage (left out when it is the same word as the
 * status: a signed file at the signed stage reads "Signed" once), region, owner.
 */
export function fileSummary(
  c: { status: CustomerStatus; stage?: Stage | null | undefined; region: string[]; owner?: string | null | undefined },
  d: D,
): string {
  const status = d.statuses[c.status];
  const stage = c.stage ? d.stages[c.stage] : null;
  return [
    status,
    stage && stage !== status ? stage : null,
    c.region.join(' / ') || null,
    c.owner ? d.common.ownedBy(ownerName(c.owner, d)) : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
