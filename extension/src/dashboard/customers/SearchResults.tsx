import { useI18n } from '../../platform/i18n/react.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { Due, LostSince } from '../common/Due.tsx';
import { FailureNote, Loading } from '../common/Failure.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard, useResource } from '../common/state.tsx';

/** What the search API finds: name, pinyin initials (`jhrt`), full pinyin, phone digits, domain, e-mail. */
export function SearchResults({ q, now }: { q: string; now: Date }) {
  const { m } = useI18n();
  const { navigate } = useDashboard();
  const found = useResource((api) => api.search(q, 50), `search:${q}`);
  if (found.failure) return <FailureNote failure={found.failure} onRetry={found.reload} />;
  if (!found.data) return <Loading />;
  const results = found.data.results;
  return (
    <section aria-label={m.dashboard.customers.results}>
      <p className="muted small">{m.dashboard.customers.found(results.length)}</p>
      <ul className="customer-list">
        {results.map((r) => (
          <li key={r.id} className={`customer-row${r.status === 'lost' ? ' lost' : ''}`}>
            <TierBadge tier={r.tier} lost={r.status === 'lost'} />
            <div className="who">
              <a
                href={formatRoute({ view: 'customer', id: r.id })}
                onClick={(e) => {
                  e.preventDefault();
                  navigate({ view: 'customer', id: r.id });
                }}
              >
                {r.name}
              </a>
              <span className="muted small">{m.dashboard.customers.matched(r.matched)}</span>
            </div>
            <div className="when">
              {r.status === 'lost' ? <LostSince at={null} /> : <Due at={r.nextDue} now={now} />}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
