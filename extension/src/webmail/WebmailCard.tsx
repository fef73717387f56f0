import type { Capture, Person } from '@dossier/shared';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { type CardAction, CopyPhone, CustomerCard } from '../card/CustomerCard.tsx';
import { ErrorState } from '../card/ErrorState.tsx';
import type { ContextView } from '../card/view.ts';
import { cardLogging } from '../log/card-logging.tsx';
import type { InteractionDraft } from '../log/requests.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import type { MailView } from './useWebmail.ts';
import '../capture/capture.css';

interface Props {
  mail: MailView;
  now: Date;
  onLog: (customerId: number, draft: InteractionDraft, sender: string) => Promise<void>;
  onAction: (action: CardAction, customerId: number, sender: string) => Promise<void>;
  onAddSender: (capture: Capture, sender: string) => void;
  onReread: () => void;
}

const WEBMAIL_QUICK = ['call', 'email'] as const;

/**
 * The card for an open webmail message: who sent it, their customer and person, and Log call /
 * Log email with the subject prefilled; an unknown sender can be added to a customer.
 */
export function WebmailCard({ mail, now, onLog, onAction, onAddSender, onReread }: Props) {
  const { m } = useI18n();
  const noteId = useId();
  const subject = mail.state === 'ready' ? (mail.message.subject ?? '') : '';
  const [note, setNote] = useState(subject);
  useEffect(() => setNote(subject), [subject]);

  if (mail.state === 'reading') {
    return (
      <p className="quiet" aria-busy="true">
        {m.capture.webmail.reading}
      </p>
    );
  }
  if (mail.state === 'no-message' || mail.state === 'failed') {
    return (
      <div className="quiet">
        <p>{mail.state === 'failed' ? m.capture.readFailed(mail.message) : m.capture.webmail.noMessage}</p>
        <button type="button" onClick={onReread}>
          {m.panel.retry}
        </button>
      </div>
    );
  }

  const { message, view, capture } = mail;
  const from = message.fromEmail;
  return (
    <>
      <section className="sender" aria-label={m.capture.webmail.from}>
        <p>
          <span className="muted">{m.capture.webmail.from}: </span>
          {message.fromName ? `${message.fromName} <${from}>` : from}
        </p>
        {message.subject && (
          <p>
            <span className="muted">{m.capture.webmail.subject}: </span>
            {message.subject}
          </p>
        )}
        {view.state === 'customer' && view.answer.person && view.answer.customer && (
          <p>
            <strong>
              {m.capture.webmail.personAt(
                view.answer.person.title
                  ? `${view.answer.person.name} · ${view.answer.person.title}`
                  : view.answer.person.name,
                view.answer.customer.name,
              )}
            </strong>
          </p>
        )}
        {view.state === 'customer' && view.answer.person && <SenderPhones person={view.answer.person} />}
      </section>
      <SenderCard
        view={view}
        now={now}
        note={note}
        noteField={
          <div className="plain-field">
            <label htmlFor={noteId}>{m.capture.webmail.note}</label>
            <input id={noteId} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </div>
        }
        from={from}
        onLog={(customerId, draft) => onLog(customerId, draft, from)}
        onAction={(action, customerId) => onAction(action, customerId, from)}
        onAddSender={() => onAddSender(capture, from)}
        onRetry={onReread}
      />
    </>
  );
}

function SenderCard({
  view,
  now,
  note,
  noteField,
  from,
  onLog,
  onAction,
  onAddSender,
  onRetry,
}: {
  view: ContextView;
  now: Date;
  note: string;
  noteField: ReactNode;
  from: string;
  onLog: (customerId: number, draft: InteractionDraft) => Promise<void>;
  onAction: (action: CardAction, customerId: number) => Promise<void>;
  onAddSender: () => void;
  onRetry: () => void;
}) {
  const { m } = useI18n();
  switch (view.state) {
    case 'customer': {
      const person = view.answer.person;
      const quickDraft = {
        ...(note.trim() ? { summary: note.trim() } : {}),
        ...(person ? { personId: person.id } : {}),
      };
      return (
        <>
          {noteField}
          <CustomerCard
            key={view.answer.customer?.id}
            view={view}
            now={now}
            quickKinds={WEBMAIL_QUICK}
            {...cardLogging(view, (draft) => onLog(view.answer.customer?.id ?? 0, draft), quickDraft)}
            onAction={(action) => onAction(action, view.answer.customer?.id ?? 0)}
          />
          {/* Known company, new person (matched by the e-mail domain): offer to file the sender too. */}
          {!person && (
            <div className="actions">
              <button type="button" onClick={onAddSender}>
                {m.capture.webmail.addSender}
              </button>
            </div>
          )}
        </>
      );
    }
    case 'unknown':
      return (
        <section className="card unknown" aria-labelledby="sender-unknown">
          <h1 id="sender-unknown">{m.capture.webmail.unknownSender}</h1>
          <p className="muted small">{m.capture.webmail.unknownSenderHint(from)}</p>
          {view.answer.suggestions.length > 0 && (
            <div>
              <p className="small">{m.panel.maybe}</p>
              <ul>
                {view.answer.suggestions.map((s) => (
                  <li key={s.id}>
                    {s.name} <span className="muted">({m.panel.tierLabel(s.tier)})</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={onAddSender}>
              {m.capture.webmail.addSender}
            </button>
          </div>
        </section>
      );
    case 'error':
      return <ErrorState reason={view.reason} onRetry={onRetry} />;
    case 'browser':
      return null;
  }
}

/** The matched sender's own numbers (mobile, direct line), to call them back from the message. */
function SenderPhones({ person }: { person: Person }) {
  const { m } = useI18n();
  const phones = [
    [m.panel.mobile, person.mobile],
    [m.panel.directLine, person.directLine],
  ].filter((p): p is [string, string] => Boolean(p[1]));
  if (!phones.length) return null;
  return (
    <ul className="sender-phones" aria-label={person.name}>
      {phones.map(([label, phone]) => (
        <li key={label} className="contact-row">
          <span className="muted small">{label}</span> <CopyPhone phone={phone} />
        </li>
      ))}
    </ul>
  );
}
