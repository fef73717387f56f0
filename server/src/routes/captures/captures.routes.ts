import { Capture, CaptureSave, CaptureSaved } from '@dossier/shared';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import type { RouteDoc } from '../../lib/openapi.ts';
import { validate } from '../../lib/validate.ts';
import { latestCapture, saveCapture } from '../../services/captures.ts';
import { getSettings } from '../../services/settings.ts';

const LatestQuery = z.object({ url: z.string().min(1).max(2000) });
const Latest = z.object({ latest: z.object({ capturedAt: z.string(), capture: Capture }).nullable() });

export const captureDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/captures',
    summary: 'Save a capture into a customer file, a new file, or (land pages) parcels and their winners as prospects',
    body: CaptureSave,
    responses: { 201: CaptureSaved, 200: CaptureSaved },
  },
  {
    method: 'get',
    path: '/api/captures/latest',
    summary: 'The last capture saved from a page',
    query: LatestQuery,
    responses: { 200: Latest },
  },
];

export const captureRoutes = (deps: AppDeps) =>
  new Hono<AppEnv>()
    .post('/', validate('json', CaptureSave), (c) => {
      const { saved, replayed } = saveCapture(
        deps.db,
        c.req.valid('json'),
        deps.clock(),
        getSettings(deps.db),
        c.get('viewer'),
      );
      return c.json(saved, replayed ? 200 : 201);
    })
    .get('/latest', validate('query', LatestQuery), (c) =>
      c.json({ latest: latestCapture(deps.db, c.req.valid('query').url, c.get('viewer')) }, 200),
    );
