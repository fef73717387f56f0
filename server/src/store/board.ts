import type { Tier } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';

/** What a file is due for on the board, besides its promises. */
export type DueReason = 'call' | 'visit' | 'appointment';

/**
 * A file with its earliest due instant (`due`, the materialised next due: the earliest of the
 * other three) and each reason's own (the appointment only when one stands).
 */
export interface DueFile {
  id: number;
  name: string;
  tier: Tier;
  due: string;
  call: string;
  visit: string;
  appointment: string | null;
}

/** A range of instants, [from, to). */
export interface DueRange {
  from: string;
  to: string;
}

/** An open (not kept) promise with its file's name and tier. */
export interface OpenCommitment {
  id: number;
  customerId: number;
  text: string;
  dueAt: string;
  name: string;
  tier: Tier;
}

/** Whom to call about a file: a person with a phone, or the company's own number (no person). */
export interface DueContact {
  customerId: number;
  personId: number | null;
  name: string | null;
  phone: string;
}

/**
 * The due board's reads. Every one is over live files that are not lost; the board is read
 * on every visit to the dashboard, so each answer is one indexed read per range.
 */
export interface BoardStore {
  /**
   * The files the viewer may see (only `owner`'s, when given) with anything due before
   * `before`: a member's or one owner's board, which is a few hundred files at most.
   */
  dueFiles(viewer: Viewer, before: string, owner?: string): Promise<DueFile[]>;
  /**
   * For each range, over every file with no visibility applied — only for a manager looking at
   * the whole board (a member's board, or one owner's, goes through `dueFiles`): how many files
   * have their earliest due inside it — counted up to `countCap + 1` only, so more than
   * `countCap` answers `countCap + 1` — and the earliest `limit` of them, earliest first (ties by
   * id). One index (the next due's) answers every range. Answers in the ranges' order.
   */
  dueIn(ranges: DueRange[], limit: number, countCap: number): Promise<{ count: number; earliest: DueFile[] }[]>;
  /** The open promises due before `before` on files the viewer may see (only `owner`'s, when given). */
  openCommitments(viewer: Viewer, before: string, owner?: string): Promise<OpenCommitment[]>;
  /**
   * `dueIn` for open promises on live files that are not lost, for a manager's whole board: for
   * each range of due instants [from, to) the count (up to `countCap + 1`) and the earliest `limit`.
   */
  commitmentsIn(
    ranges: DueRange[],
    limit: number,
    countCap: number,
  ): Promise<{ count: number; earliest: OpenCommitment[] }[]>;
  /**
   * For each of these files (already on the viewer's board), the number to call: its key person
   * with a mobile or direct line first, then any person with one (oldest first), else the file's
   * first phone. Files with no number at all are left out.
   */
  contacts(customerIds: number[]): Promise<DueContact[]>;
}
