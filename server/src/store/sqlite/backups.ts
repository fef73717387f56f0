import type { Db } from '../../db/client.ts';
import type { BackupStore } from '../backups.ts';

export function sqliteBackups(_db: Db): BackupStore {
  return {};
}
