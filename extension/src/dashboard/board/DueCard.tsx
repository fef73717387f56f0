import type { DueItem } from '@dossier/shared';
import { useState } from 'react';
import { LogForm } from '../../log/LogForm.tsx';
import type { InteractionDraft as ContactDraft } from '../../log/requests.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { Due } from '../common/Due.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard } from '../common/state.tsx';
import { TierBadge } from '../common/TierBadge.tsx';

export const cardKey = (i: DueItem) =>
  i.commitmentId ? `commitment:${i.commitmentId}` : `${i.customerId}:${i.reason}:${i.due}`;

interface Props {
  item: DueItem;
  now: Date;
  onLog: (item: DueItem, draft: ContactDraft) => Promise<void>;
  onKept: (item: DueItem) => Promise<void>;
  onCancelAppointment: (item: DueItem) => Promise<void>;
}

/** One due thing on the board, and the one click that deals with it. */
export function DueCard({ item, now, onLog, onKept, onCancelAppointment }: Props) {
  const { m } = useI18n();
  const b = m.dashboard.board;
  const { navigate } = useDashboard();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState(false);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  // On an appointment's card the one click logs the appointment's outcome (even a day early).
  const isAppointment = item.reason === 'appointment';
  const log = (kind: 'call' | 'visit') =>
    run(() => onLog(item, { kind, ...(isAppointment ? { meetsAppointment: true } : {}) }));
  const overdue = Date.parse(item.due) < now.getTime();

  return (
    <article
      className={`due-card reason-${item.reason}${overdue ? ' is-overdue' : ''}`}
      aria-label={`${item.name} — ${m.dashboard.dueReasons[item.reason]}`}
    >
      <header>
        <TierBadge tier={item.tier} overdue={overdue} />
        <a
          href={formatRoute({ view: 'customer', id: item.customerId })}
          className="customer-link"
          onClick={(e) => {
            e.preventDefault();
            navigate({ view: 'customer', id: item.customerId });
          }}
        >
          {item.name}
        </a>
      </header>
      <p className="due-line">
        <span className="reason">{m.dashboard.dueReasons[item.reason]}</span>
        <Due at={item.due} now={now} withTime={item.reason === 'appointment' || item.reason === 'commitment'} />
      </p>
      {item.text && <p className="commitment-text">{item.text}</p>}
      <div className="actions">
        {item.reason === 'commitment' ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void run(() => onKept(item))}>
            {b.markKept}
          </button>
        ) : (
          <>
            {item.reason !== 'visit' && (
              <button type="button" className="primary" disabled={busy} onClick={() => void log('call')}>
                {m.panel.logCall}
              </button>
            )}
            {item.reason !== 'call' && (
              <button type="button" className="primary" disabled={busy} onClick={() => void log('visit')}>
                {m.panel.logVisit}
              </button>
            )}
            <button type="button" aria-expanded={form} onClick={() => setForm((f) => !f)}>
              {m.panel.logOther}
            </button>
            {item.reason === 'visit' && (
              <button type="button" onClick={() => navigate({ view: 'visit', customerId: item.customerId })}>
                {b.visitRecord}
              </button>
            )}
            {isAppointment && (
              <button type="button" disabled={busy} onClick={() => void run(() => onCancelAppointment(item))}>
                {m.panel.cancelAppointment}
              </button>
            )}
          </>
        )}
      </div>
      {form && (
        <LogForm
          people={[]}
          appointment={isAppointment ? item.due : null}
          {...(isAppointment ? { initial: { meetsAppointment: true } } : {})}
          onCancel={() => setForm(false)}
          onSubmit={async (draft) => {
            await onLog(item, draft);
            setForm(false);
          }}
        />
      )}
    </article>
  );
}
