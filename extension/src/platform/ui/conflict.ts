import { KeyKind } from '@dossier/shared';
import { z } from 'zod';
import type { ApiFailure } from '../api/client.ts';

/**
 * A new file one of whose keys (a website's domain, a credit code…) or mobiles is already on
 * another file: the server's 409 `conflict` details (`code: duplicate_customer`). The holder's id and name come only when the user may
 * see that file; otherwise all that is known is that the key is taken.
 */
export const Conflict = z.object({
  kind: z.string(),
  value: z.string(),
  customerId: z.number().int().positive().optional(),
  customerName: z.string().optional(),
});
export type Conflict = z.infer<typeof Conflict>;

/** The conflict a failed create names, or null for any other failure. */
export function conflictOf(f: ApiFailure): Conflict | null {
  if (f.kind !== 'http' || f.status !== 409 || f.code !== 'conflict') return null;
  const d = Conflict.safeParse(f.details);
  return d.success ? d.data : { kind: 'key', value: '' };
}

/** What matched, as the user knows it ("domain", "mobile"), or the server's word for it. */
export function keyKindName(kind: string, names: Record<KeyKind | 'mobile', string>): string {
  if (kind === 'mobile') return names.mobile;
  const k = KeyKind.safeParse(kind);
  return k.success ? names[k.data] : kind;
}
