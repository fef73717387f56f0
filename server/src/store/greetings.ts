import type { Tier } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';

/** A person someone may greet, with their file's name and tier. */
export interface GreetablePerson {
  id: number;
  name: string;
  title: string | null;
  /** YYYY-MM-DD; a lunar month and day when `birthdayLunar`. */
  birthday: string | null;
  birthdayLunar: boolean;
  greetingHook: string | null;
  mobile: string | null;
  keyPerson: boolean;
  customerId: number;
  customerName: string;
  tier: Tier;
}

/** Birthdays and holidays to greet on, and the Friday greetings of key customers. */
export interface GreetingStore {
  /**
   * The live people of live, not lost files the viewer may see who have a birthday, or are a
   * key person of an A customer.
   */
  greetable(viewer: Viewer): Promise<GreetablePerson[]>;
  /** The people greeted (a greeting logged for them, not undone) at or after `since`. */
  greetedSince(since: string): Promise<number[]>;
}
