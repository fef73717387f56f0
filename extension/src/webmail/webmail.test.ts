import { type ContextAnswer, type ContextQuery, DEFAULT_SETTINGS } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { isSenderKey, senderKey, senderQuery } from '../card/keys.ts';
import { ContextService } from '../card/service.ts';
import { NO_CUSTOMER } from '../card/test-answers.ts';
import { isWebmailUrl, webmailNeedsAllFrames } from './webmail.ts';

describe('webmail pages', () => {
  it('knows the supported webmail hosts (and nothing that merely looks like one)', () => {
    for (const url of [
      'https://mail.google.com/mail/u/0/#inbox/FMfcgz',
      'https://outlook.office.com/mail/inbox/id/AAQk',
      'https://outlook.live.com/mail/0/',
      'https://mail.qq.com/cgi-bin/frame_html?sid=x',
      'https://wx.mail.qq.com/home/index',
      'https://mail.163.com/js6/main.jsp',
      // The hosts the capture adapters read are the panel's too (one list).
      'https://exmail.qq.com/cgi-bin/frame_html',
      'https://en.mail.qq.com/cgi-bin/frame_html',
      'https://mail.126.com/js6/main.jsp',
      'https://mail.yeah.net/js6/main.jsp',
    ]) {
      expect(isWebmailUrl(url), url).toBe(true);
    }
    for (const url of ['https://www.google.com/', 'https://mail.google.com.evil.cn/', 'chrome://newtab', undefined]) {
      expect(isWebmailUrl(url), String(url)).toBe(false);
    }
    expect(webmailNeedsAllFrames('https://mail.qq.com/cgi-bin/frame_html')).toBe(true);
    expect(webmailNeedsAllFrames('https://exmail.qq.com/cgi-bin/frame_html')).toBe(true);
    expect(webmailNeedsAllFrames('https://mail.google.com/mail/u/0/')).toBe(false);
  });

  it('keys a sender by address, case-insensitively, apart from any domain key', () => {
    expect(senderKey(' Wang.Jianguo@XZ-Land.com.cn ')).toBe('mail:wang.jianguo@xz-land.com.cn');
    expect(senderKey('chenli@xz-land.com.cn')).not.toBe(senderKey('wang.jianguo@xz-land.com.cn'));
    expect(isSenderKey(senderKey('a@qq.com'))).toBe(true);
    expect(isSenderKey('xz-land.com.cn')).toBe(false);
    expect(senderQuery('Li.Ming@XZ-steel.com')).toEqual({ email: 'li.ming@xz-steel.com' });
  });
});

const answer = (name: string | null): ContextAnswer =>
  name
    ? {
        ...NO_CUSTOMER,
        customer: { id: 1, name, tier: 'A' } as ContextAnswer['customer'],
        matchedBy: { kind: 'email', value: 'x' },
        tier: 'A',
      }
    : NO_CUSTOMER;

describe('ContextService with sender keys', () => {
  it('caches a sender apart from the webmail site, and re-reads it by e-mail after a write', async () => {
    const asked: ContextQuery[] = [];
    const svc = new ContextService({
      fetchAnswer: async (q) => {
        asked.push(q);
        return { ok: true, status: 200, value: answer(null) };
      },
      unconfirmed: async () => ({ logs: [], pending: [] }),
      settings: async () => DEFAULT_SETTINGS,
    });
    const card = senderKey('wang@xz-land.com.cn');
    await svc.lookup({ card, query: senderQuery('wang@xz-land.com.cn') });
    await svc.get('https://mail.google.com/mail/u/0/');
    expect(svc.cachedAnswer(card)).not.toBeNull();
    expect(svc.cachedAnswer('google.com')).not.toBeNull();
    // A call logged from the Gmail page refreshes the sender's card, by e-mail, not the page.
    await svc.refresh(card, 'https://mail.google.com/mail/u/0/#inbox/abc');
    expect(asked).toEqual([
      { email: 'wang@xz-land.com.cn' },
      { url: 'https://mail.google.com/mail/u/0/' },
      { email: 'wang@xz-land.com.cn' },
    ]);
    // Only page keys are listed with a URL (for refreshing the cards of a customer).
    expect(svc.cardsWithUrls()).toEqual([['google.com', 'https://mail.google.com/mail/u/0/']]);
  });
});
