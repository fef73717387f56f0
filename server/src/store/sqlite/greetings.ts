import type { Db } from '../../db/client.ts';
import type { GreetingStore } from '../greetings.ts';

export function sqliteGreetings(_db: Db): GreetingStore {
  return {};
}
