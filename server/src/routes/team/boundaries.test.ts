import { describe, expect, it } from 'vitest';
import { TEST_ENGINE } from '../../test-engine.ts';
import { makeTestApp } from '../../test-utils.ts';

describe('team boundaries', () => {
  it('a member cannot remove people or keys from a file they cannot see: 404, and nothing changes', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    const wang = t.addUser('wang', 'member');
    const file = (
      await t.request(
        'POST',
        '/api/customers',
        { name: 'Li Co', tier: 'A', website: 'li-co.cn', people: [{ name: '刘建华', mobile: '13904001234' }] },
        li.headers,
      )
    ).json;
    const person = file.people[0].id;
    const key = file.keys[0].id;
    for (const path of [
      `/api/customers/${file.id}/people/${person}`,
      `/api/customers/${file.id}/keys/${key}`,
      `/api/customers/${file.id}/appointment`,
    ]) {
      const r = await t.request('DELETE', path, undefined, wang.headers);
      expect([path, r.status, r.json.error.code]).toEqual([path, 404, 'not_found']);
    }
    for (const [method, path] of [
      ['GET', `/api/customers/${file.id}/interactions`],
      ['GET', `/api/customers/${file.id}/tier-history`],
      ['POST', `/api/customers/${file.id}/reopen`],
      ['PATCH', `/api/customers/${file.id}/people/${person}`],
    ] as const) {
      const r = await t.request(method, path, method === 'PATCH' ? { title: '总经理' } : undefined, wang.headers);
      expect([path, r.status]).toEqual([path, 404]);
    }
    const after = (await t.request('GET', `/api/customers/${file.id}`, undefined, li.headers)).json;
    expect(after.people.map((p: { name: string }) => p.name)).toEqual(['刘建华']);
    expect(after.keys).toHaveLength(1);
  });

  it('a manager cannot give a file to a user that does not exist', async () => {
    const t = makeTestApp();
    t.addUser('li', 'member');
    const id = (await t.request('POST', '/api/customers', { name: 'Owned', tier: 'B' })).json.id;
    const r = await t.request('PATCH', `/api/customers/${id}`, { owner: 'nobody' });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalid_request', details: [{ path: 'owner' }] });
    expect((await t.request('GET', `/api/customers/${id}`)).json.owner).toBe('owner');
    expect((await t.request('POST', '/api/customers', { name: 'Orphan', tier: 'B', owner: 'nobody' })).status).toBe(
      400,
    );
    expect((await t.request('PATCH', `/api/customers/${id}`, { owner: 'li' })).json.owner).toBe('li');
  });

  it('a revoked token stops working on the very next request', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    expect((await t.request('GET', '/api/me', undefined, li.headers)).status).toBe(200);
    expect((await t.request('POST', `/api/users/${li.id}/revoke`)).status).toBe(200);
    const r = await t.request('GET', '/api/me', undefined, li.headers);
    expect([r.status, r.json.error.code]).toEqual([401, 'unauthorized']);
  });

  it('a member undoes their own merge', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    const a = (await t.request('POST', '/api/customers', { name: 'Li A', tier: 'A' }, li.headers)).json.id;
    const b = (await t.request('POST', '/api/customers', { name: 'Li B', tier: 'B' }, li.headers)).json.id;
    const m = (await t.request('POST', `/api/customers/${a}/merge`, { from: b }, li.headers)).json;
    const undo = await t.request('POST', `/api/merges/${m.mergeId}/undo`, undefined, li.headers);
    expect(undo.status).toBe(200);
    expect((await t.request('GET', `/api/customers/${b}`, undefined, li.headers)).status).toBe(200);
  });

  it('bad input is a 4xx, never a 500: sharing with nobody, a NUL in a search, control characters in names', async () => {
    const t = makeTestApp();
    const id = (await t.request('POST', '/api/customers', { name: '\u202eAcme\u0000 Co\u202c', tier: 'A' })).json.id;
    expect((await t.request('GET', `/api/customers/${id}`)).json.name).toBe('Acme Co');
    const share = await t.request('POST', `/api/customers/${id}/shares`, { userId: 9999 });
    expect([share.status, share.json.error.code]).toEqual([400, 'invalid_request']);
    expect((await t.request('GET', '/api/search?q=%00')).status).toBe(400);
    // Hidden characters are dropped from a query as from a name, so it still finds the name.
    expect((await t.request('GET', '/api/search?q=Ac%00me')).json.results.map((r: { id: number }) => r.id)).toEqual([
      id,
    ]);
  });

  it('a full disk answers storage_full and writes nothing', async () => {
    const t = makeTestApp();
    if (TEST_ENGINE === 'pg') {
      // PostgreSQL's own full disk (SQLSTATE 53100, disk_full), raised where the write's last
      // statement, the search row of a second customer, would extend its file.
      await t.sql(`create function disk_full() returns trigger language plpgsql as $$
        begin
          if (select count(*) from customers) > 1 then
            raise exception 'could not extend file: No space left on device' using errcode = 'disk_full';
          end if;
          return new;
        end $$`);
      await t.sql(
        'create trigger disk_full before insert on customer_search for each row execute function disk_full()',
      );
    } else {
      const pages = (t.db.$client.pragma('page_count', { simple: true }) as number) + 1;
      t.db.$client.pragma(`max_page_count = ${pages}`);
    }
    const notes = 'x'.repeat(19_000);
    let r = { status: 0, json: null as { error: { code: string } } | null };
    for (let i = 0; i < 20 && r.status !== 507; i++)
      r = await t.request('POST', '/api/customers', { name: `Big ${i}`, tier: 'C', notes });
    expect([r.status, r.json?.error.code]).toEqual([507, 'storage_full']);
    expect(await t.count('customer_search')).toBe(await t.count('customers'));
  });
});
