import type { DueItem, Tier } from '@dossier/shared';
import { useCallback, useEffect, useState } from 'react';
import { customerChanged } from '../../card/send.ts';
import type { InteractionDraft as ContactDraft } from '../../log/requests.ts';
import { logContact, undoContact } from '../../log/send.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { FailureNote, Loading, useFailureText } from '../common/Failure.tsx';
import { useDashboard, useNow, useOnDelivered, useOutbox, useResource } from '../common/state.tsx';
import { NewCustomerForm } from '../customers/NewCustomerForm.tsx';
import { cardKey, DueCard } from './DueCard.tsx';
import { FocusNotes } from './FocusNotes.tsx';
import { COLUMNS, type Column, customerCards, listedEntries } from './merge.ts';
import { dealtWith, followOutbox, type Hidden, settle } from './optimistic.ts';
import { TodayGreetings } from './TodayGreetings.tsx';

const TIERS: readonly Tier[] = ['A', 'B', 'C'];

/**
 * The board: today's birthdays and greetings, then overdue, today, tomorrow, the rest of this week
 * (the ISO week, Monday–Sunday, as the focus notes') and later in the window — from due calls,
 * visits, appointments and commitments, one card per customer with all its reasons.
 */
export function BoardView() {
  const { m } = useI18n();
  const b = m.dashboard.board;
  const { api, notify, timeZone } = useDashboard();
  const failureText = useFailureText();
  const now = useNow();
  const board = useResource((a) => a.due('7d'), 'due');
  const outbox = useOutbox();
  const [hidden, setHidden] = useState<Hidden[]>([]);
  const [tier, setTier] = useState<Tier | ''>('');
  // The same "new customer" as the customer list: a call from a new prospect starts here too.
  const [creating, setCreating] = useState(false);
  const { reload } = board;

  useEffect(() => {
    if (!outbox || !hidden.length) return;
    const r = followOutbox(hidden, outbox);
    if (r.landed || r.next.length !== hidden.length) setHidden(r.next);
    if (r.landed) reload();
  }, [outbox, hidden, reload]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new board from the server settles the landed cards.
  useEffect(() => setHidden(settle), [board.data]);
  useOnDelivered(reload);

  const onLog = useCallback(
    async (item: DueItem, draft: ContactDraft) => {
      try {
        const logged = await logContact(item.customerId, draft);
        // Off the board at once only when the log deals with the card; an e-mail leaves the
        // appointment (and the call) due. Either way the server's board is read once it lands.
        const off = dealtWith(item, draft, new Date(), timeZone);
        setHidden((h) => [
          ...h,
          { card: off ? cardKey(item) : `kept:${logged.outboxId}`, outboxId: logged.outboxId, landed: false },
        ]);
        notify({
          message: m.panel.logged(draft.kind),
          onUndo: () => void undoContact(logged.outboxId).then(reload, (e) => notify({ message: String(e) })),
        });
      } catch (e) {
        notify({ message: m.panel.failed(e instanceof Error ? e.message : String(e)) });
      }
    },
    [m, notify, reload, timeZone],
  );

  const onCancelAppointment = useCallback(
    async (item: DueItem) => {
      if (!api || !window.confirm(m.panel.confirmCancelAppointment)) return;
      const card = cardKey(item);
      setHidden((h) => [...h, { card, outboxId: null, landed: false }]);
      const r = await api.cancelAppointment(item.customerId);
      if (r.ok || (r.failure.kind === 'http' && r.failure.status === 404)) {
        setHidden((h) => h.map((x) => (x.card === card ? { ...x, landed: true } : x)));
        notify({ message: m.panel.appointmentCancelled });
        reload();
        void customerChanged(item.customerId);
      } else {
        setHidden((h) => h.filter((x) => x.card !== card));
        notify({ message: failureText(r.failure) });
      }
    },
    [api, m, notify, reload, failureText],
  );

  const onKept = useCallback(
    async (item: DueItem) => {
      if (!api || !item.commitmentId) return;
      const card = cardKey(item);
      setHidden((h) => [...h, { card, outboxId: null, landed: false }]);
      const r = await api.keepCommitment(item.commitmentId);
      if (r.ok) {
        setHidden((h) => h.map((x) => (x.card === card ? { ...x, landed: true } : x)));
        notify({ message: b.kept });
        reload();
      } else {
        setHidden((h) => h.filter((x) => x.card !== card));
        notify({ message: failureText(r.failure) });
      }
    },
    [api, b.kept, notify, reload, failureText],
  );

  const off = new Set(hidden.map((h) => h.card));
  const data = board.data;
  const shown = (col: Column) => (data?.[col] ?? []).filter((i) => !off.has(cardKey(i)));
  const cards = customerCards(Object.fromEntries(COLUMNS.map((c) => [c, shown(c)])), tier ? [tier] : []);
  return (
    <div className="board-view">
      <div className="view-head">
        <h1>{b.title}</h1>
        <label className="tier-filter">
          {b.tierFilter}{' '}
          <select value={tier} onChange={(e) => setTier(e.target.value as Tier | '')}>
            <option value="">{b.allTiers}</option>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {b.tierOption(t)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={reload}>
          {m.dashboard.common.refresh}
        </button>
        <button type="button" aria-expanded={creating} onClick={() => setCreating((x) => !x)}>
          {m.dashboard.customers.create.open}
        </button>
      </div>
      {creating && <NewCustomerForm onCancel={() => setCreating(false)} />}
      {board.failure && <FailureNote failure={board.failure} onRetry={reload} />}
      {!board.data && !board.failure && <Loading />}
      <TodayGreetings />
      {data && (
        <div className="board">
          {COLUMNS.map((col) => {
            const listed = data[col] ?? [];
            // The server lists the first `limit` of each column (a file with its reasons, or a
            // promise) and counts them all: the customers shown here, plus what it counted beyond.
            const beyond = Math.max(0, (data.counts[col] ?? 0) - listedEntries(listed));
            const total = cards[col].length + (tier ? 0 : beyond);
            return (
              <section key={col} className={`column column-${col}`} aria-label={b.columns[col]}>
                <h2>
                  {b.columns[col]}{' '}
                  <span className="count">
                    {total}
                    {!tier && data.countsAtLeast?.includes(col) ? '+' : ''}
                  </span>
                </h2>
                {cards[col].length === 0 ? (
                  <p className="muted small">{b.empty}</p>
                ) : (
                  <ul className="cards">
                    {cards[col].map((card) => (
                      <li key={card.customerId}>
                        <DueCard
                          card={card}
                          now={now}
                          onLog={onLog}
                          onKept={onKept}
                          onCancelAppointment={onCancelAppointment}
                        />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      <FocusNotes />
    </div>
  );
}
