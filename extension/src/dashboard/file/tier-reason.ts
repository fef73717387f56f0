import type { FileWords } from './words.ts';

type TierWords = FileWords['tiers'];

/**
 * A tier change's reason as the server wrote it ("created", "reclassification 2026-02:
 * intention_high, calls_below_cadence — note", "reopened (lost 2026-03-01, price: …)", a merge's
 * "reopened (lost …) by merging: 名称" and "merged (lost …): 名称") in the
 * user's words; a reason someone typed is shown as typed.
 */
export function tierReasonText(reason: string, t: TierWords): string {
  const plain = t.reasons[reason as keyof TierWords['reasons']];
  if (typeof plain === 'string') return plain;
  const re = /^reclassification (\d{4}-\d{2}): ([a-z_, ]*?)(?: — ([\s\S]*))?$/.exec(reason);
  if (re) {
    const codes = (re[2] ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => t.codes[c as keyof TierWords['codes']] ?? c);
    return t.reclassified(re[1] ?? '', codes, re[3] ?? null);
  }
  // (The reason "why" is typed text: lazy, so a bracket in it stays in it.)
  const reopened = /^reopened \(lost ([\d-]*)(?:, ([\s\S]*?))?\)(?: by merging: ([\s\S]*))?$/.exec(reason);
  if (reopened) {
    const [, day = '', why = null, from] = reopened;
    return from ? t.reopenedByMerging(day, why, from) : t.reopened(day, why);
  }
  const merged = /^merged \(lost ([\d-]*)(?:, ([\s\S]*?))?\): ([\s\S]*)$/.exec(reason);
  if (merged) return t.mergedLost(merged[1] ?? '', merged[2] ?? null, merged[3] ?? '');
  return reason;
}
