import { type SettingsPatch, Workdays } from '@dossier/shared';

export interface DueForm {
  /** As typed: the number of days from a new file to its first call. */
  firstCallDays: string;
  workdays: Workdays;
}

/**
 * The form as a settings change, or why it cannot be one. Days from a new file to its first
 * call are a whole number from 0 (the day it is filed) to 365.
 */
export function duePatch(form: DueForm): { ok: true; patch: SettingsPatch } | { ok: false; problem: 'firstCallDays' } {
  const text = form.firstCallDays.trim();
  const days = Number(text);
  if (!/^\d{1,3}$/.test(text) || days > 365) return { ok: false, problem: 'firstCallDays' };
  return { ok: true, patch: { firstCallDays: days, workdays: Workdays.parse(form.workdays) } };
}
