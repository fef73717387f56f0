import { type ContextAnswer, DEFAULT_SETTINGS } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { applyUnconfirmed, meetsAppointment } from './optimistic.ts';

const DAY = 86_400_000;
const now = new Date('2025-03-10T09:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
/** Every day a working day: the fixture's dates stay where the cadence puts them. */
const EVERY_DAY = { ...DEFAULT_SETTINGS, workdays: 'none' as const };

/** Tier A (call every 7 days), last call 10 days ago: call overdue by 3 days. */
function answer(): ContextAnswer {
  const dues = {
    nextCallDue: ago(3),
    nextVisitDue: ago(-20),
    nextDue: ago(3),
    appointment: null,
  };
  return {
    customer: {
      id: 1,
      name: '徐州某某置业有限公司',
      formerNames: [],
      tier: 'A',
      status: 'active',
      region: [],
      phones: [],
      fax: [],
      emails: [],
      initials: 'XZMMZY',
      createdAt: ago(40),
      updatedAt: ago(10),
      lastCallAt: ago(10),
      lastVisitAt: ago(40),
      followUps: 4,
      lostAt: null,
      ...dues,
    },
    matchedBy: { kind: 'domain', value: 'xz-land.com.cn' },
    person: null,
    tier: 'A',
    ...dues,
    overdue: { call: true, visit: false, appointment: false, any: true },
    lastInteractions: [],
    keyPeople: [],
    followUps: 4,
    suggestions: [],
    lost: null,
  };
}

describe('applyUnconfirmed', () => {
  it('moves the next call by the tier’s call days at once', () => {
    const a = applyUnconfirmed(
      answer(),
      [{ kind: 'call', at: now.toISOString(), idempotencyKey: 'k1' }],
      EVERY_DAY,
      now,
    );
    expect(a.nextCallDue).toBe(new Date(now.getTime() + 7 * DAY).toISOString());
    expect(a.nextVisitDue).toBe(ago(-20));
    expect(a.overdue.any).toBe(false);
    expect(a.followUps).toBe(5);
    expect(a.customer?.lastCallAt).toBe(now.toISOString());
  });

  it('lets a visit reset both clocks and carries its appointment', () => {
    const appointment = new Date(now.getTime() + 2 * DAY).toISOString();
    const a = applyUnconfirmed(
      answer(),
      [{ kind: 'visit', at: now.toISOString(), appointment, idempotencyKey: 'k2' }],
      DEFAULT_SETTINGS,
      now,
    );
    expect(a.nextVisitDue).toBe(new Date(now.getTime() + 60 * DAY).toISOString());
    expect(a.appointment).toBe(appointment);
    expect(a.nextDue).toBe(appointment);
  });

  it('changes nothing for logs the server already has, or for notes', () => {
    const base = answer();
    const withLog = {
      ...base,
      lastInteractions: [{ idempotencyKey: 'k3' } as ContextAnswer['lastInteractions'][number]],
    };
    expect(
      applyUnconfirmed(withLog, [{ kind: 'call', at: now.toISOString(), idempotencyKey: 'k3' }], DEFAULT_SETTINGS, now),
    ).toBe(withLog);
    const noted = applyUnconfirmed(
      base,
      [{ kind: 'note', at: now.toISOString(), idempotencyKey: 'k4' }],
      DEFAULT_SETTINGS,
      now,
    );
    expect(noted.nextCallDue).toBe(base.nextCallDue);
    expect(noted.followUps).toBe(4);
  });

  describe('the appointment stands until met, moved or cancelled (issue 12, point 1)', () => {
    // 2025-03-12 15:30 in Shanghai; its day starts at 2025-03-11T16:00Z.
    const appointment = '2025-03-12T07:30:00.000Z';
    const standing = (): ContextAnswer => ({ ...answer(), appointment, nextDue: ago(3) });
    const log = (kind: 'call' | 'email' | 'sms' | 'greeting' | 'note' | 'meeting', at = now, extra = {}) => ({
      kind,
      at: at.toISOString(),
      idempotencyKey: `k-${kind}-${at.getTime()}`,
      ...extra,
    });

    it('is not ended by an e-mail, SMS, greeting or note', () => {
      for (const kind of ['email', 'sms', 'greeting', 'note'] as const) {
        expect(applyUnconfirmed(standing(), [log(kind)], DEFAULT_SETTINGS, now).appointment, kind).toBe(appointment);
      }
    });

    it('is not met by a call before its day, but by a call, visit or meeting on or after it', () => {
      expect(applyUnconfirmed(standing(), [log('call')], DEFAULT_SETTINGS, now).appointment).toBe(appointment);
      const onItsDay = new Date('2025-03-11T16:30:00.000Z');
      expect(applyUnconfirmed(standing(), [log('meeting', onItsDay)], DEFAULT_SETTINGS, onItsDay).appointment).toBe(
        null,
      );
    });

    it('is met by any contact logged as its outcome', () => {
      const a = applyUnconfirmed(standing(), [log('email', now, { meetsAppointment: true })], DEFAULT_SETTINGS, now);
      expect(a.appointment).toBeNull();
    });

    it('is moved by a later contact that fixes a new one', () => {
      const next = '2025-03-20T02:00:00.000Z';
      const a = applyUnconfirmed(standing(), [log('email', now, { appointment: next })], DEFAULT_SETTINGS, now);
      expect(a.appointment).toBe(next);
    });

    it('keeps a missed appointment, overdue', () => {
      const later = new Date('2025-03-14T02:00:00.000Z');
      const a = applyUnconfirmed(standing(), [log('sms', later)], DEFAULT_SETTINGS, later);
      expect(a.appointment).toBe(appointment);
      expect(a.overdue.appointment).toBe(true);
    });

    it('judges the day in the server’s zone', () => {
      // 00:30 in Shanghai on the 12th is the 11th in UTC: still the appointment's day.
      const call = { kind: 'call' as const, at: '2025-03-11T16:30:00.000Z' };
      expect(meetsAppointment(call, appointment, 'Asia/Shanghai')).toBe(true);
      expect(meetsAppointment(call, appointment, 'UTC')).toBe(false);
    });
  });

  it('moves no due date on a lost file, only its counts', () => {
    const lost: ContextAnswer = {
      ...answer(),
      lost: { at: ago(5), reasonCode: 'price', reason: null },
      nextCallDue: null,
      nextVisitDue: null,
      nextDue: null,
      appointment: null,
      overdue: { call: false, visit: false, appointment: false, any: false },
    };
    const a = applyUnconfirmed(
      lost,
      [{ kind: 'call', at: now.toISOString(), idempotencyKey: 'k9' }],
      DEFAULT_SETTINGS,
      now,
    );
    expect(a.nextCallDue).toBeNull();
    expect(a.overdue.any).toBe(false);
    expect(a.followUps).toBe(5);
    expect(a.customer?.lastCallAt).toBe(now.toISOString());
  });
});
