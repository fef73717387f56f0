import { useState } from 'react';
import type { ContextView } from '../context/view.ts';
import { useI18n } from '../i18n/react.tsx';
import { request } from '../messages/transport.ts';

type UnknownView = Extract<ContextView, { state: 'unknown' }>;

export function UnknownSite({ view, url, tabId }: { view: UnknownView; url: string; tabId: number | undefined }) {
  const { m } = useI18n();
  const [started, setStarted] = useState(false);
  const capture = async () => {
    await request('capture/start', { url, ...(tabId !== undefined ? { tabId } : {}) });
    setStarted(true);
  };
  return (
    <section className="card unknown" aria-labelledby="unknown-title">
      <h1 id="unknown-title">{m.panel.notInFiles}</h1>
      <p className="muted small">{m.panel.notInFilesHint(view.key)}</p>
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
        <button type="button" className="primary" onClick={() => void capture()}>
          {m.panel.captureThisPage}
        </button>
      </div>
      {started && <p className="muted small">{m.panel.captureStarted}</p>}
    </section>
  );
}
