import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../test-utils.ts';

describe('openapi.json', () => {
  it('describes every route the app serves', async () => {
    const t = makeTestApp();
    const doc = (await t.request('GET', '/api/openapi.json')).json;
    expect(doc.openapi).toBe('3.1.0');
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL' && /^\/(api|calendar)\//.test(r.path))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '')}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(new Set(served)).toEqual(new Set(documented));
    const create = doc.paths['/api/customers'].post.requestBody.content['application/json'].schema;
    expect(create).toEqual({ $ref: '#/components/schemas/CustomerCreate' });
    expect(doc.components.schemas.Tier.enum).toEqual(['A', 'B', 'C']);
  });
});
