import type { Sheet } from '@dossier/shared';
import { useId, useMemo, useState } from 'react';
import { useI18n } from '../../platform/i18n/react.tsx';
import { FailureNote, Loading, useFailureText } from '../common/Failure.tsx';
import { dayColumns, shiftMonth } from '../common/month.ts';
import { useDashboard, useResource, useServerMonth } from '../common/state.tsx';
import { saveBlob } from '../file/MaterialsSection.tsx';
import { SheetRowView } from './SheetRow.tsx';

/** The seed's contact sheet: a row per customer, a column per day, a V where a contact happened, remarks. */
export function ContactSheetView() {
  const { m, locale } = useI18n();
  const s = m.dashboard.sheet;
  const { api, notify } = useDashboard();
  const failureText = useFailureText();
  const id = useId();
  const serverMonth = useServerMonth();
  const [picked, setMonth] = useState<string | null>(null);
  const month = picked ?? serverMonth;
  const [groupBy, setGroupBy] = useState<'tier' | 'region'>('tier');
  const sheet = useResource((a) => a.sheet(month, groupBy), `sheet:${month}:${groupBy}`);
  const cols = useMemo(() => (sheet.data ? dayColumns(sheet.data.month, sheet.data.days) : []), [sheet.data]);

  const exportAs = async (format: 'xlsx' | 'csv') => {
    if (!api) return;
    const r = await api.sheetExport(month, groupBy, format, locale === 'zh-CN' ? 'zh' : 'en');
    if (r.ok) saveBlob(r.value, `contact-sheet-${month}.${format}`);
    else notify({ message: failureText(r.failure) });
  };
  const groupTitle = (key: string) =>
    groupBy === 'tier' && (key === 'A' || key === 'B' || key === 'C') ? m.panel.tierLabel(key) : key;

  return (
    <div className="sheet-view">
      <div className="view-head">
        <h1>{s.title}</h1>
        <div className="toolbar">
          <button type="button" onClick={() => setMonth(shiftMonth(month, -1))} aria-label={s.previous}>
            ‹
          </button>
          <label htmlFor={`${id}-month`} className="sr-only">
            {s.month}
          </label>
          <input
            id={`${id}-month`}
            type="month"
            value={month}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
          <button type="button" onClick={() => setMonth(shiftMonth(month, 1))} aria-label={s.next}>
            ›
          </button>
          <label htmlFor={`${id}-group`}>{s.groupBy}</label>
          <select id={`${id}-group`} value={groupBy} onChange={(e) => setGroupBy(e.target.value as 'tier' | 'region')}>
            <option value="tier">{s.byTier}</option>
            <option value="region">{s.byRegion}</option>
          </select>
          <button type="button" onClick={() => void exportAs('xlsx')}>
            {s.exportXlsx}
          </button>
          <button type="button" onClick={() => void exportAs('csv')}>
            {s.exportCsv}
          </button>
        </div>
      </div>
      {sheet.failure && <FailureNote failure={sheet.failure} onRetry={sheet.reload} />}
      {!sheet.data && !sheet.failure && <Loading />}
      {sheet.data && <SheetTable sheet={sheet.data} cols={cols} groupTitle={groupTitle} />}
    </div>
  );
}

function SheetTable({
  sheet,
  cols,
  groupTitle,
}: {
  sheet: Sheet;
  cols: ReturnType<typeof dayColumns>;
  groupTitle: (k: string) => string;
}) {
  const { m } = useI18n();
  const s = m.dashboard.sheet;
  if (!sheet.groups.length) return <p className="muted">{s.empty}</p>;
  return (
    <div className="table-wrap sheet-wrap">
      <table className="sheet" aria-label={s.tableLabel(sheet.month)}>
        <thead>
          <tr>
            <th scope="col" className="name-col">
              {s.customer}
            </th>
            {cols.map((c) => (
              <th key={c.day} scope="col" className={c.weekend ? 'weekend' : undefined} title={s.weekdays[c.weekday]}>
                {c.day}
              </th>
            ))}
            <th scope="col">{s.contacts}</th>
            <th scope="col" className="remarks-col">
              {s.remarks}
            </th>
          </tr>
        </thead>
        {sheet.groups.map((g) => (
          <tbody key={g.key}>
            <tr className="group-row">
              <th scope="rowgroup" colSpan={cols.length + 3}>
                {groupTitle(g.key)} <span className="muted small">({g.rows.length})</span>
              </th>
            </tr>
            {g.rows.map((r) => (
              <SheetRowView key={r.customerId} row={r} month={sheet.month} cols={cols} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
