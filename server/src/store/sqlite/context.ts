import type { Db } from '../../db/client.ts';
import type { ContextStore } from '../context.ts';

export function sqliteContext(_db: Db): ContextStore {
  return {};
}
