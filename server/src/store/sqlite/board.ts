import type { Db } from '../../db/client.ts';
import type { BoardStore } from '../board.ts';

export function sqliteBoard(_db: Db): BoardStore {
  return {};
}
