import type { LostReason } from '@dossier/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { useDateText } from '../common/Due.tsx';
import { FailureNote, Loading } from '../common/Failure.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard, useResource } from '../common/state.tsx';
import { ownerName } from '../common/summary.ts';

/** Seed 003: which customers were lost, when and why — and the counts by tier, owner and reason. */
export function LostView() {
  const { m } = useI18n();
  const date = useDateText();
  const l = m.dashboard.lost;
  const d = m.dashboard;
  const { navigate } = useDashboard();
  const id = useId();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const data = useResource((a) => a.lost(from || undefined, to || undefined), `lost:${from}:${to}`);
  const reasonWord = (code: string) => (code in d.lostReasons ? d.lostReasons[code as LostReason] : code);
  return (
    <div className="lost-view">
      <div className="view-head">
        <h1>{l.title}</h1>
        <div className="toolbar">
          <label htmlFor={`${id}-from`}>{l.from}</label>
          <input id={`${id}-from`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor={`${id}-to`}>{l.to}</label>
          <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      </div>
      {data.failure && <FailureNote failure={data.failure} onRetry={data.reload} />}
      {!data.data && !data.failure && <Loading />}
      {data.data && (
        <>
          <div className="tallies">
            <Tally title={l.byTier} counts={data.data.byTier} word={(k) => m.panel.tierLabel(k as 'A')} />
            <Tally title={l.byOwner} counts={data.data.byOwner} word={(k) => k} />
            <Tally title={l.byReason} counts={data.data.byReason} word={reasonWord} />
          </div>
          {data.data.customers.length === 0 ? (
            <p className="muted">{l.none}</p>
          ) : (
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{l.customer}</th>
                  <th scope="col">{l.owner}</th>
                  <th scope="col">{l.when}</th>
                  <th scope="col">{l.why}</th>
                  <th scope="col">{l.note}</th>
                </tr>
              </thead>
              <tbody>
                {data.data.customers.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <TierBadge tier={c.tier} />{' '}
                      <a
                        href={formatRoute({ view: 'customer', id: c.id })}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate({ view: 'customer', id: c.id });
                        }}
                      >
                        {c.name}
                      </a>
                    </td>
                    <td>{c.owner ? ownerName(c.owner, m.dashboard) : '—'}</td>
                    <td>{c.lostAt ? date(c.lostAt) : '—'}</td>
                    <td>{c.lostReasonCode ? d.lostReasons[c.lostReasonCode] : '—'}</td>
                    <td>{c.lostReason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

function Tally({
  title,
  counts,
  word,
}: {
  title: string;
  counts: Record<string, number>;
  word: (k: string) => string;
}) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <section className="tally" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {entries.map(([k, n]) => (
          <li key={k}>
            <span className="tally-label">{word(k)}</span>
            <span className="bar" aria-hidden="true">
              <span className="fill" style={{ width: `${(n / max) * 100}%` }} />
            </span>
            <span className="tally-count">{n}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
