import { phoneSearchDigits } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { groupDuplicates, MAX_GROUPS, mobilesOf, phoneGroupDigits } from './duplicates.ts';

describe('phoneGroupDigits', () => {
  it.each([
    '+86 187-5348-5579',
    '0086 187 5348 5579',
    '18753485579',
    '０５１６－８７６５４３２１',
    '+86 516 8765 4321',
    '0516-87654321',
  ])('agrees with the parsed national number for %s', (raw) => {
    expect(phoneGroupDigits(raw)).toBe(phoneSearchDigits(raw));
  });
  it('leaves fragments out', () => {
    expect(phoneGroupDigits('5579')).toBeNull();
  });
});

describe('mobilesOf', () => {
  it("takes people's mobiles and the file's own mobile numbers, not its landlines", () => {
    expect(
      mobilesOf({ phones: ['0516-87654321', '139 0400 1234'], people: [{ mobile: '13564201188' }, { mobile: null }] }),
    ).toEqual(['13564201188', '139 0400 1234']);
  });
});

const file = (id: number, more: Partial<Parameters<typeof groupDuplicates>[0][number]> = {}) => ({
  id,
  name: `file ${id}`,
  tier: 'C' as const,
  status: 'prospect',
  owner: null,
  createdAt: '2026-11-23T02:00:00.000Z',
  normalizedName: `file${id}`,
  formerNames: [] as string[],
  website: null,
  emails: [],
  phones: [],
  keys: [],
  people: 0,
  ...more,
});

describe('groupDuplicates', () => {
  it('one group per set of files, with every reason they share', () => {
    const { groups } = groupDuplicates([
      file(1, { normalizedName: '海逸', website: 'hy-qd.com.cn' }),
      file(2, { normalizedName: '海逸', keys: [{ kind: 'domain', value: 'hy-qd.com.cn' }] }),
      file(3),
    ]);
    expect(groups).toEqual([
      {
        customers: [expect.objectContaining({ id: 1 }), expect.objectContaining({ id: 2 })],
        reasons: [
          { kind: 'domain', value: 'hy-qd.com.cn' },
          { kind: 'name', value: '海逸' },
        ],
      },
    ]);
  });
  it('a website or address under a domain of the file adds nothing; another domain is its own reason', () => {
    const { groups } = groupDuplicates([
      file(1, { keys: [{ kind: 'domain', value: 'a.cn' }], website: 'http://www.b.cn/x', emails: ['li@mail.a.cn'] }),
      file(2, { keys: [{ kind: 'domain', value: 'b.cn' }], website: 'https://hr.b.cn' }),
      file(3, { keys: [{ kind: 'domain', value: 'c.cn' }], emails: ['wang@a.cn'] }),
    ]);
    expect(groups.map((g) => [g.customers.map((c) => c.id), g.reasons])).toEqual([
      [[1, 3], [{ kind: 'domain', value: 'a.cn' }]],
      [[1, 2], [{ kind: 'domain', value: 'b.cn' }]],
    ]);
  });
  it('a file opened under the old name of a renamed company is a duplicate of it', () => {
    const { groups } = groupDuplicates([
      file(1, {
        name: '徐州云龙城市发展有限公司',
        normalizedName: '云龙城市发展',
        formerNames: ['徐州恒泰置业有限公司'],
      }),
      file(2, { name: '徐州恒泰置业有限公司', normalizedName: '恒泰置业' }),
      file(3, {
        name: '徐州云龙城市发展有限公司',
        normalizedName: '云龙城市发展',
        formerNames: ['徐州云龙城市发展集团有限公司'],
      }),
    ]);
    expect(groups.map((g) => [g.customers.map((c) => c.id), g.reasons])).toEqual([
      [[1, 3], [{ kind: 'name', value: '云龙城市发展' }]],
      [[1, 2], [{ kind: 'name', value: '恒泰置业' }]],
    ]);
  });
  it('free mailboxes are no company key', () => {
    expect(groupDuplicates([file(1, { emails: ['a@qq.com'] }), file(2, { emails: ['b@qq.com'] })]).groups).toEqual([]);
  });
  it(`lists at most ${MAX_GROUPS} groups and says so`, () => {
    const files = Array.from({ length: 2 * MAX_GROUPS + 2 }, (_, i) => file(i + 1, { normalizedName: `n${i >> 1}` }));
    const r = groupDuplicates(files);
    expect(r.groups).toHaveLength(MAX_GROUPS);
    expect(r.truncated).toBe(true);
  });
});
