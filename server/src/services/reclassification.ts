import type { Settings } from '@dossier/shared';
import { localDayStart, nextDue, type Tier } from '@dossier/shared';
import { ApiError } from '../lib/errors.ts';
import type { ReviewedFile } from '../store/reclassification.ts';
import type { Store } from '../store/store.ts';
import { updateCustomer } from './customers.ts';
import type { Viewer } from './visibility.ts';

/** A reason is a code plus its figures; the dashboard words it in the user's language. */
export interface Reason {
  code:
    | 'intention_high'
    | 'intention_low'
    | 'calls_below_cadence'
    | 'calls_met_cadence'
    | 'silent_month'
    | 'signed'
    | 'land_won'
    | 'visits_made';
  count?: number;
  expected?: number;
}

export interface Proposal {
  customerId: number;
  name: string;
  owner: string | null;
  from: Tier;
  to: Tier;
  score: number;
  reasons: Reason[];
}

const UP: Record<Tier, Tier> = { A: 'A', B: 'A', C: 'B' };
const DOWN: Record<Tier, Tier> = { A: 'B', B: 'C', C: 'C' };

/** Month bounds as instants in the user's zone: "2026-11" → [Nov 1 00:00, Dec 1 00:00). */
export function monthRange(month: string, timeZone: string): { start: string; end: string; days: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  const next = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  const days = Math.round((Date.parse(next) - Date.parse(first)) / 86_400_000);
  return {
    start: localDayStart(first, timeZone).toISOString(),
    end: localDayStart(next, timeZone).toISOString(),
    days,
  };
}

/** The last complete month in the user's zone ("2026-11" on 6 December). */
export function lastCompleteMonth(now: Date, timeZone: string): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/**
 * How many calls the cadence required inside [start, through): the due points that fall there,
 * counted on from the first call due after the last call before the window (or after the file
 * was opened). A customer called on the 30th owes nothing in the first days of the next month.
 */
function callsRequired(r: ReviewedFile, start: string, through: string, settings: Settings): number {
  const period = settings.cadence[r.tier].callDays * DAY_MS;
  const first = nextDue(r, r.priorCall, null, null, settings).nextCallDue;
  const [from, to] = [Date.parse(start), Date.parse(through)];
  const t0 = first.getTime() + Math.max(0, Math.ceil((from - first.getTime()) / period)) * period;
  return t0 >= to ? 0 : Math.floor((to - 1 - t0) / period) + 1;
}

/**
 * Seed 000: customers are re-tiered monthly from the contact record and their intention.
 * Each signal scores ±1 or ±2; a total of +2 proposes one tier up, −2 one tier down. A month
 * not yet over is judged only up to `now` (partial): only contacts already due count against a
 * customer. Customers already decided this month, and lost ones, are not proposed again.
 */
export async function proposeReclassification(
  store: Store,
  month: string,
  settings: Settings,
  viewer: Viewer,
  now: Date,
): Promise<{ proposals: Proposal[]; partial: boolean; through: string }> {
  const { start, end } = monthRange(month, settings.timeZone);
  const t = now.toISOString();
  const partial = t < end;
  // A month not yet begun is judged over nothing: through = its start.
  const through = partial ? new Date(Math.max(now.getTime(), Date.parse(start))).toISOString() : end;
  const rows = await store.reclassification.reviewed(month, start, through, viewer);
  const proposals: Proposal[] = [];
  for (const r of rows) {
    const reasons: Reason[] = [];
    let score = 0;
    // A file opened (or brought back from lost) during the month has no month of contacts to be
    // judged on yet (seed 000: re-tiered "according to the contact situation … every month"):
    // silence counts from its first whole month.
    const expected = (r.reopenedAt ?? r.createdAt) <= start ? callsRequired(r, start, through, settings) : 0;
    if (r.high > 0) {
      score += 2;
      reasons.push({ code: 'intention_high', count: r.high });
    }
    if (r.low > 0 && r.high === 0) {
      score -= 1;
      reasons.push({ code: 'intention_low', count: r.low });
    }
    if (expected > 0) {
      if (r.contacts === 0) {
        score -= 2;
        reasons.push({ code: 'silent_month', expected });
      } else if (r.calls >= expected) {
        score += 1;
        reasons.push({ code: 'calls_met_cadence', count: r.calls, expected });
      } else if (r.calls < expected / 2) {
        score -= 1;
        reasons.push({ code: 'calls_below_cadence', count: r.calls, expected });
      }
    }
    if (r.visits > 0) {
      score += 1;
      reasons.push({ code: 'visits_made', count: r.visits });
    }
    // Signed and won land in the part judged, by the dates recorded then: a later edit of the file
    // changes no past month's judgement.
    const inMonth = (at: string | null) => at !== null && at >= start && at < through;
    if (r.status === 'signed' && inMonth(r.signedAt)) {
      score += 2;
      reasons.push({ code: 'signed' });
    } else if (inMonth(r.landWonAt)) {
      score += 1;
      reasons.push({ code: 'land_won' });
    }
    const to = score >= 2 ? UP[r.tier] : score <= -2 ? DOWN[r.tier] : r.tier;
    if (to !== r.tier)
      proposals.push({ customerId: r.id, name: r.name, owner: r.owner, from: r.tier, to, score, reasons });
  }
  // Strongest signals first.
  proposals.sort((a, b) => Math.abs(b.score) - Math.abs(a.score) || a.customerId - b.customerId);
  return { proposals, partial, through };
}

/** Tier distribution against the seed's guide: A ≈ 20%, B ≈ 40%, C ≈ 40%. */
export async function tierDistribution(store: Store, viewer: Viewer) {
  const rows = await store.reclassification.tierCounts(viewer);
  const total = rows.reduce((s, r) => s + r.count, 0);
  const guide: Record<Tier, number> = { A: 0.2, B: 0.4, C: 0.4 };
  return (['A', 'B', 'C'] as const).map((tier) => {
    const count = rows.find((r) => r.tier === tier)?.count ?? 0;
    return { tier, count, share: total ? count / total : 0, guide: guide[tier] };
  });
}

export interface Decision {
  customerId: number;
  accept: boolean;
  note?: string;
}

/**
 * Accepts or rejects the month's open proposals in one write: accepted ones change the tier with
 * the reasons in the tier history; a decision without an open proposal (already decided, or gone
 * stale) is a 409 and nothing is written.
 */
export async function decideReclassification(
  store: Store,
  month: string,
  decisions: Decision[],
  now: Date,
  settings: Settings,
  viewer: Viewer,
): Promise<{ accepted: number; rejected: number }> {
  return store.transaction(async (tx) => {
    // The decided files are held before the proposals are read (in id order, see
    // CustomerStore.lock): the tier a decision records it moved from is the file's tier when
    // written, not one a concurrent edit has changed since.
    await tx.customers.lock(decisions.map((d) => d.customerId));
    const open = new Map(
      (await proposeReclassification(tx, month, settings, viewer, now)).proposals.map((p) => [p.customerId, p]),
    );
    let accepted = 0;
    for (const d of decisions) {
      const p = open.get(d.customerId);
      if (!p)
        throw new ApiError('conflict', `no open proposal for customer ${d.customerId} in ${month}`, {
          customerId: d.customerId,
        });
      if (d.accept) {
        const why = `reclassification ${month}: ${p.reasons.map((r) => r.code).join(', ')}${d.note ? ` — ${d.note}` : ''}`;
        await updateCustomer(tx, p.customerId, { tier: p.to }, now, settings, viewer, why);
        accepted++;
      }
      await tx.reclassification.recordDecision({
        customerId: p.customerId,
        month,
        fromTier: p.from,
        toTier: p.to,
        accepted: d.accept,
        reasons: p.reasons,
        decidedBy: viewer.name,
        at: now.toISOString(),
      });
      open.delete(d.customerId);
    }
    return { accepted, rejected: decisions.length - accepted };
  });
}
