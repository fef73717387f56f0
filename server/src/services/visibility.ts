/** Who is asking. Managers see every file; members their own and those shared with them. */
export interface Viewer {
  id: number;
  name: string;
  role: 'manager' | 'member';
}

/** The CLI, the demo seeder and migrations act as the system: a manager. */
export const SYSTEM: Viewer = { id: 0, name: 'system', role: 'manager' };

/**
 * Whether the system is asking — told by its id and name, not by identity: on SQLite an import
 * writes in a worker thread, which gets the viewer as a copy (there a CLI import's files were
 * given to a user "system"). Both, because a user restored from a backup may hold id 0.
 */
export const isSystem = (viewer: Viewer): boolean => viewer.id === SYSTEM.id && viewer.name === SYSTEM.name;

/**
 * Whether the viewer may give a file away or remove it (share it, merge it into another, delete
 * it): its owner or a manager. A colleague it is shared with works on it, nothing more.
 */
export const ownsOrManages = (viewer: Viewer, owner: string | null): boolean =>
  viewer.role === 'manager' || owner === viewer.name;
