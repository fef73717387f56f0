import { type Person, PersonInput } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { toDraft, toInput } from './person-draft.ts';

describe('the person editor (issue 12, point 5)', () => {
  it('sends the greeting line and the lunar tick, trimmed, through the shared schema', () => {
    const draft = {
      ...toDraft(),
      name: ' 王建国 ',
      birthday: '1968-08-15',
      birthdayLunar: true,
      greetingHook: ' 周末钓鱼 ',
      preferences: '说话直接',
    };
    const input = toInput(draft);
    expect(PersonInput.parse(input)).toEqual({
      name: '王建国',
      birthday: '1968-08-15',
      birthdayLunar: true,
      greetingHook: '周末钓鱼',
      preferences: '说话直接',
      keyPerson: false,
    });
  });

  it('clears the lunar tick explicitly and reads both fields back from a person', () => {
    const person = {
      id: 1,
      customerId: 3,
      name: '陈丽',
      keyPerson: true,
      birthday: '1980-03-02',
      birthdayLunar: true,
      greetingHook: 'your marathon',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    } satisfies Person;
    const draft = toDraft(person);
    expect(draft).toMatchObject({ birthdayLunar: true, greetingHook: 'your marathon', keyPerson: true });
    expect(toInput({ ...draft, birthdayLunar: false }).birthdayLunar).toBe(false);
  });
});
