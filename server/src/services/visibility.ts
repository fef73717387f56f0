/** Who is asking. Managers see every file; members their own and those shared with them. */
export interface Viewer {
  id: number;
  name: string;
  role: 'manager' | 'member';
}

/** The CLI, the demo seeder and migrations act as the system: a manager. */
export const SYSTEM: Viewer = { id: 0, name: 'system', role: 'manager' };

/**
 * Whether the system is asking — told by id, not by identity: a viewer reaches the import's
 * worker thread as a copy, and there a CLI import's files were made the owner "system"'s.
 */
export const isSystem = (viewer: Viewer): boolean => viewer.id === SYSTEM.id;
