import { describe, expect, it } from 'vitest';
import { added, loadRecent, markedUndone, type RecentMerge, saveRecent, undoable } from './recent.ts';

const merge = (mergeId: number, undoUntil = '2026-12-07T15:59:59.999Z'): RecentMerge => ({
  mergeId,
  survivorId: 1,
  survivorName: '辽宁华远置业集团股份有限公司',
  fromName: '华远置业(沈阳)',
  undoUntil,
  undone: false,
});

describe('recent merges', () => {
  it('newest first, each once', () => {
    expect(added([merge(1), merge(2)], merge(2)).map((m) => m.mergeId)).toEqual([2, 1]);
  });
  it('undoable until the deadline, and not twice', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    expect(undoable(merge(1), now)).toBe(true);
    expect(undoable(merge(1, '2026-12-07T09:00:00Z'), now)).toBe(false);
    expect(undoable(markedUndone([merge(1)], 1)[0] as RecentMerge, now)).toBe(false);
  });
  it('kept in the tab’s storage; anything unreadable is an empty list', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => store.set(k, v),
    };
    saveRecent([merge(3)], storage);
    expect(loadRecent(storage)).toEqual([merge(3)]);
    store.set('dossier.recentMerges', '{nope');
    expect(loadRecent(storage)).toEqual([]);
  });
});
