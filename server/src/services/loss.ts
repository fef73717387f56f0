import { type CustomerStatus, localDate, mergeReopens } from '@dossier/shared';
import type { CustomerChanges, TierChange } from '../store/customers.ts';
import type { CustomerRecord } from '../store/records.ts';

/** A file's loss forgotten on the file (its tier history keeps it). */
const NO_LOSS = { lostAt: null, lostReason: null, lostReasonCode: null } as const;

/**
 * A lost file brought back: the loss is forgotten and its cadence starts again from now, as a new
 * file's — not overdue since its last call before the loss.
 */
export const reopened = (at: string): CustomerChanges => ({ statusByContact: false, ...NO_LOSS, reopenedAt: at });

/** The status a reopened file goes back to: a prospect until it has been called or visited. */
export const reopenedStatus = (before: CustomerRecord): CustomerStatus =>
  before.lastCallAt || before.lastVisitAt ? 'active' : 'prospect';

type Loss = Pick<CustomerRecord, 'lostReasonCode' | 'lostReason'>;
const lossWhy = (f: Loss) => [f.lostReasonCode, f.lostReason].filter(Boolean).join(': ');

/** Why a lost file's open promises were withdrawn (migration 0018 writes the same). */
export const lossLine = (f: Loss) => (lossWhy(f) ? `lost (${lossWhy(f)})` : 'lost');

/** "lost 2026-12-01, price: 对手低价": the day in the user's zone, and why. */
function lossText(f: Loss & Pick<CustomerRecord, 'lostAt'>, timeZone: string): string {
  const why = lossWhy(f);
  const day = f.lostAt ? localDate(new Date(f.lostAt), timeZone) : '';
  return `lost ${day}${why ? `, ${why}` : ''}`;
}

/**
 * The line a reopened file leaves in its tier history: the day it was lost, and why; and the
 * live file merged into it when that is what brought it back.
 */
export function reopenedLine(
  before: CustomerRecord,
  timeZone: string,
  toTier = before.tier,
  byMerging?: string,
): TierChange {
  const merged = byMerging ? ` by merging: ${byMerging}` : '';
  return { fromTier: before.tier, toTier, reason: `reopened (${lossText(before, timeZone)})${merged}` };
}

/** What a merge does about a loss: the survivor's fields it sets, and the line its tier history keeps. */
export interface MergedLoss {
  fields: Partial<CustomerRecord>;
  line: TierChange | null;
}

/**
 * A merge of two files of one company where either was lost. A live file merged into a lost one
 * brings it back with the live file's status and start, so everything the live file had open
 * (promises, an appointment) stands on the board; a lost file merged into a live one leaves the
 * live one as it is, and its tier history keeps the loss (both as a reopening would). Between two
 * live files, the survivor counts from the earlier start: contacts either file counted still count.
 */
export function mergedLoss(survivor: CustomerRecord, from: CustomerRecord, timeZone: string): MergedLoss {
  if (mergeReopens(survivor.status, from.status)) {
    const status = from.status === 'prospect' ? reopenedStatus(survivor) : from.status;
    return {
      fields: {
        status,
        statusByContact: status === from.status && from.statusByContact,
        // Brought back signed, it was signed when the live file was.
        ...(status === 'signed' ? { signedAt: from.signedAt } : {}),
        ...NO_LOSS,
        reopenedAt: from.reopenedAt,
      },
      line: reopenedLine(survivor, timeZone, survivor.tier, from.name),
    };
  }
  if (from.status === 'lost') {
    const line = {
      fromTier: survivor.tier,
      toTier: survivor.tier,
      reason: `merged (${lossText(from, timeZone)}): ${from.name}`,
    };
    return { fields: {}, line };
  }
  // Neither brought back: every contact counts, as before.
  if (!survivor.reopenedAt && !from.reopenedAt) return { fields: { reopenedAt: null }, line: null };
  const starts = [startOf(survivor), startOf(from)].filter((at): at is string => at !== undefined).sort();
  return { fields: { reopenedAt: starts[0] ?? null }, line: null };
}

/**
 * From when a live file's contacts count, for a merge: its restart if it was brought back from
 * lost; for one never lost, its last call or visit, the earlier (what its due dates stand on); none
 * for a file never lost and never contacted, which so sets nothing (an empty duplicate merged into
 * a file won back leaves it due as it was, not overdue from its calls before the loss).
 */
function startOf(f: CustomerRecord): string | undefined {
  if (f.reopenedAt) return f.reopenedAt;
  return [f.lastCallAt, f.lastVisitAt].filter((at): at is string => Boolean(at)).sort()[0];
}
