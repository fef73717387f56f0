import { z } from 'zod';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
import { writeAlone } from '../../middleware/write-gate.ts';
import { restore } from '../../services/transfer/backup.ts';
import {
  appendChunk,
  commitImport,
  createUpload,
  getImport,
  type ImportTiming,
  loadFile,
  previewImport,
} from '../../services/transfer/imports.ts';
import { importVcard } from '../../services/transfer/vcard-import.ts';
import {
  BackupRestore,
  ImportCommit,
  ImportOptions,
  ImportReport,
  Preview,
  RestoreReport,
  Upload,
  UploadChunk,
  UploadCreate,
  VcardImport,
  VcardReport,
} from './schemas.ts';

/*
 * Files arrive inside JSON (base64), like every other body, so the origin guard, JSON-only rule
 * and 1 MB body limit stay the same for every route. A file over ~512 KiB is sent as a chunked
 * upload (each chunk its own request under the limit, resumable from `received`) and then named
 * by its uploadId; raising the limit for one route would have meant reordering the app's
 * middleware, and a broken 20 MB upload would have to start over.
 */
const route = routesOf('import');
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } } } });
const replay = 'A replay (same user, request and idempotencyKey): the first result';

const startUpload = route({
  method: 'post',
  path: '/uploads',
  operationId: 'startUpload',
  summary: 'Start a chunked upload of a file to import (CSV, XLSX, vCard or a JSON backup)',
  request: body(UploadCreate),
  responses: { 201: json(Upload, 'The upload, nothing received yet') },
});
const appendUpload = route({
  method: 'post',
  path: '/uploads/{id}',
  operationId: 'appendUpload',
  summary: 'Append a chunk (≤512 KiB, base64) at `offset`; a resent chunk is a no-op',
  request: { params: IdParam, ...body(UploadChunk) },
  errors: [404, 409],
  responses: { 200: json(Upload, 'What has been received so far') },
});
const preview = route({
  method: 'post',
  path: '/preview',
  operationId: 'previewImport',
  summary: 'Header row, column mapping, per-row errors and dedupe proposals; writes nothing',
  request: body(ImportOptions),
  errors: [404],
  responses: { 200: json(Preview, 'What an import would do') },
});
const commit = route({
  method: 'post',
  path: '/commit',
  operationId: 'commitImport',
  summary: 'Import customers (and contact columns) from CSV/XLSX: all rows or none; idempotent',
  request: body(ImportCommit),
  errors: [404, 409],
  responses: { 201: json(ImportReport, 'Imported'), 200: json(ImportReport, replay) },
});
const report = route({
  method: 'get',
  path: '/{id}',
  operationId: 'getImport',
  summary: 'The stored report of an import',
  request: { params: IdParam },
  errors: [404],
  responses: { 200: json(z.unknown(), 'The report as the import answered it') },
});
const vcard = route({
  method: 'post',
  path: '/vcard',
  operationId: 'importVcard',
  summary: 'vCard 3.0/4.0 people into a customer, deduplicated by e-mail or mobile',
  request: body(VcardImport),
  errors: [404, 409],
  responses: { 201: json(VcardReport, 'Imported'), 200: json(VcardReport, replay) },
});
const restoreBackup = route({
  method: 'post',
  path: '/backup',
  operationId: 'restoreBackup',
  summary: 'Restore a JSON backup into a database without customer files (manager)',
  request: body(BackupRestore),
  errors: [404, 409],
  responses: { 201: json(RestoreReport, 'Restored'), 200: json(RestoreReport, replay) },
});

/**
 * `read;dur=240.1, wait;dur=0.3, write;dur=812.3`: the file read in the parse worker, the wait for
 * write requests under way, then the write (in the worker, the write gate held).
 */
const serverTiming = (t: ImportTiming) =>
  Object.entries(t)
    .map(([k, v]) => `${k};dur=${(v as number).toFixed(1)}`)
    .join(', ');

export const importRoutes = () =>
  router()
    .openapi(startUpload, async (c) => {
      const { filename, size } = c.req.valid('json');
      const { store, now, viewer } = c.get('ctx');
      return c.json(await createUpload(store, viewer, filename, size, now), 201);
    })
    .openapi(appendUpload, async (c) => {
      const { offset, data } = c.req.valid('json');
      const { store, viewer } = c.get('ctx');
      const bytes = Buffer.from(data, 'base64');
      return c.json(await appendChunk(store, viewer, c.req.valid('param').id, offset, bytes), 200);
    })
    .openapi(preview, async (c) => {
      const timing: ImportTiming = {};
      const { store, now, viewer } = c.get('ctx');
      // The write gate is the middleware's, kept per store (middleware/write-gate.ts).
      const hold = <T>(write: () => Promise<T>) => writeAlone(c, store, write);
      const answer = await previewImport(store, viewer, now, c.req.valid('json'), hold, timing);
      c.header('Server-Timing', serverTiming(timing));
      // The service types a proposal's action as a string; it is one of Preview's.
      return c.json(answer as z.infer<typeof Preview>, 200);
    })
    .openapi(commit, async (c) => {
      const timing: ImportTiming = {};
      const { store, now, viewer } = c.get('ctx');
      const hold = <T>(write: () => Promise<T>) => writeAlone(c, store, write);
      const { report, replayed } = await commitImport(store, viewer, now, c.req.valid('json'), hold, timing);
      c.header('Server-Timing', serverTiming(timing));
      return replayed ? c.json(report, 200) : c.json(report, 201);
    })
    .openapi(vcard, async (c) => {
      const body = c.req.valid('json');
      const { store, now, viewer } = c.get('ctx');
      const file = await loadFile(store, viewer, body.file);
      const { report, replayed } = await importVcard(store, viewer, now, body.customerId, file, body.idempotencyKey);
      // A replay is the stored report, which the service types loosely; it is the first answer.
      const answer = report as z.infer<typeof VcardReport>;
      return replayed ? c.json(answer, 200) : c.json(answer, 201);
    })
    .openapi(restoreBackup, async (c) => {
      const body = c.req.valid('json');
      const { store, now, viewer } = c.get('ctx');
      const file = await loadFile(store, viewer, body.file);
      const { report, replayed } = await restore(store, viewer, now, file, body.idempotencyKey);
      const answer = report as z.infer<typeof RestoreReport>;
      return replayed ? c.json(answer, 200) : c.json(answer, 201);
    })
    // Last: `/{id}` would otherwise take the other paths' names as ids.
    .openapi(report, async (c) => {
      const { store, viewer } = c.get('ctx');
      return c.json(await getImport(store, viewer, c.req.valid('param').id), 200);
    });
