import type { CustomerDetail } from '@dossier/shared';
import { useCallback, useEffect, useState } from 'react';
import { customerChanged } from '../../card/send.ts';
import { LogForm } from '../../log/LogForm.tsx';
import type { InteractionDraft as ContactDraft } from '../../log/requests.ts';
import { logContact, undoContact } from '../../log/send.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { Due, useDateText } from '../common/Due.tsx';
import { FailureNote, Loading, useFailureText } from '../common/Failure.tsx';
import { useDashboard, useNow, useOnDelivered, useResource } from '../common/state.tsx';
import { fileSummary } from '../common/summary.ts';
import { CommitmentsSection } from './CommitmentsSection.tsx';
import { ContactPointsSection } from './ContactPointsSection.tsx';
import { FieldsForm } from './FieldsForm.tsx';
import { HistorySection } from './HistorySection.tsx';
import { KeysSection } from './KeysSection.tsx';
import { MarkLost } from './MarkLost.tsx';
import { MaterialsSection } from './MaterialsSection.tsx';
import { ParcelsSection } from './ParcelsSection.tsx';
import { PeopleSection } from './PeopleSection.tsx';
import { TierHistory } from './TierHistory.tsx';

/** The customer file (客户档案): every field, people, keys, materials, parcels, promises, the whole history. */
export function CustomerFile({ id }: { id: number }) {
  const detail = useResource((a) => a.customer(id), `customer:${id}`);
  const history = useResource((a) => a.interactions(id), `interactions:${id}`);
  const [customer, setCustomer] = useState<CustomerDetail | null>(null);
  useEffect(() => setCustomer(detail.data ?? null), [detail.data]);
  const reload = useCallback(() => {
    detail.reload();
    history.reload();
  }, [detail.reload, history.reload]);
  useOnDelivered(reload);
  // A direct write changed the file: keep it, and have the panel's cards of it read again.
  const changed = useCallback((c: CustomerDetail) => {
    setCustomer(c);
    void customerChanged(c.id);
  }, []);

  if (detail.failure && !customer) return <FailureNote failure={detail.failure} onRetry={detail.reload} />;
  if (!customer) return <Loading />;
  return (
    <article className="customer-file" aria-labelledby="file-name">
      <FileHeader customer={customer} onChanged={changed} onReload={reload} />
      <div className="file-grid">
        <div className="file-main">
          <FieldsForm customer={customer} onSaved={changed} />
          <HistorySection customer={customer} interactions={history.data?.interactions ?? []} />
        </div>
        <aside className="file-aside">
          <PeopleSection customer={customer} onChanged={detail.reload} />
          <ContactPointsSection customer={customer} />
          <CommitmentsSection customer={customer} />
          <MaterialsSection customerId={customer.id} />
          <ParcelsSection customerId={customer.id} />
          <KeysSection customer={customer} onChanged={detail.reload} />
          <TierHistory customerId={customer.id} version={`${customer.tier}:${customer.updatedAt}`} />
        </aside>
      </div>
    </article>
  );
}

function FileHeader({
  customer: c,
  onChanged,
  onReload,
}: {
  customer: CustomerDetail;
  onChanged: (c: CustomerDetail) => void;
  onReload: () => void;
}) {
  const { m } = useI18n();
  const date = useDateText();
  const d = m.dashboard;
  const { api, navigate, notify } = useDashboard();
  const failureText = useFailureText();
  const now = useNow();
  const [losing, setLosing] = useState(false);
  const [form, setForm] = useState(false);
  const [busy, setBusy] = useState(false);
  const lost = c.status === 'lost';
  const log = async (draft: ContactDraft) => {
    try {
      const logged = await logContact(c.id, draft);
      notify({ message: m.panel.logged(draft.kind), onUndo: () => void undoContact(logged.outboxId) });
    } catch (e) {
      notify({ message: m.panel.failed(e instanceof Error ? e.message : String(e)) });
    }
  };
  const act = async (action: 'appointment/cancel' | 'customer/reopen') => {
    if (!api) return;
    if (action === 'appointment/cancel' && !window.confirm(m.panel.confirmCancelAppointment)) return;
    setBusy(true);
    try {
      if (action === 'customer/reopen') {
        const r = await api.reopenCustomer(c.id);
        if (!r.ok) return notify({ message: failureText(r.failure) });
        onChanged(r.value);
        notify({ message: m.panel.reopened });
      } else {
        const r = await api.cancelAppointment(c.id);
        // 404: none stands any more (met or cancelled meanwhile); the file is read again either way.
        if (!r.ok && !(r.failure.kind === 'http' && r.failure.status === 404)) {
          return notify({ message: failureText(r.failure) });
        }
        onReload();
        void customerChanged(c.id);
        notify({ message: m.panel.appointmentCancelled });
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <header className="file-head">
      <div className="file-title">
        <span
          role="img"
          className={`tier tier-${c.tier}${lost ? ' tier-lost' : Date.parse(c.nextDue) < now.getTime() ? ' tier-overdue' : ''}`}
          aria-label={m.panel.tierLabel(c.tier)}
        >
          {c.tier}
        </span>
        <div>
          <h1 id="file-name">{c.name}</h1>
          <p className="muted small">{fileSummary(c, d)}</p>
        </div>
      </div>
      {lost ? (
        <p className="lost-note">
          <span className="lost-badge">{m.panel.lost}</span>{' '}
          {d.file.lost.was(c.lostAt ? date(c.lostAt) : '—', c.lostReasonCode ? d.lostReasons[c.lostReasonCode] : '—')}
          {c.lostReason && ` — ${c.lostReason}`}
        </p>
      ) : (
        <dl className="file-dues">
          <dt>{m.panel.nextCallDue}</dt>
          <dd>
            <Due at={c.nextCallDue} now={now} />
          </dd>
          <dt>{m.panel.nextVisitDue}</dt>
          <dd>
            <Due at={c.nextVisitDue} now={now} />
          </dd>
          {c.appointment && (
            <>
              <dt>{m.panel.appointment}</dt>
              <dd>
                <Due at={c.appointment} now={now} withTime />{' '}
                <button type="button" className="link" disabled={busy} onClick={() => void act('appointment/cancel')}>
                  {m.panel.cancelAppointment}
                </button>
              </dd>
            </>
          )}
          <dt>{d.file.followUps}</dt>
          <dd>{m.panel.followUps(c.followUps)}</dd>
        </dl>
      )}
      <div className="actions">
        {lost ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void act('customer/reopen')}>
            {m.panel.reopen}
          </button>
        ) : (
          <>
            <button type="button" className="primary" onClick={() => void log({ kind: 'call' })}>
              {m.panel.logCall}
            </button>
            <button type="button" className="primary" onClick={() => void log({ kind: 'visit' })}>
              {m.panel.logVisit}
            </button>
          </>
        )}
        <button type="button" aria-expanded={form} onClick={() => setForm((f) => !f)}>
          {m.panel.logOther}
        </button>
        <button type="button" onClick={() => navigate({ view: 'visit', customerId: c.id })}>
          {d.board.visitRecord}
        </button>
        {!lost && (
          <button type="button" className="danger-outline" onClick={() => setLosing(true)}>
            {d.file.lost.title}
          </button>
        )}
      </div>
      {form && (
        <LogForm
          people={c.people}
          appointment={lost ? null : c.appointment}
          onCancel={() => setForm(false)}
          onSubmit={async (draft) => {
            await log(draft);
            setForm(false);
          }}
        />
      )}
      {losing && (
        <MarkLost
          customer={c}
          onCancel={() => setLosing(false)}
          onDone={(x) => {
            setLosing(false);
            onChanged(x);
            notify({ message: d.file.lost.done });
          }}
        />
      )}
    </header>
  );
}
