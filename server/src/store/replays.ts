/** What the one replay rule (services/replay.ts) keeps of a key's first use. */
export interface ReplayRecord {
  key: string;
  userId: number;
  operation: string;
  fingerprint: string;
}

export interface ReplayStore {
  seen(key: string): Promise<ReplayRecord | undefined>;
  /**
   * Records a key's first use; false when another transaction recorded the same key after this
   * one looked and has committed since (an engine that runs writers side by side), so the caller
   * looks again and finds that request's answer.
   */
  record(r: ReplayRecord, at: string): Promise<boolean>;
}
