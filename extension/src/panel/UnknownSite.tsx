import { SUGGESTED_BY } from '@dossier/shared';
import type { ReactNode } from 'react';
import { isSameName } from '../capture/matching.ts';
import type { PageCard } from '../card/usePageCard.ts';
import type { ContextView } from '../card/view.ts';
import { useI18n } from '../platform/i18n/react.tsx';

type UnknownView = Extract<ContextView, { state: 'unknown' }>;

/**
 * No file has this site. The page may still name a company (usePageCard): what it shows is
 * listed, and a file of the same or a similar name is offered as a suggestion — a name alone
 * never makes the card a customer's.
 */
export function UnknownSite({
  view,
  page,
  onCapture,
  onPrepare,
  children,
}: {
  view: UnknownView;
  page: PageCard | null;
  onCapture: () => void;
  /** The pointer or focus reached the capture button: load the capture ahead of the click. */
  onPrepare?: () => void;
  /** More actions beside the capture (the panel's "New customer"). */
  children?: ReactNode;
}) {
  const { m } = useI18n();
  const fromPage = page?.view?.state === 'unknown' ? page.view.answer.suggestions : [];
  const seen = new Set<number>();
  const suggestions = [...view.answer.suggestions, ...fromPage].filter((s) => !seen.has(s.id) && seen.add(s.id));
  const keys = page?.keys;
  const read = keys
    ? [
        keys.creditCode && `${m.keyKinds.credit_code} ${keys.creditCode}`,
        keys.icp && `${m.keyKinds.icp} ${keys.icp}`,
        keys.name,
      ].filter(Boolean)
    : [];
  return (
    <section className="card unknown" aria-labelledby="unknown-title">
      <h1 id="unknown-title">{m.panel.notInFiles}</h1>
      <p className="muted small">{m.panel.notInFilesHint(view.card)}</p>
      {read.length > 0 && (
        <p className="muted small page-keys">
          {m.panel.readFromPage}: {read.join(' · ')}
        </p>
      )}
      {suggestions.length > 0 && (
        <div>
          <p className="small">{m.panel.maybe}</p>
          <ul aria-label={m.panel.maybe}>
            {suggestions.map((s) => (
              <li key={s.id}>
                {s.name} <span className="muted">({m.panel.tierLabel(s.tier)})</span>{' '}
                <span className="muted small">
                  ·{' '}
                  {s.reason === SUGGESTED_BY.formerName
                    ? m.capture.formerName
                    : isSameName(s.name, keys?.name)
                      ? m.capture.sameName
                      : m.capture.reasons.name(s.name)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={onCapture} onPointerEnter={onPrepare} onFocus={onPrepare}>
          {m.panel.captureThisPage}
        </button>
      </div>
      {children}
    </section>
  );
}
