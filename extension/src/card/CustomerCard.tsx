import type { ContactPoint, ContactPointConfirm, Interaction, Person } from '@dossier/shared';
import { type ReactNode, useState } from 'react';
import { formatPhone } from '../platform/format.ts';
import { useI18n } from '../platform/i18n/react.tsx';
import { formatDate, formatDue } from '../platform/i18n/relative.ts';
import { ContactPointAge } from '../platform/ui/ContactPointAge.tsx';
import { mailtoHref } from '../platform/ui/links.ts';
import { pointOf } from '../platform/ui/point-age.ts';
import type { ContextView, PendingInteraction } from './view.ts';

/** The one-click buttons: call and visit on a company page, call and e-mail on a webmail message. */
export type QuickKind = 'call' | 'visit' | 'email';

export type CustomerView = Extract<ContextView, { state: 'customer' }>;

/**
 * What the card asks the server to do for its customer, besides logging contacts: cancel the
 * appointment, reopen a lost file, confirm that a phone or e-mail is still right.
 */
export type CardAction = 'appointment/cancel' | 'customer/reopen' | { confirm: ContactPointConfirm };

interface Props {
  view: CustomerView;
  now: Date;
  /** A one-click log of a contact of this kind (the log feature's, see log/card-logging.tsx). */
  onQuickLog: (kind: QuickKind) => Promise<void>;
  /** The form for any other contact (the log feature's), given how to close it. */
  logForm: (close: () => void) => ReactNode;
  onAction: (action: CardAction) => Promise<void>;
  quickKinds?: readonly QuickKind[];
}

const DEFAULT_QUICK: readonly QuickKind[] = ['call', 'visit'];

export function CustomerCard({ view, now, onQuickLog, logForm, onAction, quickKinds = DEFAULT_QUICK }: Props) {
  const { m, locale } = useI18n();
  const { answer, pending } = view;
  const customer = answer.customer;
  const [formOpen, setFormOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!customer || !answer.tier) return null;

  const quickLabel: Record<QuickKind, string> = {
    call: m.panel.logCall,
    visit: m.panel.logVisit,
    email: m.capture.webmail.logEmail,
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    try {
      await fn();
    } finally {
      setBusy(false);
    }
  };
  const logQuick = (kind: QuickKind) => run(() => onQuickLog(kind));
  // A lost file has no due dates and nothing overdue: a neutral badge, why and when it was lost.
  const lost = answer.lost;

  return (
    <article className="card" aria-labelledby="customer-name">
      <header className="card-head">
        <span
          role="img"
          className={`tier tier-${answer.tier}${lost ? ' tier-lost' : answer.overdue.any ? ' tier-overdue' : ''}`}
          aria-label={m.panel.tierLabel(answer.tier)}
        >
          {m.panel.tierText(answer.tier)}
        </span>
        <div>
          <h1 id="customer-name">{customer.name}</h1>
          {customer.formerNames.length > 0 && (
            <p className="muted small">{m.panel.formerNames(customer.formerNames)}</p>
          )}
          {answer.matchedBy && (
            <p className="muted small">{m.panel.matchedBy(answer.matchedBy.kind, answer.matchedBy.value)}</p>
          )}
        </div>
      </header>

      {lost ? (
        <section className="lost-card" aria-label={m.panel.lost}>
          <p>
            <strong className="lost-badge">{m.panel.lost}</strong>
            {lost.at && (
              <time className="muted" dateTime={lost.at}>
                {' '}
                · {formatDate(lost.at, locale)}
              </time>
            )}
            {lost.reasonCode && <span> · {m.dashboard.lostReasons[lost.reasonCode]}</span>}
          </p>
          {lost.reason && <p className="small">{lost.reason}</p>}
          <p className="muted small">{m.panel.followUps(answer.followUps)}</p>
        </section>
      ) : (
        <section className="dues">
          {answer.nextCallDue && <DueLine label={m.panel.nextCallDue} due={answer.nextCallDue} now={now} />}
          {answer.nextVisitDue && <DueLine label={m.panel.nextVisitDue} due={answer.nextVisitDue} now={now} />}
          {answer.appointment && (
            <DueLine label={m.panel.appointment} due={answer.appointment} now={now} withTime>
              <button
                type="button"
                className="link"
                disabled={busy}
                onClick={() => {
                  if (window.confirm(m.panel.confirmCancelAppointment)) void run(() => onAction('appointment/cancel'));
                }}
              >
                {m.panel.cancelAppointment}
              </button>
            </DueLine>
          )}
          <p className="muted small">{m.panel.followUps(answer.followUps)}</p>
        </section>
      )}

      <div className="actions">
        {lost ? (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void run(() => onAction('customer/reopen'))}
          >
            {m.panel.reopen}
          </button>
        ) : (
          quickKinds.map((k) => (
            <button key={k} type="button" className="primary" disabled={busy} onClick={() => void logQuick(k)}>
              {quickLabel[k]}
            </button>
          ))
        )}
        <button type="button" aria-expanded={formOpen} onClick={() => setFormOpen((o) => !o)}>
          {m.panel.logOther}
        </button>
      </div>
      {formOpen && logForm(() => setFormOpen(false))}

      {answer.keyPeople.length > 0 && (
        <section>
          <h2>{m.panel.keyPeople}</h2>
          <ul className="people">
            {answer.keyPeople.map((p) => (
              <PersonRow
                key={p.id}
                person={p}
                points={answer.contactPoints}
                now={now}
                onConfirm={(c) => onAction({ confirm: { kind: c.kind, value: c.value, personId: p.id } })}
              />
            ))}
          </ul>
        </section>
      )}

      <section>
        <h2>{m.panel.lastInteractions}</h2>
        <Interactions confirmed={answer.lastInteractions} pending={pending} />
      </section>
    </article>
  );
}

function DueLine({
  label,
  due,
  now,
  withTime = false,
  children,
}: {
  label: string;
  due: string;
  now: Date;
  withTime?: boolean;
  /** An action on this line (the appointment's Cancel). */
  children?: ReactNode;
}) {
  const { m, locale } = useI18n();
  const d = formatDue(due, now, m.due);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled line of text, not form controls — <fieldset> would be wrong.
    <div role="group" aria-label={label} className={`due${d.overdue ? ' overdue' : ''}`}>
      <span className="due-label" aria-hidden="true">
        {label}
      </span>
      <span className="due-when">{d.text}</span>
      <time className="due-date muted" dateTime={due}>
        {formatDate(due, locale, withTime)}
      </time>
      {children && <div className="due-action">{children}</div>}
    </div>
  );
}

function PersonRow({
  person,
  points,
  now,
  onConfirm,
}: {
  person: Person;
  points: ContactPoint[] | undefined;
  now: Date;
  onConfirm: (point: ContactPoint) => Promise<void>;
}) {
  const phones = [person.mobile, person.directLine].filter((p): p is string => Boolean(p));
  // How old each number and address is: seed 002, verify before calling.
  // Once each: a mobile written again as the direct line is one number, with one age.
  const aged = [
    ...new Set(
      [...phones, person.email]
        .map((v) => (v ? pointOf(points, person.id, v) : undefined))
        .filter((p): p is ContactPoint => p !== undefined),
    ),
  ];
  return (
    <li>
      <div>
        <strong>{person.name}</strong>
        {person.title && <span className="muted"> · {person.title}</span>}
      </div>
      <div className="contact-row">
        {phones.map((p) => (
          <CopyPhone key={p} phone={p} />
        ))}
        {person.email &&
          (mailtoHref(person.email) ? (
            <a href={mailtoHref(person.email)} className="mail">
              {person.email}
            </a>
          ) : (
            <span className="mail">{person.email}</span>
          ))}
      </div>
      {aged.length > 0 && (
        <ul className="point-ages">
          {aged.map((p) => (
            <li key={`${p.field}:${p.value}`}>
              <span className="point-value small">{p.kind === 'phone' ? formatPhone(p.value) : p.value}</span>{' '}
              <ContactPointAge point={p} now={now} onConfirm={onConfirm} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Click-to-copy: the number goes to the clipboard for the desk phone or a softphone. */
export function CopyPhone({ phone }: { phone: string }) {
  const { m } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(phone);
    } catch {
      // No clipboard permission in this context (Firefox sidebar without focus): select-copy fallback.
      const area = document.createElement('textarea');
      area.value = phone;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button type="button" className="phone" aria-label={m.panel.copyPhone(phone)} onClick={() => void copy()}>
      {phone}
      {copied && <span className="copied"> ✓ {m.panel.copied}</span>}
    </button>
  );
}

function Interactions({ confirmed, pending }: { confirmed: Interaction[]; pending: PendingInteraction[] }) {
  const { m, locale } = useI18n();
  const rows = [
    ...pending.map((p) => ({
      key: p.outboxId,
      kind: p.kind,
      at: p.at,
      text: p.summary ?? p.outcome,
      waiting: true,
      refused: p.refused ?? false,
    })),
    ...confirmed
      .filter((i) => !pending.some((p) => p.idempotencyKey === i.idempotencyKey))
      .map((i) => ({
        key: String(i.id),
        kind: i.kind,
        at: i.at,
        text: i.summary ?? i.outcome,
        waiting: false,
        refused: false,
      })),
  ].slice(0, 3);
  if (!rows.length) return <p className="muted small">{m.panel.noInteractions}</p>;
  return (
    <ul className="interactions">
      {rows.map((r) => (
        <li key={r.key} className={r.refused ? 'refused' : r.waiting ? 'waiting' : undefined}>
          <span className="kind">{m.kinds[r.kind]}</span>
          <time className="muted" dateTime={r.at}>
            {formatDate(r.at, locale, true)}
          </time>
          {r.waiting && (
            <span className={r.refused ? 'refused small' : 'muted small'}>
              {' '}
              · {r.refused ? m.outbox.refusedShort : m.outbox.notSent}
            </span>
          )}
          {r.text && <p className="small">{r.text}</p>}
        </li>
      ))}
    </ul>
  );
}
