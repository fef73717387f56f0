/** Who is asking. Managers see every file; members their own and those shared with them. */
export interface Viewer {
  id: number;
  name: string;
  role: 'manager' | 'member';
}

/** The CLI, the demo seeder and migrations act as the system: a manager. */
export const SYSTEM: Viewer = { id: 0, name: 'system', role: 'manager' };
