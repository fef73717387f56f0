/** What the one replay rule (services/replay.ts) keeps of a key's first use. */
export interface ReplayRecord {
  key: string;
  userId: number;
  operation: string;
  fingerprint: string;
}

export interface ReplayStore {
  seen(key: string): Promise<ReplayRecord | undefined>;
  record(r: ReplayRecord, at: string): Promise<void>;
}
