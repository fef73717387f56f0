import type { ContextView } from '../context/view.ts';
import { useI18n } from '../i18n/react.tsx';

type UnknownView = Extract<ContextView, { state: 'unknown' }>;

export function UnknownSite({ view, onCapture }: { view: UnknownView; onCapture: () => void }) {
  const { m } = useI18n();
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
        <button type="button" className="primary" onClick={onCapture}>
          {m.panel.captureThisPage}
        </button>
      </div>
    </section>
  );
}
