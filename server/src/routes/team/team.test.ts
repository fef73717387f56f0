import { describe, expect, it } from 'vitest';
import { idem, makeTestApp } from '../../test-utils.ts';

describe('teams: owners, roles, sharing, audit', () => {
  it('a member sees their own files only; another owner’s file answers 404, not 403', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    const zhang = t.addUser('zhang', 'member');
    const mine = await t.request(
      'POST',
      '/api/customers',
      { name: '嘉华融通置业', tier: 'A', website: 'xz-land.com.cn' },
      li.headers,
    );
    expect(mine.json.owner).toBe('li');
    const theirs = await t.request(
      'POST',
      '/api/customers',
      { name: '恒信建设', tier: 'B', website: 'hengxin.cn', owner: 'li' },
      zhang.headers,
    );
    // A member cannot assign a new file to someone else.
    expect(theirs.json.owner).toBe('zhang');

    const denied = await t.request('GET', `/api/customers/${theirs.json.id}`, undefined, li.headers);
    expect(denied.status).toBe(404);
    expect(denied.json.error.code).toBe('not_found');
    // Exactly the answer for a file that does not exist at all.
    expect((await t.request('GET', '/api/customers/999999', undefined, li.headers)).json).toEqual(denied.json);
    expect((await t.request('PATCH', `/api/customers/${theirs.json.id}`, { notes: 'x' }, li.headers)).status).toBe(404);
    expect(
      (
        await t.request(
          'POST',
          '/api/interactions',
          { customerId: theirs.json.id, kind: 'call', idempotencyKey: idem() },
          li.headers,
        )
      ).status,
    ).toBe(404);
    const own = { customerId: mine.json.id, kind: 'call', idempotencyKey: idem() };
    expect((await t.request('POST', '/api/interactions', own, li.headers)).status).toBe(201);
    const list = await t.request('GET', '/api/customers', undefined, li.headers);
    expect(list.json.customers.map((c: { name: string }) => c.name)).toEqual(['嘉华融通置业']);
    expect((await t.request('GET', '/api/search?q=恒信', undefined, li.headers)).json.results).toEqual([]);
    expect(
      (await t.request('GET', '/api/context?url=https://www.hengxin.cn', undefined, li.headers)).json.customer,
    ).toBeNull();
    const board = (await t.request('GET', '/api/due?within=30d', undefined, li.headers)).json;
    expect(
      [...board.overdue, ...board.today, ...board.tomorrow, ...board.thisWeek].map((i: { name: string }) => i.name),
    ).not.toContain('恒信建设');
  });

  it('sharing opens a file to a member; the manager sees all and reassigns', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    const zhang = t.addUser('zhang', 'member');
    const c = await t.request('POST', '/api/customers', { name: '恒信建设', tier: 'B' }, zhang.headers);
    expect((await t.request('POST', `/api/customers/${c.json.id}/shares`, { userId: li.id }, li.headers)).status).toBe(
      404,
    );
    expect(
      (await t.request('POST', `/api/customers/${c.json.id}/shares`, { userId: li.id }, zhang.headers)).status,
    ).toBe(204);
    expect((await t.request('GET', `/api/customers/${c.json.id}`, undefined, li.headers)).status).toBe(200);
    const call = { customerId: c.json.id, kind: 'call', idempotencyKey: idem() };
    expect((await t.request('POST', '/api/interactions', call, li.headers)).status).toBe(201);
    // Members may not reassign; the manager (the default token) may.
    expect((await t.request('PATCH', `/api/customers/${c.json.id}`, { owner: 'li' }, zhang.headers)).status).toBe(403);
    const moved = await t.request('PATCH', `/api/customers/${c.json.id}`, { owner: 'li' });
    expect(moved.json.owner).toBe('li');
    expect((await t.request('GET', `/api/customers/${c.json.id}`, undefined, zhang.headers)).status).toBe(404);
  });

  it('managers add users with a token shown once, revoke them, and read the audit log', async () => {
    const t = makeTestApp();
    const added = await t.request('POST', '/api/users', { name: 'wang', role: 'member' });
    expect(added.status).toBe(201);
    expect(added.json.token).toMatch(/^dsr_/);
    const li = t.addUser('li', 'member');
    expect((await t.request('POST', '/api/users', { name: 'x' }, li.headers)).status).toBe(403);
    expect((await t.request('GET', '/api/audit', undefined, li.headers)).status).toBe(403);
    expect((await t.request('GET', '/api/me', undefined, li.headers)).json).toEqual({
      id: li.id,
      name: 'li',
      role: 'member',
    });
    await t.request('POST', '/api/customers', { name: 'Audit Co', tier: 'C' }, li.headers);
    const log = (await t.request('GET', '/api/audit')).json.entries;
    expect(log[0]).toMatchObject({ userName: 'li', method: 'POST', path: '/api/customers', status: 201 });
    expect(JSON.parse(log[0].detail)).toMatchObject({ name: 'Audit Co' });
    expect(log[1]).toMatchObject({ userName: 'owner', path: '/api/users' });
    const revoked = await t.request('POST', `/api/users/${added.json.user.id}/revoke`);
    expect(revoked.json.revokedAt).not.toBeNull();
    expect((await t.request('PUT', '/api/settings', { cadence: { A: { callDays: 3 } } }, li.headers)).status).toBe(403);
  });

  it('a colleague a file is shared with works on it but cannot remove it: delete and merge are the owner’s or a manager’s', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    const wang = t.addUser('wang', 'member');
    const hers = (await t.request('POST', '/api/customers', { name: '徐州某某置业', tier: 'A' }, li.headers)).json.id;
    const his = (await t.request('POST', '/api/customers', { name: '徐州某某置业有限公司', tier: 'B' }, wang.headers))
      .json.id;
    await t.request('POST', `/api/customers/${hers}/shares`, { userId: wang.id }, li.headers);
    // He logs her calls (covering for her) …
    const call = { customerId: hers, kind: 'call', idempotencyKey: idem() };
    expect((await t.request('POST', '/api/interactions', call, wang.headers)).status).toBe(201);
    // … but neither deletes her file nor merges it away into his.
    const del = await t.request('DELETE', `/api/customers/${hers}`, undefined, wang.headers);
    expect(del.status).toBe(403);
    expect(del.json.error.code).toBe('forbidden');
    const merge = await t.request(
      'POST',
      `/api/customers/${his}/merge`,
      { from: hers, idempotencyKey: idem() },
      wang.headers,
    );
    expect(merge.status).toBe(403);
    const kept = await t.request('GET', `/api/customers/${hers}`, undefined, li.headers);
    expect(kept.status).toBe(200);
    expect(kept.json.owner).toBe('li');
    // A manager may merge hers into his; she, its owner, may undo it though she can't see his file.
    const managed = await t.request('POST', `/api/customers/${his}/merge`, { from: hers, idempotencyKey: idem() });
    expect(managed.status).toBe(201);
    expect((await t.request('GET', `/api/customers/${hers}`, undefined, li.headers)).status).toBe(404);
    const undone = await t.request('POST', `/api/merges/${managed.json.mergeId}/undo`, undefined, li.headers);
    expect(undone.status).toBe(200);
    expect((await t.request('GET', `/api/customers/${hers}`, undefined, li.headers)).json.owner).toBe('li');
    // Her own file she may remove.
    expect((await t.request('DELETE', `/api/customers/${hers}`, undefined, li.headers)).status).toBe(204);
  });

  it('a user who has left (revoked) is given no file: not as owner, not by a share', async () => {
    const t = makeTestApp();
    const zhang = t.addUser('zhang', 'member');
    const wang = t.addUser('wang', 'member');
    const file = (await t.request('POST', '/api/customers', { name: '恒信建设', tier: 'B' }, wang.headers)).json.id;
    expect((await t.request('POST', `/api/users/${zhang.id}/revoke`)).status).toBe(200);
    const patched = await t.request('PATCH', `/api/customers/${file}`, { owner: 'zhang' });
    expect(patched.status).toBe(400);
    expect(patched.json.error.code).toBe('invalid_request');
    expect((await t.request('POST', `/api/customers/${file}/shares`, { userId: zhang.id }, wang.headers)).status).toBe(
      400,
    );
    expect((await t.request('POST', '/api/customers', { name: '新客户', tier: 'C', owner: 'zhang' })).status).toBe(400);
    expect((await t.request('GET', `/api/customers/${file}`)).json.owner).toBe('wang');
    // Handed to a colleague who works here, it moves.
    expect((await t.request('PATCH', `/api/customers/${file}`, { owner: 'wang' })).status).toBe(200);
  });
});
