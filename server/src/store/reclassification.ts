import type { Tier } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';

/** A file under review for a month, with what happened to it in the part of the month judged. */
export interface ReviewedFile {
  id: number;
  name: string;
  owner: string | null;
  tier: Tier;
  status: string;
  /** When it was signed and when it won land (services/customers.ts datesOfEdit). */
  signedAt: string | null;
  landWonAt: string | null;
  createdAt: string;
  /** When it was last brought back from lost: its cadence counts from then. */
  reopenedAt: string | null;
  /** The last call before the month began. */
  priorCall: string | null;
  /** Calls, visits or meetings, contacts (anything but notes), and contacts of high and low intention in the part judged. */
  calls: number;
  visits: number;
  contacts: number;
  high: number;
  low: number;
}

/** One decision on a month's proposal, as recorded. */
export interface ReclassDecision {
  customerId: number;
  month: string;
  fromTier: Tier;
  toTier: Tier;
  accepted: boolean;
  /** The proposal's reasons, kept as given. */
  reasons: unknown;
  decidedBy: string;
  at: string;
}

/** The monthly tier review. */
export interface ReclassificationStore {
  /**
   * The live, not lost files the viewer may see that were opened before `through` and have no
   * decision recorded for `month`, with their contacts in [start, through).
   */
  reviewed(month: string, start: string, through: string, viewer: Viewer): Promise<ReviewedFile[]>;
  /** How many live, not lost files the viewer may see are in each tier (tiers without any left out). */
  tierCounts(viewer: Viewer): Promise<{ tier: Tier; count: number }[]>;
  /** Records a decision, accepted or not: the file is not proposed again for that month. */
  recordDecision(decision: ReclassDecision): Promise<void>;
}
