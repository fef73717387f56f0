import type { Db } from '../../db/client.ts';
import type { ImportStore } from '../imports.ts';

export function sqliteImports(_db: Db): ImportStore {
  return {};
}
