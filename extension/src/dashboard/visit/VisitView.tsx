import { useI18n } from '../../platform/i18n/react.tsx';
import { FailureNote, Loading } from '../common/Failure.tsx';
import { useDashboard, useResource } from '../common/state.tsx';
import { VisitDocument } from './VisitDocument.tsx';
import { VisitForm } from './VisitForm.tsx';

/** The visit record (客户拜访表): a new one for a customer, or a saved one to read and print. */
export function VisitView({ customerId, interactionId }: { customerId?: number; interactionId?: number }) {
  if (customerId && interactionId) return <SavedVisit customerId={customerId} interactionId={interactionId} />;
  return <VisitForm key={customerId ?? 0} customerId={customerId} />;
}

function SavedVisit({ customerId, interactionId }: { customerId: number; interactionId: number }) {
  const { m } = useI18n();
  const v = m.dashboard.visit;
  const { navigate } = useDashboard();
  const detail = useResource((a) => a.customer(customerId), `customer:${customerId}`);
  const history = useResource((a) => a.interactions(customerId), `interactions:${customerId}`);
  const failure = detail.failure ?? history.failure;
  if (failure) return <FailureNote failure={failure} onRetry={history.reload} />;
  if (!detail.data || !history.data) return <Loading />;
  const i = history.data.interactions.find((x) => x.id === interactionId);
  if (!i) return <p className="muted">{v.notFound}</p>;
  const c = detail.data;
  return (
    <div className="visit-view">
      <div className="view-head no-print">
        <h1>{v.title}</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => window.print()}>
            {m.dashboard.common.print}
          </button>
          <button type="button" onClick={() => navigate({ view: 'customer', id: customerId })}>
            {v.backToFile}
          </button>
        </div>
      </div>
      <VisitDocument
        data={{
          customerName: c.name,
          at: i.at,
          person: c.people.find((p) => p.id === i.personId)?.name,
          ...(i.visit ?? {}),
          summary: i.summary ?? undefined,
          intention: i.intention ? m.intentions[i.intention] : undefined,
          appointment: i.appointment ?? undefined,
        }}
      />
    </div>
  );
}
