import type { ImportPreview } from '@dossier/shared';
import { useI18n } from '../../platform/i18n/react.tsx';
import { CustomerPicker } from '../common/CustomerPicker.tsx';
import type { Decision } from './mapping.ts';
import { type Line, type Outline, outline } from './summary.ts';
import { whyText } from './why-text.ts';

const SECTIONS = ['create', 'merge', 'skip', 'invalid', 'unplaced', 'line'] as const;
/** Lines listed a section; the rest are counted. */
const SHOWN = 100;

/** What the commit will do, row by row, and why; people without a company placed here, or given files of their own. */
export function PreviewLists({
  preview,
  decisions,
  busy,
  onDecide,
}: {
  preview: ImportPreview;
  decisions: Map<number, Decision>;
  busy: boolean;
  onDecide: (rows: number[], d: Decision | null) => void;
}) {
  const { m } = useI18n();
  const t = m.dashboard.import;
  const o: Outline = outline(preview);
  const toPlace = o.unplaced.filter((l) => !decisions.has(l.row)).map((l) => l.row);
  return (
    <div className="import-outline">
      <ul className="import-counts">
        {SECTIONS.map((s) => (o[s].length ? <li key={s}>{t.counts[s](o[s].length)}</li> : null))}
      </ul>
      {SECTIONS.map((s) =>
        o[s].length ? (
          <section key={s} className={`import-section import-${s}`} aria-label={t.sections[s]}>
            <h3>{t.sections[s]}</h3>
            {s === 'unplaced' && toPlace.length > 1 && (
              <button
                type="button"
                disabled={busy}
                onClick={() => onDecide(toPlace, { action: 'create', name: t.ownFile })}
              >
                {t.ownFiles(toPlace.length)}
              </button>
            )}
            <ul>
              {o[s].slice(0, SHOWN).map((line) => (
                <LineItem
                  key={line.row}
                  line={line}
                  decision={decisions.get(line.row)}
                  busy={busy}
                  onDecide={(d) => onDecide([line.row], d)}
                />
              ))}
            </ul>
            {o[s].length > SHOWN && <p className="muted small">{t.more(o[s].length - SHOWN)}</p>}
          </section>
        ) : null,
      )}
    </div>
  );
}

function LineItem({
  line,
  decision,
  busy,
  onDecide,
}: {
  line: Line;
  decision: Decision | undefined;
  busy: boolean;
  onDecide: (d: Decision | null) => void;
}) {
  const { m } = useI18n();
  const t = m.dashboard.import;
  const why = line.why;
  return (
    <li>
      <span className="muted">{t.row(line.row)}</span> {line.name && <strong>{line.name}</strong>}{' '}
      {why && <span className="small">{whyText(why, t)}</span>}
      {decision?.name && (
        <>
          {' '}
          → <strong>{decision.name}</strong>{' '}
          <button type="button" className="link" disabled={busy} onClick={() => onDecide(null)}>
            {m.dashboard.common.cancel}
          </button>
        </>
      )}
      {!decision && (why?.kind === 'similarName' || why?.kind === 'mobileElsewhere') && (
        <button
          type="button"
          className="link"
          disabled={busy}
          onClick={() => onDecide({ action: 'merge', customerId: why.customerId, name: why.name })}
        >
          {t.mergeInstead}
        </button>
      )}
      {!decision && why?.kind === 'noCompany' && (
        <div className="place">
          <CustomerPicker
            label={t.placeIn}
            value={null}
            onPick={(c) => c && onDecide({ action: 'merge', customerId: c.id, name: c.name })}
          />{' '}
          <button
            type="button"
            className="link"
            disabled={busy}
            onClick={() => onDecide({ action: 'create', name: t.ownFile })}
          >
            {t.ownFileInstead}
          </button>
        </div>
      )}
    </li>
  );
}
