import type { Customer } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { applyFilters, NO_FILTERS, ownersOf } from './filter.ts';

const now = new Date('2026-11-23T02:00:00Z');
let seq = 0;
const customer = (over: Partial<Customer>): Customer => ({
  id: ++seq,
  name: `c${seq}`,
  formerNames: [],
  tier: 'C',
  status: 'active',
  region: [],
  phones: [],
  fax: [],
  emails: [],
  initials: 'c',
  lostAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  lastCallAt: null,
  lastVisitAt: null,
  nextCallDue: '2026-12-01T00:00:00Z',
  nextVisitDue: '2026-12-01T00:00:00Z',
  appointment: null,
  nextDue: '2026-12-01T00:00:00Z',
  followUps: 0,
  ...over,
});

describe('customer filters', () => {
  const a = customer({ name: 'a', tier: 'A', region: ['华东', '江苏', '徐州'], owner: '李', stage: 'land_won' });
  const b = customer({ name: 'b', tier: 'B', companyType: 'private', sizeClass: 'large', owner: '王' });
  const late = customer({ name: 'late', nextDue: '2026-11-20T00:00:00Z', region: ['华东', '上海'] });
  const lost = customer({ name: 'lost', status: 'lost', nextDue: '2026-11-01T00:00:00Z' });
  const all = [a, b, late, lost];
  const names = (f: Partial<typeof NO_FILTERS>) => applyFilters(all, { ...NO_FILTERS, ...f }, now).map((c) => c.name);

  it('lets everything through with no filter', () => {
    expect(names({})).toEqual(['a', 'b', 'late', 'lost']);
  });

  it('filters by each field and by all of them together', () => {
    expect(names({ tier: 'A' })).toEqual(['a']);
    expect(names({ status: 'lost' })).toEqual(['lost']);
    expect(names({ stage: 'land_won' })).toEqual(['a']);
    expect(names({ companyType: 'private' })).toEqual(['b']);
    expect(names({ sizeClass: 'large' })).toEqual(['b']);
    expect(names({ owner: '王' })).toEqual(['b']);
    expect(names({ region: ['华东'] })).toEqual(['a', 'late']);
    expect(names({ region: ['华东', '江苏'] })).toEqual(['a']);
    expect(names({ overdue: true })).toEqual(['late']);
    expect(names({ region: ['华东'], tier: 'A', owner: '李' })).toEqual(['a']);
    expect(names({ region: ['华东'], tier: 'B' })).toEqual([]);
  });

  it('lists the owners named in the files', () => {
    expect(ownersOf(all)).toEqual(['李', '王']);
  });
});
