import type { PipelineCase } from '@dossier/shared';
import { useEffect, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { Due } from '../common/Due.tsx';
import { FailureNote, Loading, useFailureText } from '../common/Failure.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard, useNow, useResource } from '../common/state.tsx';

/** Seed 004: most deals close after the 4th–11th follow-up — this is where a case is in that run. */
const inClosingRange = (followUps: number) => followUps >= 4 && followUps <= 11;

/** The follow-up pipeline: land won → contacted → serviced → proposal → signed → after-sales, each case's next step. */
export function PipelineView() {
  const { m } = useI18n();
  const p = m.dashboard.pipeline;
  const now = useNow();
  const data = useResource((a) => a.pipeline(), 'pipeline');
  return (
    <div className="pipeline-view">
      <div className="view-head">
        <h1>{p.title}</h1>
      </div>
      <p className="muted small">{p.explain}</p>
      {data.failure && <FailureNote failure={data.failure} onRetry={data.reload} />}
      {!data.data && !data.failure && <Loading />}
      {data.data && (
        <div className="pipeline">
          {data.data.stages.map((s) => (
            <section key={s.stage} className="column" aria-label={m.dashboard.stages[s.stage]}>
              <h2>
                {m.dashboard.stages[s.stage]} <span className="count">{s.count}</span>
              </h2>
              <p className="muted small">{p.followUps(s.followUps)}</p>
              <ul className="cards">
                {s.cases.map((c) => (
                  <li key={c.id}>
                    <CaseCard item={c} now={now} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

function CaseCard({ item, now }: { item: PipelineCase; now: Date }) {
  const { m } = useI18n();
  const p = m.dashboard.pipeline;
  const { api, navigate, notify } = useDashboard();
  const failureText = useFailureText();
  const [step, setStep] = useState(item.nextStep ?? '');
  useEffect(() => setStep(item.nextStep ?? ''), [item.nextStep]);
  const save = async () => {
    if (!api || step.trim() === (item.nextStep ?? '')) return;
    const r = await api.updateCustomer(item.id, { nextStep: step.trim() || null });
    notify({ message: r.ok ? m.dashboard.common.saved : failureText(r.failure) });
  };
  return (
    <article className="due-card" aria-label={item.name}>
      <header>
        <TierBadge tier={item.tier} />
        <a
          href={formatRoute({ view: 'customer', id: item.id })}
          className="customer-link"
          onClick={(e) => {
            e.preventDefault();
            navigate({ view: 'customer', id: item.id });
          }}
        >
          {item.name}
        </a>
      </header>
      <p className="small">
        <span className={inClosingRange(item.followUps) ? 'closing' : undefined}>
          {m.panel.followUps(item.followUps)}
        </span>
        {' · '}
        <Due at={item.nextDue} now={now} />
      </p>
      <input
        className="next-step"
        aria-label={p.nextStepFor(item.name)}
        placeholder={p.nextStepHint}
        value={step}
        onChange={(e) => setStep(e.target.value)}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
        }}
      />
    </article>
  );
}
