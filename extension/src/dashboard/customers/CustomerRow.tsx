import type { Customer } from '@dossier/shared';
import { useI18n } from '../../platform/i18n/react.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { Due, LostSince } from '../common/Due.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard } from '../common/state.tsx';
import { fileSummary } from '../common/summary.ts';

export function CustomerRow({ customer: c, now }: { customer: Customer; now: Date }) {
  const { m } = useI18n();
  const d = m.dashboard;
  const { navigate } = useDashboard();
  const lost = c.status === 'lost';
  return (
    <li className={`customer-row${lost ? ' lost' : ''}`}>
      <TierBadge tier={c.tier} lost={lost} overdue={!lost && Date.parse(c.nextDue) < now.getTime()} />
      <div className="who">
        <a
          href={formatRoute({ view: 'customer', id: c.id })}
          onClick={(e) => {
            e.preventDefault();
            navigate({ view: 'customer', id: c.id });
          }}
        >
          {c.name}
        </a>
        <span className="muted small">{fileSummary(c, d)}</span>
      </div>
      <div className="when">
        {lost ? <LostSince at={c.lostAt} /> : <Due at={c.nextDue} now={now} />}
        <span className="muted small">{m.panel.followUps(c.followUps)}</span>
      </div>
    </li>
  );
}
