import type { InteractionKind } from '@dossier/shared';
import type { Words } from '../platform/i18n/words.ts';

/** How long the log toast and its Undo stay (unless closed): long enough to read the name and act. */
export const LOG_TOAST_MS = 10_000;

/** Characters of a customer's name the toast shows before cutting it with "…". */
export const TOAST_NAME_CHARS = 12;

/** A long name cut to fit the toast's line ("徐州嘉华房地产开发有限公司" → "徐州嘉华房地产开发有限…"). */
export function shortName(name: string, max = TOAST_NAME_CHARS): string {
  const chars = [...name.trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/** "已记录：徐州嘉华… 电话": the toast after a log names whose file it went to; without a name, the kind only. */
export function loggedText(m: Pick<Words, 'panel'>, kind: InteractionKind, name: string | null | undefined): string {
  return name ? m.panel.loggedFor(shortName(name), kind) : m.panel.logged(kind);
}
