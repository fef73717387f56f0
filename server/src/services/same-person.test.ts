import { describe, expect, it } from 'vitest';
import { additionsOf, fullerName, peopleOfFile } from './same-person.ts';

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

  it('fills blanks, never overwriting what is known: a value that differs goes to the notes, said what it is', () => {
    expect(
      additionsOf(
        { title: '董事长', email: null, birthday: '', preferences: '爱喝茶' },
        { title: '总经理', email: 'w@x.cn', birthday: '1968-05-12' },
      ),
    ).toEqual({
      email: 'w@x.cn',
      birthday: '1968-05-12',
      preferences: '爱喝茶\n另记职务：总经理',
    });
  });

  it('keeps a number or e-mail it has under another form or field as it is, and adds another once', () => {
    const known = { mobile: '13952000001', directLine: '0516-87654321', email: 'Wang@X.cn', preferences: null };
    // The same numbers however written (or under the other field), the same e-mail in another case: nothing to add.
    expect(additionsOf(known, { mobile: '+86 139-5200-0001', directLine: '13952000001', email: 'wang@x.cn' })).toEqual(
      {},
    );
    // A new mobile, given as both (a row's mobile and its direct line): said once.
    expect(additionsOf(known, { mobile: '13800000002', directLine: '13800000002' })).toEqual({
      preferences: '其他电话：13800000002',
    });
    // Already in the notes (the same file imported again): not added twice.
    expect(additionsOf({ ...known, preferences: '其他电话：13800000002' }, { mobile: '13800000002' })).toEqual({});
    // Other notes are added under the known ones, once.
    expect(additionsOf({ preferences: '爱喝茶' }, { preferences: '部门：销售部' })).toEqual({
      preferences: '爱喝茶\n部门：销售部',
    });
    expect(additionsOf({ preferences: '爱喝茶\n部门：销售部' }, { preferences: '部门：销售部' })).toEqual({});
    // Line by line: only the lines the notes do not hold yet.
    expect(
      additionsOf({ preferences: '爱喝茶\n部门：销售部' }, { preferences: '爱喝茶，每周三在售楼处\n部门：销售部' }),
    ).toEqual({ preferences: '爱喝茶\n部门：销售部\n爱喝茶，每周三在售楼处' });
  });

  it('lengthens a name only by more name', () => {
    expect(fullerName('刘', '刘建华')).toBe('刘建华');
    expect(fullerName('Lee', 'Ann Lee')).toBe('Ann Lee');
    expect(fullerName('Ann Lee', 'Ann Lee (dup)')).toBeNull();
    expect(fullerName('刘建华', '刘')).toBeNull();
    expect(fullerName('王建国', '李建国')).toBeNull();
  });
});
