import type { Tier } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';

/** A file on the feed: its due call and visit, and the appointment that stands, if any. */
export interface FeedFile {
  id: number;
  name: string;
  tier: Tier;
  nextCallDue: string;
  nextVisitDue: string;
  appointmentAt: string | null;
}

/** An open promise on the feed, with its file's name. */
export interface FeedPromise {
  id: number;
  text: string;
  dueAt: string;
  name: string;
}

/** A person's birthday on the feed (YYYY-MM-DD), with their company's name. */
export interface FeedBirthday {
  id: number;
  name: string;
  birthday: string;
  /** The birthday is a lunar month and day (农历), its solar date another each year. */
  lunar: boolean;
  company: string;
}

/** The calendar feeds: their secret tokens (kept as hashes) and what a feed lists. */
export interface CalendarStore {
  /** The user's feed is the one whose token has this hash from now on (a new feed, or the old one replaced). */
  setFeed(userId: number, tokenHash: string, at: string): Promise<void>;
  /** Removes the user's feed; false when they had none. */
  dropFeed(userId: number): Promise<boolean>;
  /** Every feed's token hash with its user, for users not revoked. */
  feeds(): Promise<{ tokenHash: string; viewer: Viewer }[]>;
  /** The live, not lost files the viewer may see with anything due before `before`, by due date. */
  dueFiles(viewer: Viewer, before: string): Promise<FeedFile[]>;
  /** Open promises due in [since, before) on live, not lost files the viewer may see, by due date. */
  openPromises(viewer: Viewer, since: string, before: string): Promise<FeedPromise[]>;
  /** The live people with a birthday on live, not lost files the viewer may see. */
  birthdays(viewer: Viewer): Promise<FeedBirthday[]>;
}
