import { useCallback } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { formatDate, formatDue } from '../../platform/i18n/relative.ts';
import { useDashboard } from './state.tsx';

/** A date (and time) as the dashboard shows it: the user's language, the server's zone. */
export function useDateText(): (at: string, withTime?: boolean) => string {
  const { locale } = useI18n();
  const { timeZone } = useDashboard();
  return useCallback((at, withTime = false) => formatDate(at, locale, withTime, timeZone), [locale, timeZone]);
}

/** "overdue 2 days" in red, with the date as a tooltip and machine-readable time. */
export function Due({ at, now, withTime = false }: { at: string; now: Date; withTime?: boolean }) {
  const { m } = useI18n();
  const { timeZone } = useDashboard();
  const date = useDateText();
  const d = formatDue(at, now, m.due, timeZone);
  return (
    <time dateTime={at} title={date(at, true)} className={`due-text${d.overdue ? ' overdue' : ''}`}>
      {d.text}
      {withTime && <span className="muted"> · {date(at, true)}</span>}
    </time>
  );
}

/** A lost file in a list: "Lost · 2 Nov 2026", neutral, in place of a due date (nothing is due). */
export function LostSince({ at }: { at: string | null }) {
  const { m } = useI18n();
  const date = useDateText();
  return (
    <span className="lost-since">
      <span className="lost-badge">{m.panel.lost}</span>
      {at && (
        <time dateTime={at} className="muted small">
          {' '}
          {date(at)}
        </time>
      )}
    </span>
  );
}
