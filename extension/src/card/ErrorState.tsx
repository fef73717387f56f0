import { browser } from '#imports';
import { useI18n } from '../platform/i18n/react.tsx';
import type { ErrorReason } from './view.ts';

/** Every error state links to the options: the URL or token is where most of them are fixed. */
export function ErrorState({ reason, onRetry }: { reason: ErrorReason; onRetry: () => void }) {
  const { m } = useI18n();
  const text = {
    not_configured: m.panel.notConfigured,
    unreachable: m.panel.unreachable,
    unauthorized: m.panel.unauthorized,
    bad_response: m.panel.badResponse,
  }[reason];
  const settingsFirst = reason === 'not_configured' || reason === 'unauthorized';
  return (
    <section className="card quiet-card" role="alert">
      <p>{text}</p>
      <div className="actions">
        <button
          type="button"
          className={settingsFirst ? 'primary' : undefined}
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          {m.panel.openOptions}
        </button>
        {!settingsFirst && (
          <button type="button" onClick={onRetry}>
            {m.panel.retry}
          </button>
        )}
      </div>
    </section>
  );
}

/** Above a card kept from before: the server did not answer, so it may be out of date. */
export function OfflineNotice({ fetchedAt, onRetry }: { fetchedAt: number; onRetry: () => void }) {
  const { m, locale } = useI18n();
  const at = new Date(fetchedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <section className="card quiet-card offline" role="alert">
      <p>{m.panel.offline(at)}</p>
      <div className="actions">
        <button type="button" onClick={onRetry}>
          {m.panel.retry}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {m.panel.openOptions}
        </button>
      </div>
    </section>
  );
}
