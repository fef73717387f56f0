import type { LostReason, Tier } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';

/** A case on the pipeline: a file with a stage. */
export interface PipelineCase {
  id: number;
  name: string;
  tier: Tier;
  owner: string | null;
  stage: string;
  followUps: number;
  nextDue: string;
  nextStep: string | null;
}

/** A lost file: when and why. */
export interface LostFile {
  id: number;
  name: string;
  tier: Tier;
  owner: string | null;
  lostAt: string | null;
  lostReasonCode: LostReason | null;
  lostReason: string | null;
}

/** The follow-up pipeline and the lost customers. */
export interface PipelineStore {
  /** Every live, not lost file with a stage that the viewer may see, earliest due first. */
  cases(viewer: Viewer): Promise<PipelineCase[]>;
  /**
   * The live, lost files the viewer may see, lost at or after the instant `from` and before the
   * instant `until` (both optional), latest lost first.
   */
  lost(viewer: Viewer, from?: string, until?: string): Promise<LostFile[]>;
}
