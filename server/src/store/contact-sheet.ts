import type { Tier } from '@dossier/shared';
import type { Viewer } from '../services/visibility.ts';

/** A file's row on a month's sheet: the tier it had that month and the month's remark. */
export interface SheetFile {
  id: number;
  name: string;
  tier: Tier;
  /** Outermost first ("华东", "江苏", …). */
  region: string[];
  remarks: string | null;
}

/** A contact made (not a note), for its mark on the sheet. */
export interface SheetContact {
  customerId: number;
  at: string;
  kind: string;
  summary: string | null;
}

/** The monthly contact sheet. */
export interface ContactSheetStore {
  /**
   * The files on `month`'s sheet, which runs over [start, end): every live file the viewer may
   * see (only `owner`'s, when given) that was open and not yet lost in the month, or has a
   * contact in it; each under the tier it had when the month ended (the last tier change
   * before `end`, else the tier it was opened with), ordered by that tier, then by name.
   */
  files(month: string, start: string, end: string, viewer: Viewer, owner?: string): Promise<SheetFile[]>;
  /** The contacts (not notes, not undone) in [start, end) on live files the viewer may see, oldest first. */
  contacts(start: string, end: string, viewer: Viewer): Promise<SheetContact[]>;
  /** The file's remark for the month; one per file and month, the last write wins. */
  saveRemark(customerId: number, month: string, text: string, at: string): Promise<void>;
  /** The file's remarks, by month, with when each was last written. */
  remarksOf(customerId: number): Promise<{ month: string; text: string; updatedAt: string }[]>;
}
