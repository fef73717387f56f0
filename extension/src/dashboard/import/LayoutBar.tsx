import type { ImportPreview } from '@dossier/shared';
import { useId } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';

/** How the file was read: its format, the sheet and the header row (both changeable), and how much was set by hand. */
export function LayoutBar({
  preview,
  busy,
  steps,
  onSheet,
  onHeaderRow,
}: {
  preview: ImportPreview;
  busy: boolean;
  steps: number;
  onSheet: (sheet: string) => void;
  onHeaderRow: (row: number) => void;
}) {
  const { m } = useI18n();
  const t = m.dashboard.import;
  const id = useId();
  return (
    <div className="import-layout">
      <span>{t.format(t.formats[preview.format] ?? preview.format)}</span>
      {preview.sheets.length > 1 && (
        <label>
          {t.sheet}{' '}
          <select value={preview.sheet} disabled={busy} onChange={(e) => onSheet(e.target.value)}>
            {preview.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-header`}>{t.headerRow}</label>
      <input
        id={`${id}-header`}
        type="number"
        min={1}
        className="narrow"
        aria-describedby={`${id}-hint`}
        disabled={busy}
        value={preview.headerRow}
        onChange={(e) => {
          const n = Number(e.target.value);
          if (Number.isInteger(n) && n > 0 && n !== preview.headerRow) onHeaderRow(n);
        }}
      />
      <span id={`${id}-hint`} className="muted small">
        {t.headerRowHint}
      </span>
      <span className="import-steps" aria-live="polite">
        {t.steps(steps)}
      </span>
    </div>
  );
}
