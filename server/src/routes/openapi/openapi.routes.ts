import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../deps.ts';
import { documentConfig, finishDocument, json, router, routesOf } from '../../lib/openapi.ts';

const OpenApiDocument = z.looseObject({ openapi: z.literal('3.1.0'), paths: z.record(z.string(), z.unknown()) });
type OpenApiDocument = z.infer<typeof OpenApiDocument>;

const route = routesOf('meta');

const document = route({
  method: 'get',
  path: '/',
  operationId: 'getOpenApiDocument',
  summary: 'This document (OpenAPI 3.1)',
  responses: { 200: json(OpenApiDocument, 'The OpenAPI document of this server') },
});

/**
 * GET /api/openapi.json, generated from the whole app's route declarations (`root`, once every
 * router is mounted) on first request and kept — per server URL, since the port is known only
 * once the server listens.
 */
export function documentRoute(root: OpenAPIHono<AppEnv>, deps: AppDeps) {
  const cache = new Map<string, OpenApiDocument>();
  return router().openapi(document, (c) => {
    const url = deps.serverUrl ?? new URL(c.req.url).origin;
    let doc = cache.get(url);
    if (!doc) {
      doc = finishDocument(root.getOpenAPI31Document(documentConfig(deps.version, url))) as unknown as OpenApiDocument;
      // The Host a client sends picks the URL: keep a few, not one per Host ever seen.
      if (cache.size >= 8) cache.clear();
      cache.set(url, doc);
    }
    return c.json(doc, 200);
  });
}
