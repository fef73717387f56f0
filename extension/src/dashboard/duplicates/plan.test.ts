import type { CustomerDetail } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { likelySurvivor, mergePlan } from './plan.ts';

const file = (more: Partial<CustomerDetail>) =>
  ({ phones: [], emails: [], keys: [], people: [], ...more }) as unknown as CustomerDetail;

describe('mergePlan', () => {
  it('lists the people and keys that move, numbers and e-mails new to the survivor, blanks it fills', () => {
    const survivor = file({ phones: ['139 0400 1234'], emails: ['info@hy.cn'], website: null, address: '沈阳' });
    const from = file({
      phones: ['+86 139-0400-1234', '024-2222 3333'],
      emails: ['INFO@hy.cn', 'sales@hy.cn'],
      website: 'hy.cn',
      address: '大连',
      keys: [{ id: 1, customerId: 2, kind: 'domain', value: 'hy.cn' }],
      people: [{ name: '王建国' }] as CustomerDetail['people'],
    });
    expect(mergePlan(survivor, from)).toEqual({
      people: ['王建国'],
      keys: [{ kind: 'domain', value: 'hy.cn' }],
      phones: ['024-2222 3333'],
      emails: ['sales@hy.cn'],
      filled: ['website'],
      loss: null,
    });
  });
  it('says when a lost file is in the merge, and whether the merge brings it back', () => {
    const lost = {
      status: 'lost',
      lostAt: '2026-11-02T01:00:00.000Z',
      lostReasonCode: 'price',
      lostReason: '对手低价',
    } as const;
    const live = file({ status: 'active', lostAt: null });
    const gone = file(lost);
    expect(mergePlan(gone, live).loss).toEqual({
      reopens: true,
      lostAt: '2026-11-02T01:00:00.000Z',
      lostReasonCode: 'price',
      lostReason: '对手低价',
    });
    expect(mergePlan(live, gone).loss).toMatchObject({ reopens: false, lostReasonCode: 'price' });
    // Both lost: the file that stays stays lost.
    expect(mergePlan(gone, file(lost)).loss).toMatchObject({ reopens: false });
    expect(mergePlan(live, file({ status: 'prospect' })).loss).toBeNull();
  });
});

describe('likelySurvivor', () => {
  it('the file with the most people, then the older one', () => {
    const a = { id: 1, people: 1, createdAt: '2026-01-01T00:00:00Z' };
    const b = { id: 2, people: 2, createdAt: '2026-06-01T00:00:00Z' };
    const c = { id: 3, people: 2, createdAt: '2026-03-01T00:00:00Z' };
    expect(likelySurvivor([a, b, c])).toBe(c);
  });
});
