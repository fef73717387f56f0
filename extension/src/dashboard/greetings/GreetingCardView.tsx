import type { GreetingCard } from '@dossier/shared';
import { useId, useState } from 'react';
import { logContact } from '../../log/send.ts';
import { formatPhone } from '../../platform/format.ts';
import { useI18n } from '../../platform/i18n/react.tsx';
import { CopyButton } from '../../platform/ui/CopyButton.tsx';
import { smsHref } from '../../platform/ui/links.ts';
import { TierBadge } from '../../platform/ui/TierBadge.tsx';
import { formatRoute } from '../common/router.ts';
import { useDashboard } from '../common/state.tsx';

/**
 * One person, one greeting: the personal draft (editable), copy, an `sms:` link to their
 * mobile, and one click to log it. Never more than one recipient.
 */
export function GreetingCardView({ card, occasion }: { card: GreetingCard; occasion: string }) {
  const { m } = useI18n();
  const g = m.dashboard.greetings;
  const { navigate, notify } = useDashboard();
  const id = useId();
  const [text, setText] = useState(card.draft);
  const [logged, setLogged] = useState(false);
  const [busy, setBusy] = useState(false);
  const sms = smsHref(card.mobile, text);
  const log = async () => {
    setBusy(true);
    try {
      await logContact(card.customerId, {
        kind: 'greeting',
        personId: card.personId,
        summary: `${occasion}: ${text}`.slice(0, 4000),
      });
      setLogged(true);
      notify({ message: g.logged(card.name) });
    } catch (e) {
      notify({ message: m.panel.failed(e instanceof Error ? e.message : String(e)) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className={`greeting${logged ? ' done' : ''}`} aria-label={g.cardLabel(card.name, card.customerName)}>
      <header>
        <TierBadge tier={card.tier} />
        <div>
          <strong>{card.name}</strong>
          {card.title && <span className="muted"> · {card.title}</span>}
          <div className="small">
            <a
              href={formatRoute({ view: 'customer', id: card.customerId })}
              onClick={(e) => {
                e.preventDefault();
                navigate({ view: 'customer', id: card.customerId });
              }}
            >
              {card.customerName}
            </a>
            {card.mobile && <span className="muted"> · {formatPhone(card.mobile)}</span>}
          </div>
        </div>
      </header>
      <label htmlFor={id} className="sr-only">
        {g.draftFor(card.name)}
      </label>
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="actions">
        <CopyButton text={text} label={g.copy} />
        {sms ? (
          <a className="button" href={sms}>
            {g.sms}
          </a>
        ) : (
          <span className="muted small">{g.noMobile}</span>
        )}
        <button type="button" className="primary" disabled={busy || logged} onClick={() => void log()}>
          {logged ? g.greeted : g.log}
        </button>
      </div>
    </article>
  );
}
