import type { Db } from '../../db/client.ts';
import type { Writes } from '../writes.ts';

/**
 * A test of whether the database may have changed since the last time it was asked: PRAGMA
 * data_version moves when another connection commits (the CLI, an import's worker), and
 * total_changes() when this one writes — together one cheap look instead of a lookup. Given
 * `ownWrites` (this process's writes to the one table read), those are counted instead of
 * asking total_changes(): one statement fewer, for a look made on every request.
 */
export function changeWatch(db: Db, ownWrites?: Writes): () => boolean {
  const version = db.$client.prepare('pragma data_version').pluck();
  const changes = ownWrites ? null : db.$client.prepare('select total_changes()').pluck();
  let seen = '';
  return () => {
    const now = `${version.get()}:${changes ? changes.get() : ownWrites?.count}`;
    if (now === seen) return false;
    seen = now;
    return true;
  };
}
