import { useI18n } from '../platform/i18n/react.tsx';
import { isNoAccess } from './access.ts';
import { CapturePreview } from './CapturePreview.tsx';
import { SiteAccess } from './SiteAccess.tsx';
import type { CaptureFlow } from './useCaptureFlow.ts';

interface Props {
  flow: CaptureFlow;
  onCancel: () => void;
  onSaved: (outboxId: string) => void;
  onError: (e: unknown) => void;
  /** The page's URL and a new read of it, for a page the browser did not let Dossier read. */
  url?: string;
  onRetry?: () => void;
}

/** The panel's body while a capture is under way: reading the page, a failure, or the preview. */
export function CaptureFlowView({ flow, onCancel, onSaved, onError, url, onRetry }: Props) {
  const { m } = useI18n();
  if (flow.status === 'ready') {
    return (
      <CapturePreview
        key={flow.id}
        capture={flow.capture}
        sender={flow.sender}
        rest={flow.rest}
        inspectQuery={flow.inspect}
        onCancel={onCancel}
        onSaved={onSaved}
        onError={onError}
      />
    );
  }
  return (
    <section className="card capture-preview" aria-labelledby="capture-title">
      <h1 id="capture-title">{m.capture.previewTitle}</h1>
      <p className="muted small">{m.panel.captureStarted}</p>
      {flow.status === 'reading' ? (
        <p className="muted" aria-busy="true">
          {m.capture.reading}
        </p>
      ) : isNoAccess(flow.message) && onRetry ? (
        <SiteAccess url={url} onGranted={onRetry} />
      ) : (
        <p role="alert">{m.capture.readFailed(flow.message)}</p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {m.capture.cancel}
        </button>
      </div>
    </section>
  );
}
