import type { Proposal, Share } from '@dossier/shared';
import { useId, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { useDateText } from '../common/Due.tsx';
import { FailureNote, Loading, useFailureText } from '../common/Failure.tsx';
import { shiftMonth } from '../common/month.ts';
import { formatRoute } from '../common/router.ts';
import { useDashboard, useLastCompleteMonth, useResource } from '../common/state.tsx';
import { ownerName } from '../common/summary.ts';
import { guideGap, reasonText } from './reasons.ts';

/** Monthly reclassification: the proposals with their reasons, accepted or rejected one by one, and the 20/40/40 guide. */
export function ReclassView() {
  const { m } = useI18n();
  const r = m.dashboard.reclass;
  const id = useId();
  const date = useDateText();
  // The unfinished month is judged only when asked for: it opens on the last complete one.
  const complete = useLastCompleteMonth();
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? complete;
  const data = useResource((a) => a.reclassification(month), `reclass:${month}`);
  const partial = data.data?.month === month && data.data.partial ? data.data : null;
  return (
    <div className="reclass-view">
      <div className="view-head">
        <h1>{r.title}</h1>
        <div className="toolbar">
          <button type="button" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={m.dashboard.sheet.previous}>
            ‹
          </button>
          <label htmlFor={`${id}-month`}>{m.dashboard.sheet.month}</label>
          <input
            id={`${id}-month`}
            type="month"
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
          <button type="button" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={m.dashboard.sheet.next}>
            ›
          </button>
        </div>
      </div>
      <p className="muted small">{r.explain}</p>
      {partial && (
        <p className="partial-note" role="note">
          {r.partial(date(partial.through, true))}
        </p>
      )}
      {data.failure && <FailureNote failure={data.failure} onRetry={data.reload} />}
      {!data.data && !data.failure && <Loading />}
      {data.data && (
        <div className="reclass-grid">
          <Proposals month={month} proposals={data.data.proposals} onDecided={data.reload} />
          <Distribution shares={data.data.distribution} />
        </div>
      )}
    </div>
  );
}

function Proposals({ month, proposals, onDecided }: { month: string; proposals: Proposal[]; onDecided: () => void }) {
  const { m } = useI18n();
  const r = m.dashboard.reclass;
  const { api, navigate, notify } = useDashboard();
  const failureText = useFailureText();
  const [busy, setBusy] = useState<number | null>(null);
  const decide = async (p: Proposal, accept: boolean) => {
    if (!api) return;
    setBusy(p.customerId);
    const res = await api.decide(month, p.customerId, accept);
    setBusy(null);
    notify({ message: res.ok ? (accept ? r.accepted(p.name, p.to) : r.rejected(p.name)) : failureText(res.failure) });
    onDecided();
  };
  return (
    <section aria-labelledby="proposals-h">
      <h2 id="proposals-h">{r.proposals(proposals.length)}</h2>
      {proposals.length === 0 ? (
        <p className="muted">{r.none}</p>
      ) : (
        <ul className="proposals">
          {proposals.map((p) => (
            <li key={p.customerId} className={`proposal ${p.to < p.from ? 'up' : 'down'}`} aria-label={p.name}>
              <div className="proposal-head">
                <a
                  href={formatRoute({ view: 'customer', id: p.customerId })}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ view: 'customer', id: p.customerId });
                  }}
                >
                  {p.name}
                </a>
                {p.owner && (
                  <span className="muted small"> · {m.dashboard.common.ownedBy(ownerName(p.owner, m.dashboard))}</span>
                )}
                <span className="tier-move" role="img" aria-label={r.move(p.from, p.to)}>
                  <TierBadge tier={p.from} /> → <TierBadge tier={p.to} />
                </span>
              </div>
              <ul className="reasons small">
                {p.reasons.map((x) => (
                  <li key={x.code}>{reasonText(x, r.reasons)}</li>
                ))}
              </ul>
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  disabled={busy === p.customerId}
                  onClick={() => void decide(p, true)}
                >
                  {r.accept}
                </button>
                <button type="button" disabled={busy === p.customerId} onClick={() => void decide(p, false)}>
                  {r.reject}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Distribution({ shares }: { shares: Share[] }) {
  const { m } = useI18n();
  const r = m.dashboard.reclass;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return (
    <section aria-labelledby="distribution-h" className="distribution">
      <h2 id="distribution-h">{r.distribution}</h2>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{r.tier}</th>
            <th scope="col">{r.count}</th>
            <th scope="col">{r.share}</th>
            <th scope="col">{r.guide}</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => {
            const gap = guideGap(s.share, s.guide);
            return (
              <tr key={s.tier}>
                <th scope="row">
                  <TierBadge tier={s.tier} />
                </th>
                <td>{s.count}</td>
                <td>
                  <div className="bar" aria-hidden="true">
                    <span className={`fill tier-${s.tier}`} style={{ width: pct(s.share) }} />
                    <span className="guide-mark" style={{ left: pct(s.guide) }} />
                  </div>
                  {pct(s.share)}
                </td>
                <td className={Math.abs(gap) >= 10 ? 'off-guide' : undefined}>
                  {pct(s.guide)} {gap !== 0 && <span className="muted small">({r.gap(gap)})</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
