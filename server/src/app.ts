import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './deps.ts';
import { ApiError, errorResponse } from './lib/errors.ts';
import { buildOpenApi } from './lib/openapi.ts';
import { audit } from './middleware/audit.ts';
import { customerScope } from './middleware/customer-scope.ts';
import { bearerAuth, jsonOnly, originGuard } from './middleware/guard.ts';
import { writeGate } from './middleware/write-gate.ts';
import { calendarDocs, calendarFeedRoutes, calendarRoutes } from './routes/calendar/calendar.routes.ts';
import { captureDocs, captureRoutes } from './routes/captures/captures.routes.ts';
import { contactSheetDocs, contactSheetRoutes } from './routes/contact-sheet/contact-sheet.routes.ts';
import { contextDocs, contextRoutes } from './routes/context/context.routes.ts';
import { customerFileDocs, customerFileRoutes } from './routes/customer-file/customer-file.routes.ts';
import { customerDocs, customerRoutes } from './routes/customers/customers.routes.ts';
import { dueDocs, dueRoutes } from './routes/due/due.routes.ts';
import { extensionDocs, extensionRoutes } from './routes/extension/extension.routes.ts';
import { focusDocs, focusRoutes } from './routes/focus/focus.routes.ts';
import { greetingDocs, greetingRoutes } from './routes/greetings/greetings.routes.ts';
import { healthDocs, healthRoutes } from './routes/health/health.routes.ts';
import { interactionDocs, interactionRoutes } from './routes/interactions/interactions.routes.ts';
import { lostDocs, lostRoutes } from './routes/lost/lost.routes.ts';
import { mergeDocs, mergeRoutes } from './routes/merge/merge.routes.ts';
import { pipelineDocs, pipelineRoutes } from './routes/pipeline/pipeline.routes.ts';
import { reclassificationDocs, reclassificationRoutes } from './routes/reclassification/reclassification.routes.ts';
import { searchDocs, searchRoutes } from './routes/search/search.routes.ts';
import { settingsDocs, settingsRoutes } from './routes/settings/settings.routes.ts';
import { teamDocs, teamRoutes } from './routes/team/team.routes.ts';
import { exportDocs, exportRoutes } from './routes/transfer/export.routes.ts';
import { importDocs, importRoutes } from './routes/transfer/import.routes.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

const SECURITY_HEADERS: [string, string][] = [
  ['Cache-Control', 'no-store'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
];

export const routeDocs = [
  ...healthDocs,
  ...customerDocs,
  ...interactionDocs,
  ...contextDocs,
  ...captureDocs,
  ...dueDocs,
  ...searchDocs,
  ...settingsDocs,
  ...teamDocs,
  ...reclassificationDocs,
  ...greetingDocs,
  ...contactSheetDocs,
  ...customerFileDocs,
  ...pipelineDocs,
  ...lostDocs,
  ...focusDocs,
  ...importDocs,
  ...exportDocs,
  ...calendarDocs,
  ...mergeDocs,
  ...extensionDocs,
  {
    method: 'get' as const,
    path: '/api/openapi.json',
    summary: 'This document',
    responses: { 200: null },
  },
];

/** The whole API, built from injected parts so tests run it on a temp SQLite file and a fixed clock. */
export function createApp(deps: AppDeps) {
  const openapi = buildOpenApi(routeDocs, deps.version);
  const app = new Hono()
    // Headers are set before the handler runs: changing a finished Response afterwards takes
    // @hono/node-server off its fast path (measured: ~2.5× the context throughput).
    .use(async (c, next) => {
      for (const [name, value] of SECURITY_HEADERS) c.header(name, value);
      await next();
    })
    .use(originGuard(deps))
    // Only bodies are limited: on a GET, reading the body would build a full Request per call.
    .on(
      ['POST', 'PUT', 'PATCH', 'DELETE'],
      '*',
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => errorResponse(c, 'payload_too_large', `body over ${MAX_BODY_BYTES} bytes`),
      }),
    )
    .use(jsonOnly)
    // Writes wait (without blocking the loop) while an import writes in its worker; reads pass.
    .use(writeGate(deps))
    .route('/api/health', healthRoutes(deps))
    .use('/api/*', bearerAuth(deps))
    .use('/api/*', audit(deps))
    .get('/api/openapi.json', (c) => c.json(openapi))
    .use('/api/customers/:id/*', customerScope(deps))
    .route('/api/customers', customerRoutes(deps))
    .route('/api', interactionRoutes(deps))
    .route('/api/context', contextRoutes(deps))
    .route('/api/captures', captureRoutes(deps))
    .route('/api/due', dueRoutes(deps))
    .route('/api/search', searchRoutes(deps))
    .route('/api/settings', settingsRoutes(deps))
    .route('/api', teamRoutes(deps))
    .route('/api/reclassification', reclassificationRoutes(deps))
    .route('/api/greetings', greetingRoutes(deps))
    .route('/api/contact-sheet', contactSheetRoutes(deps))
    .route('/api/customers', customerFileRoutes(deps))
    .route('/api/pipeline', pipelineRoutes(deps))
    .route('/api/lost', lostRoutes(deps))
    .route('/api/focus', focusRoutes(deps))
    .route('/api/import', importRoutes(deps))
    .route('/api/export', exportRoutes(deps))
    .route('/api/calendar', calendarRoutes(deps))
    .route('/api', mergeRoutes(deps))
    .route('/api/extension', extensionRoutes(deps))
    // Public: calendar apps subscribe to a plain URL, so the feed lives outside the bearer-guarded /api.
    .route('/calendar', calendarFeedRoutes(deps));

  app.notFound((c) => errorResponse(c, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err.code, err.message, err.details);
    if (err instanceof HTTPException) {
      if (err.status === 413) return errorResponse(c, 'payload_too_large', err.message);
      if (err.status < 500) return errorResponse(c, 'invalid_request', err.message || 'bad request');
    }
    // SQLite rolls the transaction back when the disk fills: nothing was written, say so plainly.
    const sys = (err as { code?: string }).code;
    if (sys === 'SQLITE_FULL' || sys === 'ENOSPC') {
      return errorResponse(c, 'storage_full', 'the disk is full; nothing was written — free some space and try again');
    }
    console.error('[dossier] unexpected error', err);
    return errorResponse(c, 'internal', 'unexpected error; nothing was written');
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
