import type { ImportReport } from '@dossier/shared';
import { useI18n } from '../../platform/i18n/react.tsx';
import { useDashboard } from '../common/state.tsx';
import { saveBlob } from '../file/MaterialsSection.tsx';
import { reportCsv, reportFilename, reportLines } from './report.ts';
import { whyText } from './why-text.ts';

const COUNTS = ['created', 'merged', 'skipped', 'invalid', 'unplaced', 'lines'] as const;
const SECTION = {
  created: 'create',
  merged: 'merge',
  skipped: 'skip',
  invalid: 'invalid',
  unplaced: 'unplaced',
  lines: 'line',
} as const;

/** What the import did, row by row: to keep (CSV or print) and to go on from. */
export function ReportView({ report, onAnother }: { report: ImportReport; onAnother: () => void }) {
  const { m, locale } = useI18n();
  const t = m.dashboard.import;
  const r = t.report;
  const { navigate, timeZone } = useDashboard();
  const lines = reportLines(report);
  const at = new Date(report.createdAt).toLocaleString(locale, { timeZone });
  const download = () => {
    const header = [r.columns.row, r.columns.name, r.columns.outcome, r.columns.why];
    const rows = lines.map((l) => [String(l.row), l.name ?? '', r.outcome[l.outcome], whyText(l.why, t)]);
    const csv = reportCsv(header, rows);
    saveBlob(
      new Blob([csv], { type: 'text/csv;charset=utf-8' }),
      reportFilename(report.filename, report.createdAt.slice(0, 10)),
    );
  };
  return (
    <section className="import-report" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{r.title}</h2>
      <p>{r.done(report.filename, at)}</p>
      <ul className="import-counts">
        {COUNTS.map((c) => (report[c] ? <li key={c}>{t.counts[SECTION[c]](report[c])}</li> : null))}
      </ul>
      <div className="actions no-print">
        <button type="button" className="primary" onClick={download}>
          {r.download}
        </button>
        <button type="button" onClick={() => window.print()}>
          {r.print}
        </button>
        <button type="button" onClick={() => navigate({ view: 'board' })}>
          {r.board}
        </button>
        <button type="button" onClick={onAnother}>
          {t.another}
        </button>
      </div>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{r.columns.row}</th>
              <th scope="col">{r.columns.name}</th>
              <th scope="col">{r.columns.outcome}</th>
              <th scope="col">{r.columns.why}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.row}>
                <td>{l.row}</td>
                <td>
                  {l.customerId && l.outcome !== 'invalid' ? (
                    <a
                      href={`#customer/${l.customerId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        navigate({ view: 'customer', id: l.customerId as number });
                      }}
                    >
                      {l.name}
                    </a>
                  ) : (
                    l.name
                  )}
                </td>
                <td>{r.outcome[l.outcome]}</td>
                <td className="small">{whyText(l.why, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
