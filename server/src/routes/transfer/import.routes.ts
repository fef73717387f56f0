import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { IdParam } from '../../lib/params.ts';
import { validate } from '../../lib/validate.ts';
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
export const importDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/import/uploads',
    summary: 'Start a chunked upload of a file to import (CSV, XLSX, vCard or a JSON backup)',
    body: UploadCreate,
    responses: { 201: Upload },
  },
  {
    method: 'post',
    path: '/api/import/uploads/:id',
    summary: 'Append a chunk (≤512 KiB, base64) at `offset`; a resent chunk is a no-op',
    body: UploadChunk,
    responses: { 200: Upload },
  },
  {
    method: 'post',
    path: '/api/import/preview',
    summary: 'Header row, column mapping, per-row errors and dedupe proposals; writes nothing',
    body: ImportOptions,
    responses: { 200: Preview },
  },
  {
    method: 'post',
    path: '/api/import/commit',
    summary: 'Import customers (and contact columns) from CSV/XLSX: all rows or none; idempotent',
    body: ImportCommit,
    responses: { 201: ImportReport, 200: ImportReport },
  },
  {
    method: 'get',
    path: '/api/import/:id',
    summary: 'The stored report of an import',
    responses: { 200: z.unknown() },
  },
  {
    method: 'post',
    path: '/api/import/vcard',
    summary: 'vCard 3.0/4.0 people into a customer, deduplicated by e-mail or mobile',
    body: VcardImport,
    responses: { 201: VcardReport, 200: VcardReport },
  },
  {
    method: 'post',
    path: '/api/import/backup',
    summary: 'Restore a JSON backup into a database without customer files (manager)',
    body: BackupRestore,
    responses: { 201: RestoreReport, 200: RestoreReport },
  },
];

/**
 * `read;dur=240.1, wait;dur=0.3, write;dur=812.3`: the file read in the parse worker, the wait for
 * write requests under way, then the write (in the worker, the write gate held).
 */
const serverTiming = (t: ImportTiming) =>
  Object.entries(t)
    .map(([k, v]) => `${k};dur=${(v as number).toFixed(1)}`)
    .join(', ');

export const importRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/uploads', validate('json', UploadCreate), (c) => {
      const { filename, size } = c.req.valid('json');
      return c.json(createUpload(deps.db, c.get('viewer'), filename, size, deps.clock()), 201);
    })
    .post('/uploads/:id', validate('param', IdParam), validate('json', UploadChunk), (c) => {
      const { offset, data } = c.req.valid('json');
      const up = appendChunk(deps.db, c.get('viewer'), c.req.valid('param').id, offset, Buffer.from(data, 'base64'));
      return c.json(up, 200);
    })
    .post('/preview', validate('json', ImportOptions), async (c) => {
      const timing: ImportTiming = {};
      const hold = <T>(write: () => Promise<T>) => writeAlone(c, deps.db, write);
      const preview = await previewImport(deps.db, c.get('viewer'), deps.clock(), c.req.valid('json'), timing, hold);
      c.header('Server-Timing', serverTiming(timing));
      return c.json(preview, 200);
    })
    .post('/commit', validate('json', ImportCommit), async (c) => {
      const timing: ImportTiming = {};
      const hold = <T>(write: () => Promise<T>) => writeAlone(c, deps.db, write);
      const { report, replayed } = await commitImport(
        deps.db,
        c.get('viewer'),
        deps.clock(),
        c.req.valid('json'),
        timing,
        hold,
      );
      c.header('Server-Timing', serverTiming(timing));
      return c.json(report, replayed ? 200 : 201);
    })
    .post('/vcard', validate('json', VcardImport), async (c) => {
      const body = c.req.valid('json');
      const viewer = c.get('viewer');
      const file = loadFile(deps.db, viewer, body.file);
      const { report, replayed } = await importVcard(
        deps.db,
        viewer,
        deps.clock(),
        body.customerId,
        file,
        body.idempotencyKey,
      );
      return c.json(report, replayed ? 200 : 201);
    })
    .post('/backup', validate('json', BackupRestore), (c) => {
      const body = c.req.valid('json');
      const viewer = c.get('viewer');
      const file = loadFile(deps.db, viewer, body.file);
      const { report, replayed } = restore(deps.db, viewer, deps.clock(), file, body.idempotencyKey);
      return c.json(report, replayed ? 200 : 201);
    })
    .get('/:id', validate('param', IdParam), (c) =>
      c.json(getImport(deps.db, c.get('viewer'), c.req.valid('param').id), 200),
    );
