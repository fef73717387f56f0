import type { MergeResult } from '@dossier/shared';

/** A merge done from the dashboard, kept so it can be undone from the view until its deadline. */
export interface RecentMerge {
  mergeId: number;
  survivorId: number;
  survivorName: string;
  fromName: string;
  undoUntil: string;
  undone: boolean;
}

const KEY = 'dossier.recentMerges';
const KEPT = 20;

export function recentOf(m: MergeResult, fromName: string): RecentMerge {
  return {
    mergeId: m.mergeId,
    survivorId: m.survivorId,
    survivorName: m.survivor?.name ?? '',
    fromName,
    undoUntil: m.undoUntil,
    undone: false,
  };
}

/** The list with a new merge first, the oldest beyond what is kept dropped. */
export const added = (list: RecentMerge[], m: RecentMerge): RecentMerge[] =>
  [m, ...list.filter((x) => x.mergeId !== m.mergeId)].slice(0, KEPT);

export const markedUndone = (list: RecentMerge[], mergeId: number): RecentMerge[] =>
  list.map((x) => (x.mergeId === mergeId ? { ...x, undone: true } : x));

/** Whether the server still takes the undo (until the end of the day after the merge). */
export const undoable = (m: RecentMerge, now: Date): boolean => !m.undone && new Date(m.undoUntil) > now;

/** The list as this browser tab keeps it (sessionStorage: gone with the tab, as a toast is). */
export function loadRecent(storage: Pick<Storage, 'getItem'> = sessionStorage): RecentMerge[] {
  try {
    const v = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? (v as RecentMerge[]) : [];
  } catch {
    return [];
  }
}

export function saveRecent(list: RecentMerge[], storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(list));
}
