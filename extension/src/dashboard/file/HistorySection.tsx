import type { CustomerDetail, Interaction } from '@dossier/shared';
import type { OutboxItem } from '../../outbox/types.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { safeHref } from '../../platform/ui/links.ts';
import { useDateText } from '../common/Due.tsx';
import { useDashboard, useOutbox } from '../common/state.tsx';
import { Fact } from './PeopleSection.tsx';

const VISIT_FIELDS = ['peopleMet', 'needs', 'environment', 'entryPoint', 'nextStep'] as const;

/** The full contact history, newest first, with what still waits in the outbox on top. */
export function HistorySection({ customer, interactions }: { customer: CustomerDetail; interactions: Interaction[] }) {
  const { m } = useI18n();
  const date = useDateText();
  const h = m.dashboard.file.history;
  const v = m.dashboard.visit.fields;
  const { navigate } = useDashboard();
  const outbox = useOutbox();
  const pending = (outbox?.items ?? []).filter(
    (i): i is Extract<OutboxItem, { op: 'interaction/create' }> =>
      i.op === 'interaction/create' && i.body.customerId === customer.id,
  );
  const personName = (id: number | null | undefined) => customer.people.find((p) => p.id === id)?.name;

  return (
    <section className="file-section" aria-labelledby="history-h">
      <h2 id="history-h">
        {m.dashboard.file.sections.history} <span className="muted small">{m.panel.followUps(customer.followUps)}</span>
      </h2>
      {interactions.length === 0 && pending.length === 0 && <p className="muted small">{m.panel.noInteractions}</p>}
      <ol className="history">
        {pending.map((i) => (
          <li key={i.id} className="waiting">
            <span className="kind">{m.kinds[i.body.kind]}</span>
            {i.body.at && <time dateTime={i.body.at}>{date(i.body.at, true)}</time>}
            <span className="muted small"> · {i.status === 'rejected' ? m.outbox.rejected(1) : m.outbox.notSent}</span>
            {i.body.summary && <p>{i.body.summary}</p>}
          </li>
        ))}
        {interactions.map((i) => {
          const who = personName(i.personId);
          const src = safeHref(i.sourceUrl);
          return (
            <li key={i.id}>
              <span className="kind">{m.kinds[i.kind]}</span>
              <time dateTime={i.at}>{date(i.at, true)}</time>
              {who && <span className="muted"> · {who}</span>}
              {i.intention && <span className="pill">{h.intention(m.intentions[i.intention])}</span>}
              {i.summary && <p>{i.summary}</p>}
              {i.outcome && <p className="small">{h.outcome(i.outcome)}</p>}
              {i.meetsAppointment && <span className="pill">{h.keptAppointment}</span>}
              {i.appointment && (
                <p className="small">
                  {h.appointment(date(i.appointment, true))}
                  {i.appointmentCancelledAt && (
                    <span className="muted"> · {h.cancelled(date(i.appointmentCancelledAt, true))}</span>
                  )}
                </p>
              )}
              {i.visit && (
                <dl className="visit-facts small">
                  {VISIT_FIELDS.map((k) => (i.visit?.[k] ? <Fact key={k} term={v[k]} value={i.visit[k]} /> : null))}
                </dl>
              )}
              <div className="row-links small">
                {(i.kind === 'visit' || i.kind === 'meeting') && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => navigate({ view: 'visit', customerId: customer.id, interactionId: i.id })}
                  >
                    {h.visitRecord}
                  </button>
                )}
                {src && (
                  <a href={src} target="_blank" rel="noopener noreferrer">
                    {h.source}
                  </a>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
