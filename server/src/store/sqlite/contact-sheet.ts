import type { Db } from '../../db/client.ts';
import type { ContactSheetStore } from '../contact-sheet.ts';

export function sqliteContactSheet(_db: Db): ContactSheetStore {
  return {};
}
