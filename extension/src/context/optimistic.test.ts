import { type ContextAnswer, DEFAULT_SETTINGS } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { applyUnconfirmed } from './optimistic.ts';

const DAY = 86_400_000;
const now = new Date('2025-03-10T09:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

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
  };
}

describe('applyUnconfirmed', () => {
  it('moves the next call by the tier’s call days at once', () => {
    const a = applyUnconfirmed(
      answer(),
      [{ kind: 'call', at: now.toISOString(), idempotencyKey: 'k1' }],
      DEFAULT_SETTINGS,
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
});
