import type { Viewer } from '../services/visibility.ts';
import type { CustomerRecord } from './records.ts';

export interface CustomerStore {
  /**
   * The customer if it exists, is not removed and the viewer may see it; otherwise a 404.
   * `includeDeleted` serves replays: a write acknowledged before the file was removed still answers.
   */
  live(id: number, viewer: Viewer, includeDeleted?: boolean): Promise<CustomerRecord>;
}
