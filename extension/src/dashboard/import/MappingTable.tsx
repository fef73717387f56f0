import type { ImportField, ImportPreview } from '@dossier/shared';
import { useI18n } from '../../platform/i18n/react.tsx';
import { columnLetter, FIELD_GROUPS } from './mapping.ts';

/** Each column of the file, its heading and the field it goes to: change one and the preview is read again. */
export function MappingTable({
  preview,
  mapping,
  busy,
  onChange,
}: {
  preview: ImportPreview;
  mapping: (ImportField | null)[];
  busy: boolean;
  onChange: (index: number, field: ImportField | null) => void;
}) {
  const { m } = useI18n();
  const t = m.dashboard.import;
  const first = preview.sample[0]?.values ?? {};
  // A field fed by several columns holds their values joined: shown only where one column feeds it.
  const feeds = new Map<ImportField, number>();
  for (const f of mapping) if (f) feeds.set(f, (feeds.get(f) ?? 0) + 1);
  return (
    <div className="table-wrap">
      <table className="data import-mapping">
        <caption className="sr-only">{t.columns}</caption>
        <thead>
          <tr>
            <th scope="col">{t.column}</th>
            <th scope="col">{t.header}</th>
            <th scope="col">{t.field}</th>
            <th scope="col">{t.example}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c) => {
            const field = mapping[c.index] ?? null;
            return (
              <tr key={c.index}>
                <td>{columnLetter(c.index)}</td>
                <th scope="row">{c.header}</th>
                <td>
                  <select
                    aria-label={t.field}
                    value={field ?? ''}
                    disabled={busy}
                    onChange={(e) => onChange(c.index, (e.target.value || null) as ImportField | null)}
                  >
                    <option value="">{t.ignored}</option>
                    {FIELD_GROUPS.map((g) => (
                      <optgroup key={g.group} label={t.groups[g.group]}>
                        {g.fields.map((f) => (
                          <option key={f} value={f}>
                            {t.fields[f]}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                </td>
                <td className="muted">{field && feeds.get(field) === 1 ? (first[field] ?? '') : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
