import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test-utils.ts';

/** The routes validate through @hono/zod-openapi's defaultHook; failures answer as they did before it. */
describe('validation failures', () => {
  it('answer 400 invalid_request naming the part that failed, with one detail per issue', async () => {
    const t = makeTestApp();
    const query = await t.request('GET', '/api/customers?tier=Z&limit=0');
    expect(query.status).toBe(400);
    expect(query.json).toEqual({
      error: {
        code: 'invalid_request',
        message: 'invalid query',
        details: [
          expect.objectContaining({ path: 'tier', code: 'invalid_value', message: expect.any(String) }),
          expect.objectContaining({ path: 'limit', code: 'too_small', message: expect.any(String) }),
        ],
      },
    });
    const param = await t.request('GET', '/api/customers/abc/interactions');
    expect(param.status).toBe(400);
    expect(param.json.error).toMatchObject({
      code: 'invalid_request',
      message: 'invalid param',
      details: [{ path: 'id' }],
    });
    const body = await t.request('POST', '/api/customers', { name: '', tier: 'A' });
    expect(body.status).toBe(400);
    expect(body.json.error).toMatchObject({
      code: 'invalid_request',
      message: 'invalid json',
      details: [{ path: 'name' }],
    });
    // No body where one is required: still the JSON validator's 400, not a 415 or an empty object.
    const none = await t.request('POST', '/api/customers');
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe('invalid_request');
  });
});
