import type { Db } from '../../db/client.ts';
import type { ExportStore } from '../exports.ts';

export function sqliteExports(_db: Db): ExportStore {
  return {};
}
