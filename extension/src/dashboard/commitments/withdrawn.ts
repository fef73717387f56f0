import type { CommitmentsWords } from './words.ts';

/**
 * Why a promise was withdrawn, in the user's words: "lost (…)" is the server's line for one
 * withdrawn with its file (services/customers.ts); a reason someone typed is shown as typed.
 */
export function withdrawnWhy(reason: string | null, t: CommitmentsWords): string | null {
  if (!reason) return null;
  const loss = /^lost(?: \(([\s\S]*)\))?$/.exec(reason);
  return loss ? t.withLoss(loss[1] ?? null) : reason;
}
