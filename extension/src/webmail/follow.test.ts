import type { Capture } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { WebmailFollower } from './follow.ts';

const mail = (from: string | null) => ({ message: from ? { fromEmail: from } : null }) as unknown as Capture;

function setup(reads: Array<Capture | null | Error>) {
  const shown: Array<[number, string, string]> = [];
  const asked: number[] = [];
  const f = new WebmailFollower({
    read: async (tabId) => {
      asked.push(tabId);
      const r = reads.shift() ?? null;
      if (r instanceof Error) throw r;
      return r;
    },
    contexts: {
      lookup: async () => ({ state: 'browser' }),
      senderShown: (tabId, url, lookup) => shown.push([tabId, url, lookup.card]),
    },
    wait: async () => {},
  });
  return { f, shown, asked };
}

describe('WebmailFollower', () => {
  it('reads nothing in a tab the panel never read', async () => {
    const s = setup([mail('wang@xz-land.com.cn')]);
    await s.f.changed(7, 'https://mail.google.com/mail/u/0/#inbox/a');
    expect(s.asked).toEqual([]);
    expect(s.shown).toEqual([]);
  });

  it('paints the next message’s sender once it renders', async () => {
    const s = setup([mail(null), mail('Wang@XZ-land.com.cn')]);
    s.f.follow(7);
    await s.f.changed(7, 'https://mail.google.com/mail/u/0/#inbox/b');
    expect(s.asked).toEqual([7, 7]);
    expect(s.shown).toEqual([[7, 'https://mail.google.com/mail/u/0/#inbox/b', 'mail:wang@xz-land.com.cn']]);
  });

  it('stops following a tab it may no longer read, without asking for access', async () => {
    const s = setup([new Error('Cannot access contents of url')]);
    s.f.follow(7);
    await s.f.changed(7, 'https://mail.google.com/mail/u/0/#inbox/c');
    expect(s.f.following(7)).toBe(false);
    await s.f.changed(7, 'https://mail.google.com/mail/u/0/#inbox/d');
    expect(s.asked).toEqual([7]);
  });
});
