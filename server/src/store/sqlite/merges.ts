import type { Db } from '../../db/client.ts';
import type { MergeStore } from '../merges.ts';

export function sqliteMerges(_db: Db): MergeStore {
  return {};
}
