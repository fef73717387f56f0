import { Capture, CaptureSave, CaptureSaved } from '@dossier/shared';
import { z } from 'zod';
import { json, router, routesOf } from '../../lib/openapi.ts';
import { latestCapture, parsePhonesAhead, saveCapture } from '../../services/captures.ts';

const LatestQuery = z.object({ url: z.string().min(1).max(2000) });
const Latest = z.object({ latest: z.object({ capturedAt: z.string(), capture: Capture }).nullable() });

const route = routesOf('captures');

const save = route({
  method: 'post',
  path: '/',
  operationId: 'saveCapture',
  summary: 'Save a capture into a customer file, a new file, or (land pages) parcels and their winners as prospects',
  request: { body: { content: { 'application/json': { schema: CaptureSave } } } },
  errors: [404, 409],
  responses: {
    201: json(CaptureSaved, 'Saved'),
    200: json(
      CaptureSaved,
      'A replay of a capture already saved (same user, request and idempotencyKey): its first result',
    ),
  },
});

const latest = route({
  method: 'get',
  path: '/latest',
  operationId: 'getLatestCapture',
  summary: 'The last capture saved from a page',
  request: { query: LatestQuery },
  responses: { 200: json(Latest, 'The last capture, or null') },
});

export const captureRoutes = () =>
  router()
    .openapi(save, async (c) => {
      const { store, now, viewer } = c.get('ctx');
      const settings = await c.get('ctx').settings();
      const input = c.req.valid('json');
      await parsePhonesAhead(store, input);
      const { saved, replayed } = await saveCapture(store, input, now, settings, viewer);
      return replayed ? c.json(saved, 200) : c.json(saved, 201);
    })
    .openapi(latest, async (c) => {
      const { store, viewer } = c.get('ctx');
      return c.json({ latest: await latestCapture(store, c.req.valid('query').url, viewer) }, 200);
    });
