import { ErrorBody } from '@dossier/shared';
import { type ZodType, z } from 'zod';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Hono-style path, `:id` params. */
  path: string;
  summary: string;
  query?: ZodType;
  body?: ZodType;
  /** status → schema (or null for an empty body). */
  responses: Record<number, ZodType | null>;
  public?: boolean;
}

const schemaOf = (s: ZodType) => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' });
const inputSchemaOf = (s: ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

/** OpenAPI 3.1 from the same zod schemas the routes validate with, so the document can't drift. */
export function buildOpenApi(docs: RouteDoc[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of docs) {
    const path = d.path.replace(/:(\w+)/g, '{$1}');
    const params = [...d.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'integer' },
    }));
    const query = d.query ? inputSchemaOf(d.query) : null;
    const queryParams = query?.properties
      ? Object.entries(query.properties).map(([name, schema]) => ({
          name,
          in: 'query',
          required: (query.required as string[] | undefined)?.includes(name) ?? false,
          schema,
        }))
      : [];
    const responses: Record<string, unknown> = {};
    for (const [status, schema] of Object.entries(d.responses)) {
      responses[status] = schema
        ? { description: `HTTP ${status}`, content: { 'application/json': { schema: schemaOf(schema) } } }
        : { description: `HTTP ${status}` };
    }
    responses.default = { description: 'Error', content: { 'application/json': { schema: schemaOf(ErrorBody) } } };
    paths[path] ??= {};
    paths[path][d.method] = {
      summary: d.summary,
      ...(d.public ? { security: [] } : {}),
      parameters: [...params, ...queryParams],
      ...(d.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: inputSchemaOf(d.body) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Dossier API', version },
    servers: [{ url: 'http://127.0.0.1:8787' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
