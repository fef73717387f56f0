/** What the one replay rule (services/replay.ts) keeps of a key's first use. */
export interface ReplayRecord {
  key: string;
  userId: number;
  operation: string;
  fingerprint: string;
}

/**
 * The operation whose records its own rows keep (interactions.requested_by and
 * request_fingerprint): a logged contact, the commonest write, writes no replays row.
 */
export const INTERACTION_OPERATION = 'interaction';

export interface ReplayStore {
  /** The record of the key's first use: in replays, or in the row of the logged contact it wrote. */
  seen(key: string): Promise<ReplayRecord | undefined>;
  /**
   * Records a key's first use; false when another transaction recorded the same key after this
   * one looked and has committed since (an engine that runs writers side by side), so the caller
   * looks again and finds that request's answer.
   */
  record(r: ReplayRecord, at: string): Promise<boolean>;
}
