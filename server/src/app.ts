import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps, AppEnv } from './deps.ts';
import { ApiError, errorResponse } from './lib/errors.ts';
import { SECURITY_HEADERS } from './lib/headers.ts';
import { defaultHook } from './lib/openapi.ts';
import { audit } from './middleware/audit.ts';
import { customerScope } from './middleware/customer-scope.ts';
import { bearerAuth, jsonOnly, originGuard } from './middleware/guard.ts';
import { requestContext } from './middleware/request-context.ts';
import { writeGate } from './middleware/write-gate.ts';
import { calendarFeedRoutes, calendarRoutes } from './routes/calendar/calendar.routes.ts';
import { captureRoutes } from './routes/captures/captures.routes.ts';
import { contactSheetRoutes } from './routes/contact-sheet/contact-sheet.routes.ts';
import { contextRoutes } from './routes/context/context.routes.ts';
import { customerFileRoutes } from './routes/customer-file/customer-file.routes.ts';
import { customerRoutes } from './routes/customers/customers.routes.ts';
import { dueRoutes } from './routes/due/due.routes.ts';
import { duplicateRoutes } from './routes/duplicates/duplicates.routes.ts';
import { extensionRoutes } from './routes/extension/extension.routes.ts';
import { focusRoutes } from './routes/focus/focus.routes.ts';
import { greetingRoutes } from './routes/greetings/greetings.routes.ts';
import { healthRoutes } from './routes/health/health.routes.ts';
import { interactionRoutes } from './routes/interactions/interactions.routes.ts';
import { lostRoutes } from './routes/lost/lost.routes.ts';
import { mergeRoutes } from './routes/merge/merge.routes.ts';
import { documentRoute } from './routes/openapi/openapi.routes.ts';
import { pipelineRoutes } from './routes/pipeline/pipeline.routes.ts';
import { reclassificationRoutes } from './routes/reclassification/reclassification.routes.ts';
import { searchRoutes } from './routes/search/search.routes.ts';
import { settingsRoutes } from './routes/settings/settings.routes.ts';
import { teamRoutes } from './routes/team/team.routes.ts';
import { exportRoutes } from './routes/transfer/export.routes.ts';
import { importRoutes } from './routes/transfer/import.routes.ts';

export const MAX_BODY_BYTES = 1024 * 1024;

/** The whole API, built from injected parts so tests run it on a temp SQLite file and a fixed clock. */
export function createApp(deps: AppDeps) {
  const root = new OpenAPIHono<AppEnv>({ defaultHook });
  const app = root
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
    .use(requestContext(deps))
    .route('/api/health', healthRoutes(deps))
    .use('/api/*', bearerAuth(deps))
    .use('/api/*', audit(deps))
    .route('/api/openapi.json', documentRoute(root, deps))
    .use('/api/customers/:id/*', customerScope(deps))
    .route('/api/customers', customerRoutes())
    .route('/api', interactionRoutes())
    .route('/api/context', contextRoutes())
    .route('/api/captures', captureRoutes())
    .route('/api/due', dueRoutes())
    .route('/api/search', searchRoutes())
    .route('/api/settings', settingsRoutes())
    .route('/api', teamRoutes())
    .route('/api/reclassification', reclassificationRoutes())
    .route('/api/greetings', greetingRoutes())
    .route('/api/contact-sheet', contactSheetRoutes())
    .route('/api/customers', customerFileRoutes())
    .route('/api/pipeline', pipelineRoutes())
    .route('/api/lost', lostRoutes())
    .route('/api/focus', focusRoutes())
    .route('/api/import', importRoutes())
    .route('/api/export', exportRoutes())
    .route('/api/calendar', calendarRoutes())
    .route('/api', mergeRoutes())
    .route('/api/duplicates', duplicateRoutes())
    .route('/api/extension', extensionRoutes(deps))
    // Public: calendar apps subscribe to a plain URL, so the feed lives outside the bearer-guarded /api.
    .route('/calendar', calendarFeedRoutes());

  app.notFound((c) => errorResponse(c, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    if (err instanceof ApiError) return errorResponse(c, err.code, err.message, err.details);
    if (err instanceof HTTPException) {
      if (err.status === 413) return errorResponse(c, 'payload_too_large', err.message);
      if (err.status < 500) return errorResponse(c, 'invalid_request', err.message || 'bad request');
    }
    // The engine rolls the transaction back when the disk fills: nothing was written, say so
    // plainly. PostgreSQL's code (53100, disk_full) comes wrapped in drizzle's query error.
    const sys =
      (err as { code?: string }).code ?? ((err as { cause?: { code?: string } }).cause?.code as string | undefined);
    if (sys === 'SQLITE_FULL' || sys === 'ENOSPC' || sys === '53100') {
      return errorResponse(c, 'storage_full', 'the disk is full; nothing was written — free some space and try again');
    }
    console.error('[dossier] unexpected error', err);
    return errorResponse(c, 'internal', 'unexpected error; nothing was written');
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
