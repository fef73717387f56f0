import { IMPORT_ACTION, type ImportReport } from '@dossier/shared';
import { type Line, whyOf } from './summary.ts';

export type ReportLine = Line & { outcome: ImportReport['rows'][number]['outcome']; customerId?: number };

/** The report's rows as the screen and the kept report list them: the file each became, and why. */
export function reportLines(report: Pick<ImportReport, 'rows'>): ReportLine[] {
  return report.rows.map((r) => ({
    row: r.row,
    name: r.name ?? r.person?.name ?? null,
    outcome: r.outcome,
    why: whyOf(IMPORT_ACTION[r.outcome], r, r.errors ?? []),
    ...(r.customerId ? { customerId: r.customerId } : {}),
  }));
}

/** One CSV cell: quoted when it holds a separator, a quote or a line break. */
const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * The report to keep, as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese right): a
 * header of its own words, then one line a row of the file.
 */
export function reportCsv(header: string[], lines: string[][]): string {
  return `\uFEFF${[header, ...lines].map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** The report file's name: the imported file's, without its extension, and the day. */
export function reportFilename(imported: string, day: string): string {
  return `${imported.replace(/\.[^.]+$/, '')}-import-${day}.csv`;
}
