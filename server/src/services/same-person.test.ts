import { describe, expect, it } from 'vitest';
import { blanksOf, fullerName, peopleOfFile } from './same-person.ts';

describe('the one same-person rule', () => {
  const file = [
    { id: 1, name: '王建国', mobile: '13952000001', email: null },
    { id: 2, name: 'Ann Lee', mobile: null, email: 'ann@example.com' },
  ];

  it('finds a person by e-mail, by mobile however written, or by name when one of the two has no e-mail', () => {
    const people = peopleOfFile(file);
    expect(people.find({ name: 'X', mobile: '+86 139-5200-0001' })?.id).toBe(1);
    expect(people.find({ name: 'Y', email: 'ann@example.com' })?.id).toBe(2);
    expect(people.find({ name: '王建国', email: 'wang@xz-land.com.cn' })?.id).toBe(1);
    expect(people.find({ name: 'Ann Lee' })?.id).toBe(2);
    // One name, two e-mails: two people.
    expect(people.find({ name: 'Ann Lee', email: 'ann.lee@other.com' })).toBeUndefined();
  });

  it('fills blanks only, never overwriting what is known', () => {
    expect(
      blanksOf(
        { title: '董事长', email: null, birthday: '' },
        { title: '总经理', email: 'w@x.cn', birthday: '1968-05-12' },
      ),
    ).toEqual({
      email: 'w@x.cn',
      birthday: '1968-05-12',
    });
  });

  it('lengthens a name only by more name', () => {
    expect(fullerName('刘', '刘建华')).toBe('刘建华');
    expect(fullerName('Lee', 'Ann Lee')).toBe('Ann Lee');
    expect(fullerName('Ann Lee', 'Ann Lee (dup)')).toBeNull();
    expect(fullerName('刘建华', '刘')).toBeNull();
    expect(fullerName('王建国', '李建国')).toBeNull();
  });
});
