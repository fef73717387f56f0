import { DEFAULT_SETTINGS, type Settings } from '@dossier/shared';
import { contactPointsOf } from '../src/services/contact-points.ts';
import type { LastContact } from '../src/store/contact-points.ts';
import type { ContactPointRecord } from '../src/store/records.ts';

/**
 * The card floors' share of the answer the real card gives about its phones and e-mails (where
 * each came from, how old, whether to verify it): the same function on the raw rows, so the
 * floor answers the same payload rather than a smaller one.
 */
type Raw = Record<string, unknown>;

// SQLite hands JSON columns over as text, PostgreSQL's jsonb already parsed.
const list = (v: unknown): string[] => ((typeof v === 'string' ? JSON.parse(v) : v) ?? []) as string[];
const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The people the card shows: its key people (everyone when none is), five at most. */
export const shownOf = (key: Raw[], people: Raw[]): Set<unknown> =>
  new Set([null, ...(key.length ? key : people).slice(0, 5).map((p) => Number(p.id))]);

export function floorPoints(
  customer: Raw,
  people: Raw[],
  shown: Set<unknown>,
  records: Raw[],
  contacts: LastContact[],
  settings: Settings,
  now: Date,
) {
  return contactPointsOf(
    {
      createdAt: String(customer.created_at),
      phones: list(customer.phones),
      emails: list(customer.emails),
      people: people.map((p) => ({
        id: Number(p.id),
        createdAt: String(p.created_at),
        mobile: text(p.mobile),
        directLine: text(p.direct_line),
        email: text(p.email),
      })),
    },
    records.map(
      (r): ContactPointRecord => ({
        id: Number(r.id),
        customerId: Number(r.customer_id),
        kind: r.kind as ContactPointRecord['kind'],
        valueKey: String(r.value_key),
        source: r.source as ContactPointRecord['source'],
        sourceDetail: text(r.source_detail),
        seenAt: String(r.seen_at),
        confirmedAt: text(r.confirmed_at),
        confirmedBy: text(r.confirmed_by) as ContactPointRecord['confirmedBy'],
      }),
    ),
    contacts,
    settings,
    now,
  ).contactPoints.filter((p) => shown.has(p.personId));
}

/** The settings as the server would read them from the settings row's JSON (read once at start). */
export function floorSettings(value: unknown): Settings {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return { ...DEFAULT_SETTINGS, ...(parsed as Partial<Settings> | null) };
}
