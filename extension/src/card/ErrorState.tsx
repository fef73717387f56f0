import { browser } from '#imports';
import { useI18n } from '../platform/i18n/react.tsx';
import type { ErrorReason } from './view.ts';

export function ErrorState({ reason, onRetry }: { reason: ErrorReason; onRetry: () => void }) {
  const { m } = useI18n();
  const text = {
    not_configured: m.panel.notConfigured,
    unreachable: m.panel.unreachable,
    unauthorized: m.panel.unauthorized,
    bad_response: m.panel.badResponse,
  }[reason];
  const settings = reason === 'not_configured' || reason === 'unauthorized';
  return (
    <section className="card quiet-card">
      <p>{text}</p>
      <div className="actions">
        {settings ? (
          <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
            {m.panel.openOptions}
          </button>
        ) : (
          <button type="button" onClick={onRetry}>
            {m.panel.retry}
          </button>
        )}
      </div>
    </section>
  );
}
