import type { DuplicateReason, KeyKind } from '@dossier/shared';
import type { duplicatesWords } from './words.ts';

type T = (typeof duplicatesWords)['en']['duplicates'];

/** Why files were grouped, in the user's words: "same website hy-qd.com.cn", "same phone …". */
export function reasonText(r: DuplicateReason, t: T, keyKinds: Record<KeyKind, string>): string {
  if (r.kind === 'phone') return t.reason.phone(r.value);
  if (r.kind === 'name') return t.reason.name(r.value);
  return t.reason.key(keyKinds[r.kind], r.value);
}
