import type { DueItem } from '@dossier/shared';
import { useState } from 'react';
import { LogForm } from '../../log/LogForm.tsx';
import type { InteractionDraft as ContactDraft } from '../../log/requests.ts';
import { formatPhone } from '../../platform/format.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { telHref } from '../../platform/ui/links.ts';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { Due } from '../common/Due.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard, useResource } from '../common/state.tsx';
import type { CustomerCard } from './merge.ts';

export const cardKey = (i: DueItem) =>
  i.commitmentId ? `commitment:${i.commitmentId}` : `${i.customerId}:${i.reason}:${i.due}`;

interface Actions {
  now: Date;
  onLog: (item: DueItem, draft: ContactDraft) => Promise<void>;
  onKept: (item: DueItem) => Promise<void>;
  onCancelAppointment: (item: DueItem) => Promise<void>;
}

/**
 * One customer on the board: its tier and name, the person to call and their number, then every
 * reason it is due (a call, a visit, an appointment, promises), each with the one click that deals with it.
 */
export function DueCard({ card, ...actions }: Actions & { card: CustomerCard }) {
  const { m } = useI18n();
  const b = m.dashboard.board;
  const { navigate } = useDashboard();
  const overdue = card.items.some((i) => Date.parse(i.due) < actions.now.getTime());
  const phone = card.contact?.phone;
  const tel = telHref(phone);
  const reasons = card.items.map((i) => m.dashboard.dueReasons[i.reason]).join(' · ');
  return (
    <article
      className={`due-card${card.items.length === 1 ? ` reason-${card.items[0]?.reason}` : ''}${overdue ? ' is-overdue' : ''}`}
      aria-label={`${card.name} — ${reasons}`}
    >
      <header>
        <TierBadge tier={card.tier} overdue={overdue} />
        <a
          href={formatRoute({ view: 'customer', id: card.customerId })}
          className="customer-link"
          onClick={(e) => {
            e.preventDefault();
            navigate({ view: 'customer', id: card.customerId });
          }}
        >
          {card.name}
        </a>
      </header>
      {phone ? (
        <p className="call-who">
          <span className="muted">{b.callWho(card.contact?.name ?? null)}</span>{' '}
          {tel ? (
            <a href={tel} className="phone-link">
              {formatPhone(phone)}
            </a>
          ) : (
            <span>{formatPhone(phone)}</span>
          )}
        </p>
      ) : (
        <p className="call-who muted small">{b.noNumber}</p>
      )}
      {card.items.map((item) => (
        <DueRow key={cardKey(item)} item={item} {...actions} />
      ))}
    </article>
  );
}

/** One due thing of a customer's card, and the one click that deals with it. */
function DueRow({ item, now, onLog, onKept, onCancelAppointment }: Actions & { item: DueItem }) {
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
    <section
      className={`due-row reason-${item.reason}${overdue ? ' is-overdue' : ''}`}
      aria-label={m.dashboard.dueReasons[item.reason]}
    >
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
        <BoardLogForm
          item={item}
          onCancel={() => setForm(false)}
          onSubmit={async (draft) => {
            await onLog(item, draft);
            setForm(false);
          }}
        />
      )}
    </section>
  );
}

/**
 * The full log form for a card: every person of the file to choose from (the board's item names
 * only the one to call), read when the form opens.
 */
function BoardLogForm({
  item,
  onCancel,
  onSubmit,
}: {
  item: DueItem;
  onCancel: () => void;
  onSubmit: (draft: ContactDraft) => Promise<void>;
}) {
  const detail = useResource((a) => a.customer(item.customerId), `customer:${item.customerId}`);
  const isAppointment = item.reason === 'appointment';
  return (
    <LogForm
      people={detail.status === 'ok' ? detail.data.people : []}
      appointment={isAppointment ? item.due : null}
      {...(isAppointment ? { initial: { meetsAppointment: true } } : {})}
      onCancel={onCancel}
      onSubmit={onSubmit}
    />
  );
}
