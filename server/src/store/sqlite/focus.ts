import type { Db } from '../../db/client.ts';
import type { FocusStore } from '../focus.ts';

export function sqliteFocus(_db: Db): FocusStore {
  return {};
}
