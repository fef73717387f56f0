import { ApiError } from '../../lib/errors.ts';
import type { Store } from '../../store/store.ts';
import { SYSTEM } from '../visibility.ts';
import { restore } from './backup.ts';
import { FIELDS, type Field, normaliseHeader } from './columns.ts';
import { type ExportRequest, exportFile } from './export-file.ts';
import { detectFormat } from './files.ts';
import { commitImport, type Hold, type ImportOptions, previewImport, sha256 } from './imports.ts';
import { columnsOf, type RefusedLayout } from './rows.ts';

// `pnpm dossier import` and `pnpm dossier export`: the same services as the API, on a store of
// the database file, as the owner (the system viewer: a manager). What they print is returned as
// lines, so the command stays a thin shell over these.

/** No request is writing beside the command: the write runs at once. */
const alone: Hold = (write) => write();

/** A column named by its header, its number (1 = the first) or its letter (A = the first). */
function columnOf(headers: string[], ref: string): number {
  const byHeader = headers.findIndex((h) => normaliseHeader(h) === normaliseHeader(ref) && h.trim() !== '');
  if (byHeader >= 0) return byHeader;
  if (/^\d+$/.test(ref)) return Number(ref) - 1;
  if (/^[A-Z]{1,2}$/i.test(ref)) {
    return (
      [...ref.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1 // A → 0, AA → 26
    );
  }
  throw new ApiError('invalid_request', `--map: no column "${ref}" (give its header, number or letter)`);
}

/**
 * `--map 上次跟进=lastContact,备注=-` over the detected mapping: each column (header, number or
 * letter) to a field, or to "-" (ignored). Unknown fields are refused with the list of fields.
 */
export function applyMap(headers: string[], guessed: (Field | null)[], map: string): (Field | null)[] {
  const mapping = headers.map((_, j) => guessed[j] ?? null);
  for (const pair of map
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.lastIndexOf('=');
    if (eq <= 0) throw new ApiError('invalid_request', `--map: "${pair}" is not column=field`);
    const j = columnOf(headers, pair.slice(0, eq).trim());
    const f = pair.slice(eq + 1).trim();
    if (j < 0 || j >= headers.length)
      throw new ApiError('invalid_request', `--map: column ${pair.slice(0, eq)} is past the last one`);
    if (f === '-' || f === '') mapping[j] = null;
    else if ((FIELDS as readonly string[]).includes(f)) mapping[j] = f as Field;
    else throw new ApiError('invalid_request', `--map: "${f}" is not a field; fields: ${FIELDS.join(', ')}`);
  }
  return mapping;
}

export interface CliImport {
  file: { bytes: Buffer; filename: string };
  sheet?: string;
  headerRow?: number;
  map?: string;
  /** Each person without a company a file of their own (a list of private customers). */
  ownFiles?: boolean;
  dryRun?: boolean;
  now?: Date;
}

/** The layout of a header row refused for naming no name column, as the import read its columns. */
function refusedLayout(e: unknown) {
  const d = e instanceof ApiError ? (e.details as Partial<RefusedLayout> | undefined) : null;
  if (!d?.sheet || !d.headerRow || !d.headers || !d.mapping) return null;
  return { sheet: d.sheet, headerRow: d.headerRow, columns: columnsOf({ headers: d.headers, mapping: d.mapping }) };
}

/** Reads a file into the database (CSV, XLSX, vCard; a JSON backup is restored), or only says what it would do. */
export async function cliImport(store: Store, o: CliImport): Promise<string[]> {
  const now = o.now ?? new Date();
  const out: string[] = [];
  if (detectFormat(o.file.bytes, o.file.filename) === 'json') {
    if (o.dryRun) return [`${o.file.filename} is a backup; a dry run of a restore is not offered`];
    const { report } = await restore(store, SYSTEM, now, o.file, `cli-restore-${sha256(o.file.bytes)}`);
    return [`Restored ${o.file.filename}: ${JSON.stringify((report as { restored?: unknown }).restored ?? report)}`];
  }
  const options: ImportOptions = {
    file: { filename: o.file.filename, data: o.file.bytes.toString('base64') },
    ...(o.sheet ? { sheet: o.sheet } : {}),
    ...(o.headerRow ? { headerRow: o.headerRow } : {}),
  };
  // A header row naming no name column is refused with its headers: --map may name one.
  const read = await previewImport(store, SYSTEM, now, options, alone).catch((e: unknown) => {
    const refused = o.map ? refusedLayout(e) : null;
    if (refused) return refused;
    throw e;
  });
  if (o.map) {
    options.mapping = applyMap(
      read.columns.map((c) => c.header),
      read.columns.map((c) => c.field),
      o.map,
    );
    options.headerRow = read.headerRow;
    options.sheet = read.sheet;
  }
  let preview = o.map || !('counts' in read) ? await previewImport(store, SYSTEM, now, options, alone) : read;
  if (o.ownFiles) {
    options.decisions = preview.rows
      .filter((r) => r.action === 'unplaced')
      .map((r) => ({ row: r.row, action: 'create' as const }));
    if (options.decisions.length) preview = await previewImport(store, SYSTEM, now, options, alone);
  }
  out.push(`${o.file.filename}: ${preview.format}, sheet "${preview.sheet}", header on row ${preview.headerRow}`);
  for (const c of preview.columns)
    out.push(`  ${String(c.index + 1).padStart(3)}  ${c.header || '(blank)'} → ${c.field ?? '-'}`);
  const line = (c: typeof preview.counts) =>
    `${c.total} rows: ${c.created} new, ${c.merged} merged, ${c.skipped} unchanged, ${c.unplaced} without a company, ${c.invalid} with problems${c.lines ? `, ${c.lines} headings or totals (no customers)` : ''}`;
  // A sheet's heading or total is said as what it is ("-"), a problem is marked ("!").
  const notCustomers = new Set(preview.rows.filter((r) => r.action === 'line').map((r) => r.row));
  for (const e of preview.errors.slice(0, 50))
    out.push(`  ${notCustomers.has(e.row) ? '-' : '!'} row ${e.row} ${e.field}: ${e.why}`);
  if (preview.errors.length > 50) out.push(`  ! … ${preview.errors.length - 50} more`);
  for (const p of preview.proposals) {
    if (p.action === 'unplaced' && p.person)
      out.push(
        `  ? row ${p.row}: ${p.person.name} has no company — place them in the dashboard, or give each a file of their own (--own-files)`,
      );
    else if (p.suggestion)
      out.push(
        `  ? row ${p.row}: a file of a similar name is on record: ${p.suggestion.name} (#${p.suggestion.customerId})`,
      );
  }
  if (o.dryRun) {
    out.push(`Dry run, nothing written — ${line(preview.counts)}`);
    return out;
  }
  // The same file with the same options is the same import: running it again answers its report
  // (the options as given, not the decisions they led to, which depend on what is on file).
  const given = JSON.stringify([o.sheet, o.headerRow, o.map, Boolean(o.ownFiles)]);
  const key = `cli-import-${sha256(Buffer.concat([o.file.bytes, Buffer.from(given)]))}`;
  const asked = { key, given };
  const { report, replayed } = await commitImport(
    store,
    SYSTEM,
    now,
    { ...options, idempotencyKey: key },
    alone,
    {},
    asked,
  );
  out.push(
    replayed
      ? `Already imported (import #${report.importId}) — ${line(report)}`
      : `Imported (import #${report.importId}) — ${line(report)}`,
  );
  return out;
}

export interface CliExport {
  format: ExportRequest['format'];
  entity?: ExportRequest['entity'];
  lang?: ExportRequest['lang'];
  version?: ExportRequest['version'];
  privateNotes?: boolean;
  now?: Date;
}

/** Everything in the database in the format asked for, with the file name it would be downloaded under. */
export async function cliExport(store: Store, o: CliExport) {
  return exportFile(store, SYSTEM, o.now ?? new Date(), {
    format: o.format,
    entity: o.entity ?? 'customers',
    lang: o.lang ?? 'zh',
    ...(o.version ? { version: o.version } : {}),
    ...(o.privateNotes ? { privateNotes: true } : {}),
  });
}
