import { browser } from '#imports';
import { useI18n } from '../../platform/i18n/react.tsx';
import type { Failure } from './state.tsx';

/** What went wrong, in the user's words. */
export function useFailureText(): (f: Failure) => string {
  const { m } = useI18n();
  const c = m.dashboard.common;
  return (f) => {
    switch (f.kind) {
      case 'not_configured':
        return m.panel.notConfigured;
      case 'unreachable':
        return m.panel.unreachable;
      case 'bad_response':
        return m.panel.badResponse;
      case 'http':
        return f.status === 401 || f.status === 403 ? m.panel.unauthorized : c.refused(f.message);
    }
  };
}

/** A view's read failed: why, and the one thing to do about it. */
export function FailureNote({ failure, onRetry }: { failure: Failure; onRetry?: () => void }) {
  const { m } = useI18n();
  const text = useFailureText()(failure);
  const settings =
    failure.kind === 'not_configured' ||
    (failure.kind === 'http' && (failure.status === 401 || failure.status === 403));
  return (
    <div className="failure" role="alert">
      <p>{text}</p>
      {settings ? (
        <button type="button" className="primary" onClick={() => void browser.runtime.openOptionsPage()}>
          {m.panel.openOptions}
        </button>
      ) : (
        onRetry && (
          <button type="button" onClick={onRetry}>
            {m.panel.retry}
          </button>
        )
      )}
    </div>
  );
}

export function Loading() {
  const { m } = useI18n();
  return (
    <p className="muted" aria-busy="true">
      {m.dashboard.common.loading}
    </p>
  );
}
