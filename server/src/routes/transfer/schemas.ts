import { ImportField, ImportPreview, ImportReport, ImportUpload, id, importCounts, shortText } from '@dossier/shared';
import { z } from 'zod';

// One request must stay under the API's 1 MB body limit: 700,000 base64 characters is 512 KiB of file.
export const CHUNK_BASE64_MAX = 700_000;

/** A file inline (base64, small files) or a finished chunked upload (any size up to the cap). */
export const FileRef = z.union([
  z.object({ uploadId: id }),
  z.object({ filename: z.string().trim().min(1).max(255), data: z.base64().max(CHUNK_BASE64_MAX) }),
]);

export const UploadCreate = z.object({
  filename: z.string().trim().min(1).max(255),
  size: z.number().int().positive(),
});
export const UploadChunk = z.object({ offset: z.number().int().min(0), data: z.base64().min(1).max(CHUNK_BASE64_MAX) });
export const Upload = ImportUpload;

export const Field = ImportField;
export const Decision = z.object({
  row: z.number().int().positive(),
  action: z.enum(['create', 'merge', 'skip']),
  customerId: id.optional(),
});
export const ImportOptions = z.object({
  file: FileRef,
  sheet: z.string().max(100).optional(),
  /** The header row as Excel numbers it; detected when absent. */
  headerRow: z.number().int().positive().optional(),
  /** A field (or null: ignore) for each column, left to right; guessed from the headers when absent. */
  mapping: z.array(Field.nullable()).max(300).optional(),
  decisions: z.array(Decision).max(100_000).optional(),
});
export const Preview = ImportPreview;
export { ImportReport };
export const ImportCommit = ImportOptions.extend({ idempotencyKey: shortText.min(8) });

export const VcardImport = z.object({ customerId: id, file: FileRef, idempotencyKey: shortText.min(8).optional() });
export const VcardReport = z.object({
  importId: z.number(),
  customerId: z.number(),
  filename: z.string(),
  ...importCounts,
  cards: z.array(
    z.object({
      index: z.number(),
      name: z.string().nullable(),
      outcome: z.enum(['created', 'merged', 'skipped', 'invalid']),
      personId: z.number().optional(),
      errors: z.array(z.string()).optional(),
    }),
  ),
});
export const BackupRestore = z.object({ file: FileRef, idempotencyKey: shortText.min(8).optional() });
export const RestoreReport = z.object({
  importId: z.number(),
  filename: z.string(),
  restored: z.record(z.string(), z.number()),
});
