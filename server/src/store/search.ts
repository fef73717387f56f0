import type { Viewer } from '../services/visibility.ts';

/** A customer found by a search, with the field the needle was found in. */
export interface SearchHit {
  id: number;
  name: string;
  tier: 'A' | 'B' | 'C';
  status: string;
  /** 'name', 'initials', 'pinyin', 'phones', 'domains' or 'emails'. */
  matched: string;
  nextDue: string;
}

/** The search index and the searches on it. */
export interface SearchStore {
  /** Brings the customer's search row in step with its file (name, people, keys, phones). */
  reindex(customerId: number): Promise<void>;
  /**
   * Live customers the viewer may see that contain `needle` (already lower-case, half-width),
   * best first: those whose initials begin with it, then the closest matches, at most `limit`.
   * Three characters or more are looked for in every field of the file (its and its people's
   * names, initials, pinyin, phones, domains, e-mails); two in the names and at the start of the
   * initials (a common Chinese name fragment); one in the names, its people's names and the start
   * of the initials.
   */
  find(needle: string, limit: number, viewer: Viewer): Promise<SearchHit[]>;
}
