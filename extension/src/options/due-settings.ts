import { type SettingsPatch, Workdays } from '@dossier/shared';

export interface DueForm {
  /** As typed: the number of days from a new file to its first call. */
  firstCallDays: string;
  workdays: Workdays;
  /** As typed: months after which a phone or e-mail not confirmed is to be verified before calling. */
  verifyAfterMonths: string;
}

/**
 * The form as a settings change, or why it cannot be one. Days from a new file to its first
 * call are a whole number from 0 (the day it is filed) to 365; months before a number is to be
 * verified, from 1 to 120.
 */
export function duePatch(
  form: DueForm,
): { ok: true; patch: SettingsPatch } | { ok: false; problem: 'firstCallDays' | 'verifyAfterMonths' } {
  const text = form.firstCallDays.trim();
  const days = Number(text);
  if (!/^\d{1,3}$/.test(text) || days > 365) return { ok: false, problem: 'firstCallDays' };
  const monthsText = form.verifyAfterMonths.trim();
  const months = Number(monthsText);
  if (!/^\d{1,3}$/.test(monthsText) || months < 1 || months > 120) return { ok: false, problem: 'verifyAfterMonths' };
  return {
    ok: true,
    patch: { firstCallDays: days, workdays: Workdays.parse(form.workdays), verifyAfterMonths: months },
  };
}

/** The form of the server's settings as they are. */
export const dueForm = (s: { firstCallDays: number; workdays: Workdays; verifyAfterMonths: number }): DueForm => ({
  firstCallDays: String(s.firstCallDays),
  workdays: s.workdays,
  verifyAfterMonths: String(s.verifyAfterMonths),
});
