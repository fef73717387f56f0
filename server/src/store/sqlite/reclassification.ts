import type { Db } from '../../db/client.ts';
import type { ReclassificationStore } from '../reclassification.ts';

export function sqliteReclassification(_db: Db): ReclassificationStore {
  return {};
}
