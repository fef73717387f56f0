import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test-utils.ts';

type Operation = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Doc = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, unknown> };
};

const documentOf = async (t = makeTestApp()) => (await t.request('GET', '/api/openapi.json')).json as Doc;
const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('openapi.json', () => {
  it('is a valid OpenAPI 3.1 document for an independent validator', async () => {
    const doc = await documentOf();
    expect(doc.openapi).toBe('3.1.0');
    // swagger-parser checks the document against the OpenAPI 3.1 schema and resolves every $ref;
    // it works on a copy because it dereferences in place.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
    // …and it would say so: a response without its required description is refused.
    const broken = structuredClone(doc);
    const health = broken.paths['/api/health']?.get?.responses['200'] as { description?: string } | undefined;
    delete health?.description;
    await expect(SwaggerParser.validate(broken as never)).rejects.toThrow(/description/);
  });

  it('describes every route the app serves, and nothing else', async () => {
    const t = makeTestApp();
    const doc = await documentOf(t);
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL' && /^\/(api|calendar)\//.test(r.path))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`);
    const documented = operations(doc).map(({ path, method }) => `${method} ${path}`);
    expect(new Set(served)).toEqual(new Set(documented));
    expect(documented).toHaveLength(new Set(documented).size);
  });

  it('names and tags every operation, and documents the errors it can answer', async () => {
    const doc = await documentOf();
    const ids = operations(doc).map(({ op }) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const errorRef = { $ref: '#/components/schemas/ErrorBody' };
    for (const { path, method, op } of operations(doc)) {
      const where = `${method} ${path}`;
      expect(op.tags?.length, where).toBe(1);
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        where,
      ).toBe(true);
      for (const s of statuses.filter((x) => /^[45]/.test(x))) {
        expect(op.responses[s]?.content?.['application/json']?.schema, `${where} ${s}`).toEqual(errorRef);
      }
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      if (!isPublic) expect(statuses, where).toEqual(expect.arrayContaining(['401', '429']));
      expect(statuses, where).toEqual(expect.arrayContaining(['403', '500']));
      // The calendar feed takes any file name and answers 404 for one it does not know.
      if ((op.parameters?.length || op.requestBody) && path !== '/calendar/{file}')
        expect(statuses, where).toContain('400');
      if (method !== 'get') expect(statuses, where).toEqual(expect.arrayContaining(['413', '415']));
      if (path.includes('{id}') && path.startsWith('/api/customers/')) expect(statuses, where).toContain('404');
    }
    expect(doc.paths['/api/customers/{id}/keys']?.post?.responses).toHaveProperty('409');
    expect(doc.paths['/api/interactions']?.post?.responses).toHaveProperty('409');
    // Public: health and the calendar feed only.
    const open = operations(doc).filter(({ op }) => Array.isArray(op.security) && op.security.length === 0);
    expect(open.map(({ path }) => path).sort()).toEqual(['/api/health', '/calendar/{file}']);
  });

  it('shares its schemas as components and the error body as one', async () => {
    const doc = await documentOf();
    expect(doc.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
    expect(doc.components.schemas.ErrorBody).toMatchObject({ type: 'object', required: ['error'] });
    expect(doc.components.schemas.Tier?.enum).toEqual(['A', 'B', 'C']);
    expect(doc.paths['/api/customers']?.post?.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CustomerCreate' } } },
    });
    // Nested shared schemas are references too, not copies.
    expect(doc.components.schemas.CustomerList).toMatchObject({
      properties: { customers: { items: { $ref: '#/components/schemas/Customer' } } },
    });
  });

  it('gives downloads their binary content types, the calendar feed included', async () => {
    const doc = await documentOf();
    const types = (path: string) => Object.keys(doc.paths[path]?.get?.responses['200']?.content ?? {}).sort();
    expect(types('/api/export')).toEqual(
      [
        'application/json',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv',
        'text/vcard',
      ].sort(),
    );
    expect(types('/api/contact-sheet/export')).toEqual(
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'].sort(),
    );
    expect(types('/api/customers/{id}/materials/{materialId}/file')).toEqual(['application/octet-stream']);
    expect(types('/calendar/{file}')).toEqual(['text/calendar']);
    expect(Object.keys(doc.paths['/calendar/{file}']?.get?.responses ?? {}).sort()).toEqual([
      '200',
      '403',
      '404',
      '500',
    ]);
    expect(doc.paths['/api/export']?.get?.responses['200']).toHaveProperty(['headers', 'Content-Disposition']);
    for (const path of ['/api/export', '/calendar/{file}']) {
      for (const media of Object.values(doc.paths[path]?.get?.responses['200']?.content ?? {})) {
        expect(media.schema).toEqual({ type: 'string', format: 'binary' });
      }
    }
  });

  it('names the server it runs on: the configured URL, else the address the request came to', async () => {
    const configured = await documentOf(makeTestApp(undefined, { serverUrl: 'http://127.0.0.1:48123' }));
    expect(configured.servers).toEqual([{ url: 'http://127.0.0.1:48123' }]);
    const t = makeTestApp();
    const res = await t.app.request('http://127.0.0.1:9911/api/openapi.json', {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    expect(((await res.json()) as Doc).servers).toEqual([{ url: 'http://127.0.0.1:9911' }]);
  });
});
