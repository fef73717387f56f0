import type { Viewer } from '../services/visibility.ts';
import type { CustomerRecord, InteractionRecord, KeyRecord, PersonRecord } from './records.ts';

/** Everything of the files one viewer may take out, as rows. */
export interface VisibleData {
  /** Live files the viewer may see, in id order. */
  customers: CustomerRecord[];
  /** Their live people, by file then id. */
  people: PersonRecord[];
  /** Their keys, by file then id. */
  keys: KeyRecord[];
  /** Their live contact history, by file, time, then id. */
  interactions: InteractionRecord[];
}

/** What the viewer may take out of the database. */
export interface ExportStore {
  visibleData(viewer: Viewer): Promise<VisibleData>;
}
