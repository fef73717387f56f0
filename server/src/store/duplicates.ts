import type { Viewer } from '../services/visibility.ts';

/** A file holding a phone number, with every number on it (its own and its people's). */
export interface PhoneHolder {
  id: number;
  name: string;
  phones: string[];
}

/** What the duplicate finder compares of one live file. */
export interface DuplicateCandidate {
  id: number;
  name: string;
  tier: 'A' | 'B' | 'C';
  status: string;
  owner: string | null;
  createdAt: string;
  normalizedName: string;
  /** Names the company went by before (曾用名), as written. */
  formerNames: string[];
  website: string | null;
  emails: string[];
  /** The file's phones, fax left out, and its live people's mobiles and direct lines. */
  phones: string[];
  keys: { kind: string; value: string }[];
  people: number;
}

/** The reads that find files which may be one company twice. */
export interface DuplicateStore {
  /**
   * Live files the viewer may see with a phone containing these digits (a number's national
   * digits), each with all its numbers so the caller can tell the same number from a longer one.
   */
  phoneHolders(digits: string, viewer: Viewer): Promise<PhoneHolder[]>;
  /** Every live file the viewer may see, as the finder compares them. */
  candidates(viewer: Viewer): Promise<DuplicateCandidate[]>;
}
