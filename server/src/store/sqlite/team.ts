import type { Db } from '../../db/client.ts';
import type { TeamStore } from '../team.ts';

export function sqliteTeam(_db: Db): TeamStore {
  return {};
}
