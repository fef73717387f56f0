import { PERSON_TEXT_FIELDS, type Person, type PersonInput } from '@dossier/shared';

export const KEYS = PERSON_TEXT_FIELDS;
export type Draft = Record<(typeof KEYS)[number], string> & { keyPerson: boolean; birthdayLunar: boolean };
export const WIDE = new Set<string>(['homeAddress', 'greetingHook', 'preferences']);
export const MAX: Partial<Record<(typeof KEYS)[number], number>> = {
  greetingHook: 200,
  preferences: 20000,
  homeAddress: 500,
};

export const toDraft = (p?: Person): Draft => ({
  name: p?.name ?? '',
  title: p?.title ?? '',
  mobile: p?.mobile ?? '',
  directLine: p?.directLine ?? '',
  email: p?.email ?? '',
  birthday: p?.birthday ?? '',
  homeAddress: p?.homeAddress ?? '',
  greetingHook: p?.greetingHook ?? '',
  preferences: p?.preferences ?? '',
  keyPerson: p?.keyPerson ?? false,
  birthdayLunar: p?.birthdayLunar ?? false,
});

/** What the form sends: the filled-in texts trimmed, and both ticks as they are (false included). */
export function toInput(draft: Draft): PersonInput {
  const out: Record<string, unknown> = {
    name: draft.name.trim(),
    keyPerson: draft.keyPerson,
    birthdayLunar: draft.birthdayLunar,
  };
  for (const k of KEYS) if (k !== 'name' && draft[k].trim()) out[k] = draft[k].trim();
  return out as PersonInput;
}
