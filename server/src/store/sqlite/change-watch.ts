import type { Db } from '../../db/client.ts';

/**
 * A test of whether the database may have changed since the last time it was asked: PRAGMA
 * data_version moves when another connection commits (the CLI, an import's worker), and
 * total_changes() when this one writes — together one cheap look instead of a lookup.
 */
export function changeWatch(db: Db): () => boolean {
  const version = db.$client.prepare('pragma data_version').pluck();
  const changes = db.$client.prepare('select total_changes()').pluck();
  let seen = '';
  return () => {
    const now = `${version.get()}:${changes.get()}`;
    if (now === seen) return false;
    seen = now;
    return true;
  };
}
