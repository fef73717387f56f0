import { describe, expect, it } from 'vitest';
import { dictionaries } from '../../words.ts';
import { resolveLocale } from './locale.ts';
import { formatDue } from './relative.ts';

const now = new Date('2025-03-10T09:00:00+08:00');
const at = (s: string) => new Date(s);
const en = dictionaries.en.due;
const zh = dictionaries['zh-CN'].due;
const tz = 'Asia/Shanghai';

describe('formatDue', () => {
  it('speaks of days ahead in English', () => {
    expect(formatDue(at('2025-03-13T08:00:00+08:00'), now, en, tz)).toEqual({
      text: 'in 3 days',
      overdue: false,
      days: 3,
    });
    expect(formatDue(at('2025-03-11T23:00:00+08:00'), now, en, tz).text).toBe('tomorrow');
    expect(formatDue(at('2025-03-10T18:00:00+08:00'), now, en, tz).text).toBe('today');
  });

  it('speaks of overdue days in English, red', () => {
    expect(formatDue(at('2025-03-08T10:00:00+08:00'), now, en, tz)).toEqual({
      text: 'overdue 2 days',
      overdue: true,
      days: -2,
    });
    expect(formatDue(at('2025-03-09T10:00:00+08:00'), now, en, tz).text).toBe('overdue 1 day');
    expect(formatDue(at('2025-03-10T08:00:00+08:00'), now, en, tz)).toMatchObject({
      text: 'overdue today',
      overdue: true,
    });
  });

  it('speaks Chinese', () => {
    expect(formatDue(at('2025-03-13T08:00:00+08:00'), now, zh, tz).text).toBe('3 天后');
    expect(formatDue(at('2025-03-11T08:00:00+08:00'), now, zh, tz).text).toBe('明天');
    expect(formatDue(at('2025-03-08T08:00:00+08:00'), now, zh, tz).text).toBe('逾期 2 天');
    expect(formatDue(at('2025-03-10T08:00:00+08:00'), now, zh, tz).text).toBe('今天已逾期');
  });

  it("counts calendar days in the user's zone, not 24-hour spans", () => {
    // 23:30 tonight in Shanghai is today there; for a reader in New York (where it is still
    // the evening before) the same instant falls on their tomorrow.
    const late = at('2025-03-10T23:30:00+08:00');
    expect(formatDue(late, now, en, tz).text).toBe('today');
    expect(formatDue(late, now, en, 'America/New_York').text).toBe('tomorrow');
    expect(formatDue(at('2025-03-11T00:30:00+08:00'), now, en, tz).text).toBe('tomorrow');
  });
});

describe('resolveLocale', () => {
  it('follows the browser by default and the user when chosen', () => {
    expect(resolveLocale('auto', ['zh-CN', 'en'])).toBe('zh-CN');
    expect(resolveLocale('auto', ['zh-TW'])).toBe('zh-CN');
    expect(resolveLocale('auto', ['en-US', 'zh-CN'])).toBe('en');
    expect(resolveLocale('auto', ['fr-FR'])).toBe('en');
    expect(resolveLocale('en', ['zh-CN'])).toBe('en');
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});

describe('dictionaries', () => {
  it('carry the accessible names the tests and scripts rely on (English)', () => {
    const m = dictionaries.en;
    expect([m.options.serverUrl, m.options.token, m.options.save, m.options.testConnection]).toEqual([
      'Server URL',
      'Token',
      'Save',
      'Test connection',
    ]);
    expect([m.panel.logCall, m.panel.logVisit, m.panel.captureThisPage]).toEqual([
      'Log call',
      'Log visit',
      'Capture this page',
    ]);
    expect(m.panel.tierLabel('A')).toBe('Tier A');
    expect([m.panel.nextCallDue, m.panel.nextVisitDue]).toEqual(['Next call due', 'Next visit due']);
    expect(m.outbox.waiting(2)).toBe('2 waiting to sync');
    expect(m.panel.notInFiles).toBe('Not in your files');
  });

  it('have a Chinese string wherever there is an English one', () => {
    const shape = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? shape(v).map((s) => `${k}.${s}`) : [k]));
    expect(shape(dictionaries['zh-CN'])).toEqual(shape(dictionaries.en));
  });
});
