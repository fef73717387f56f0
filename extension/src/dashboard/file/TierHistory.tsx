import { useI18n } from '../../platform/i18n/react.tsx';
import { useDateText } from '../common/Due.tsx';
import { useResource } from '../common/state.tsx';
import { tierReasonText } from './tier-reason.ts';

/** Every tier change with its reason (monthly reclassification writes its reasons here). */
export function TierHistory({ customerId, version }: { customerId: number; version: string }) {
  const { m } = useI18n();
  const date = useDateText();
  const t = m.dashboard.file.tiers;
  const list = useResource((a) => a.tierHistory(customerId), `tiers:${customerId}:${version}`);
  const changes = [...(list.data?.changes ?? [])].reverse();
  return (
    <section className="file-section" aria-labelledby="tiers-h">
      <h2 id="tiers-h">{m.dashboard.file.sections.tiers}</h2>
      {changes.length === 0 && <p className="muted small">{t.none}</p>}
      <ol className="tier-history">
        {changes.map((c) => (
          <li key={c.id}>
            <strong>{c.fromTier ? t.change(c.fromTier, c.toTier) : t.first(c.toTier)}</strong>{' '}
            <time className="muted" dateTime={c.at}>
              {date(c.at)}
            </time>
            {c.reason && <p className="small">{tierReasonText(c.reason, t)}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
