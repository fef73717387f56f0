import { samePhone } from '@dossier/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PeopleIndex, Phones, unionPhones } from './match-index.ts';

// The same numbers written many ways, numbers that don't parse, and near misses.
const WRITTEN = [
  '0516-87654321',
  '+86 516 8765 4321',
  '(0516) 8765 4321',
  '051687654321',
  '516-87654321',
  '13900001111',
  '139 0000 1111',
  '+86-139-0000-1111',
  '86 13900001111',
  '0086 139 0000 1111',
  '13900001112',
  '400-800-1234',
  '4008001234',
  '0516-87654321-808',
  '0516-87654321 转 808',
  '+8651687654321;ext=808',
  '12345',
  '123-45',
  '+1 415 555 0100',
  '(415) 555-0100',
  '',
];

const samePerson = (p: Person, d: Person) =>
  (!!d.email && p.email === d.email) ||
  (!!d.mobile && !!p.mobile && samePhone(p.mobile, d.mobile)) ||
  (p.name === d.name && (!d.email || !p.email));

interface Person {
  name: string;
  email: string | null;
  mobile: string | null;
}
const person = fc.record({
  name: fc.constantFrom('王建国', '陈丽', 'Ann Lee'),
  email: fc.constantFrom(null, 'a@x.cn', 'b@x.cn'),
  mobile: fc.constantFrom(null, ...WRITTEN.slice(5, 13)),
});

describe('matching an import against what is there, linearly', () => {
  it('says two numbers are the same exactly when samePhone does', () => {
    const phones = new Phones();
    for (const a of WRITTEN)
      for (const b of WRITTEN) expect([a, b, phones.same(a, b)]).toEqual([a, b, samePhone(a, b)]);
  });

  it('unions phone lists as the pairwise comparison did', () => {
    const reference = (have: string[], more: string[]) => {
      const out = [...have];
      for (const v of more) if (!out.some((e) => samePhone(e, v))) out.push(v);
      return out;
    };
    const list = fc.array(fc.constantFrom(...WRITTEN.filter(Boolean)), { maxLength: 8 });
    fc.assert(
      fc.property(list, list, (have, more) => {
        expect(unionPhones(new Phones(), have, more)).toEqual(reference(have, more));
      }),
      { numRuns: 300 },
    );
  });

  it('finds the first person list.find would, as people are added and filled in', () => {
    fc.assert(
      fc.property(
        fc.array(person, { maxLength: 12 }),
        fc.array(fc.tuple(person, fc.constantFrom('find', 'add', 'fill')), { maxLength: 12 }),
        (start, steps) => {
          const list = start.map((p) => ({ ...p }));
          const index = new PeopleIndex(new Phones(), list);
          for (const [d, step] of steps) {
            expect(index.find(d)).toBe(list.find((p) => samePerson(p, d)));
            if (step === 'add') {
              const p = { ...d };
              list.push(p);
              index.add(p);
            } else if (step === 'fill') {
              const p = list.find((q) => !q.email || !q.mobile);
              if (!p) continue;
              p.email ??= d.email;
              p.mobile ??= d.mobile;
              index.filled(p);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
