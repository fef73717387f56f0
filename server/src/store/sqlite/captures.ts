import type { Db } from '../../db/client.ts';
import type { CaptureStore } from '../captures.ts';

export function sqliteCaptures(_db: Db): CaptureStore {
  return {};
}
