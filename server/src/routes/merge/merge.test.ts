import { describe, expect, it } from 'vitest';
import { dumpAll } from '../../dump.test-helpers.ts';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

// Tables a merge or undo legitimately writes to as a record of itself (its key among the replays).
const OWN_RECORDS = ['audit_log', 'merges', 'replays'];

/** A new B file of this name: its id. */
const newFile = async (t: TestApp, name: string) =>
  (await t.request('POST', '/api/customers', { name, tier: 'B' })).json.id as number;

/** Undoes the merge and finds every row as it was before it. */
async function undoneExactly(t: TestApp, mergeId: number, before: unknown) {
  expect((await t.request('POST', `/api/merges/${mergeId}/undo`)).status).toBe(200);
  expect(await dumpAll(t, OWN_RECORDS)).toEqual(before);
}

/** Two files of the same company, each with something of every kind that hangs off a customer. */
async function twins(t: TestApp) {
  const mia = t.addUser('mia', 'member');
  const survivor = await t.request('POST', '/api/customers', {
    name: '徐州嘉华融通置业有限公司',
    tier: 'A',
    website: 'xz-land.com.cn',
    phones: ['0516-87654321'],
    people: [{ name: '王建国', mobile: '13952000001' }],
  });
  t.advanceDays(1);
  const from = await t.request('POST', '/api/customers', {
    name: '嘉华融通置业',
    tier: 'C',
    industry: '房地产',
    address: '徐州市和平路88号',
    phones: ['0516-87654321', '0516-80000000'],
    keys: [{ kind: 'credit_code', value: '91310000MA1FL4CT3U' }],
    people: [{ name: '李海燕', mobile: '13952000002', birthday: '1980-03-01' }],
  });
  const [s, f] = [survivor.json.id as number, from.json.id as number];
  await t.request('POST', '/api/interactions', {
    customerId: f,
    kind: 'call',
    summary: '电话',
    idempotencyKey: 'merge-call-0001',
  });
  await t.request('POST', '/api/interactions', {
    customerId: s,
    kind: 'visit',
    summary: '拜访',
    idempotencyKey: 'merge-visit-001',
  });
  await t.request('POST', '/api/commitments', { customerId: f, text: '发送报价', dueAt: '2026-11-30T02:00:00.000Z' });
  await t.request('POST', `/api/customers/${f}/shares`, { userId: mia.id });
  const now = '2026-11-24T02:00:00.000Z';
  const run = t.sql;
  await run(
    "insert into parcels (customer_id, parcel_no, status, created_at, updated_at) values (?, '徐土2026-01', 'dealt', ?, ?)",
    f,
    now,
    now,
  );
  await run(
    "insert into captures (customer_id, url, adapter, kind, payload, captured_at) values (?, 'https://x.test/', 'generic', 'company', '{}', ?)",
    f,
    now,
  );
  await run("insert into materials (customer_id, number, title, created_at) values (?, 1, '公司简介', ?)", s, now);
  await run("insert into materials (customer_id, number, title, created_at) values (?, 1, '产品手册', ?)", f, now);
  await run(
    "insert into sheet_remarks (customer_id, month, text, updated_at) values (?, '2026-11', '已回访', ?)",
    f,
    now,
  );
  return { s, f, mia };
}

describe('merge with undo', () => {
  it('moves everything to the survivor, and undo restores every row exactly', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const { s, f } = await twins(t);
    const before = await dumpAll(t, OWN_RECORDS);

    t.advanceDays(0.25);
    const merged = await t.request('POST', `/api/customers/${s}/merge`, { from: f, idempotencyKey: 'merge-0001-key' });
    expect(merged.status).toBe(201);
    expect(merged.json.moved).toMatchObject({
      keys: 1,
      people: 1,
      interactions: 1,
      commitments: 1,
      parcels: 1,
      captures: 1,
      materials: 1,
      shareUsers: 1,
      remarkMonths: 1,
    });
    expect(merged.json.filled.sort()).toEqual(['address', 'formerNames', 'industry', 'phones'].sort());
    expect(merged.json.undoUntil).toBe('2026-11-25T16:00:00.000Z'); // end of the next day in Asia/Shanghai
    const survivor = merged.json.survivor;
    expect(survivor.people.map((p: { name: string }) => p.name)).toEqual(['王建国', '李海燕']);
    expect(survivor.keys.map((k: { kind: string }) => k.kind).sort()).toEqual(['credit_code', 'domain']);
    expect(survivor).toMatchObject({ tier: 'A', industry: '房地产', phones: ['0516-87654321', '0516-80000000'] });
    expect(survivor.lastCallAt).toBe('2026-11-24T02:00:00.000Z'); // the other file's call counts now
    expect((await t.request('GET', `/api/customers/${f}`)).status).toBe(404);
    const materials = await t.sql('select number, title from materials where customer_id = ? order by number', s);
    expect(materials).toEqual([
      { number: 1, title: '公司简介' },
      { number: 2, title: '产品手册' },
    ]);
    const replay = await t.request('POST', `/api/customers/${s}/merge`, { from: f, idempotencyKey: 'merge-0001-key' });
    expect(replay.status).toBe(200);
    expect(replay.json.mergeId).toBe(merged.json.mergeId);

    const undo = await t.request('POST', `/api/merges/${merged.json.mergeId}/undo`);
    expect(undo.status).toBe(200);
    expect(await dumpAll(t, OWN_RECORDS)).toEqual(before);
    expect((await t.request('POST', `/api/merges/${merged.json.mergeId}/undo`)).status).toBe(409);
  });

  it('one person and one phone written two ways stay one; undo brings both files back exactly', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const s = (
      await t.request('POST', '/api/customers', {
        name: '徐州嘉华融通置业有限公司',
        tier: 'A',
        phones: ['139 0400 1234'],
        people: [{ name: '刘', mobile: '139 0400 1234', title: '总经理' }],
      })
    ).json;
    const f = (
      await t.request('POST', '/api/customers', {
        name: '嘉华融通',
        tier: 'B',
        // The same mobile as the first file: made on purpose, as a duplicate to merge.
        allowDuplicate: true,
        phones: ['13904001234', '0516-80000000'],
        people: [
          { name: '刘建华', mobile: '+86 139-0400-1234', email: 'liu@jiahua.cn', birthday: '1970-05-01' },
          { name: 'Amy Zhou', email: 'AMY@jiahua.cn' },
        ],
      })
    ).json;
    await t.request('POST', `/api/customers/${s.id}/people`, { name: '周艾米', email: 'amy@jiahua.cn' });
    await t.request('POST', '/api/interactions', {
      customerId: f.id,
      kind: 'call',
      personId: f.people[0].id,
      idempotencyKey: 'merge-person-call',
    });
    const before = await dumpAll(t, OWN_RECORDS);
    t.advanceDays(0.1);
    const merged = await t.request('POST', `/api/customers/${s.id}/merge`, { from: f.id });
    expect(merged.status).toBe(201);
    const survivor = merged.json.survivor;
    expect(survivor.phones).toEqual(['139 0400 1234', '0516-80000000']);
    expect(survivor.people).toEqual([
      expect.objectContaining({
        name: '刘建华',
        mobile: '139 0400 1234',
        title: '总经理',
        email: 'liu@jiahua.cn',
        birthday: '1970-05-01',
      }),
      expect.objectContaining({ name: '周艾米', email: 'amy@jiahua.cn' }),
    ]);
    const history = (await t.request('GET', `/api/customers/${s.id}/interactions`)).json.interactions;
    expect(history[0].personId).toBe(s.people[0].id);
    const undo = await t.request('POST', `/api/merges/${merged.json.mergeId}/undo`);
    expect(undo.status).toBe(200);
    expect(await dumpAll(t, OWN_RECORDS)).toEqual(before);
  });

  it("keeps the removed file's other number for a person both have in the survivor's notes; undo takes it back", async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const person = { name: '王建国', email: 'wang@xz-land.com.cn' };
    const s = (
      await t.request('POST', '/api/customers', {
        name: '徐州嘉华融通置业有限公司',
        tier: 'A',
        people: [{ ...person, mobile: '13952000001', preferences: '爱喝茶' }],
      })
    ).json;
    const f = (
      await t.request('POST', '/api/customers', {
        name: '嘉华融通',
        tier: 'B',
        allowDuplicate: true,
        people: [{ ...person, mobile: '13952000009', title: '总经理' }],
      })
    ).json;
    const before = await dumpAll(t, OWN_RECORDS);
    const merged = await t.request('POST', `/api/customers/${s.id}/merge`, { from: f.id });
    expect(merged.status).toBe(201);
    expect(merged.json.survivor.people).toEqual([
      expect.objectContaining({
        name: '王建国',
        mobile: '13952000001',
        title: '总经理',
        preferences: '爱喝茶\n其他电话：13952000009',
      }),
    ]);
    await undoneExactly(t, merged.json.mergeId, before);
  });

  it("joins the removed file's remark to the survivor's for a month both have; undo puts each back", async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const mk = (name: string) => newFile(t, name);
    const [s, f] = [await mk('南京华远置业有限公司'), await mk('华远置业(沈阳)有限公司')];
    const remark = (customerId: number, month: string, text: string) =>
      t.request('PUT', '/api/contact-sheet/remarks', { customerId, month, text });
    await remark(s, '2026-12', '南京：等报价');
    await remark(f, '2026-12', '沈阳：寄样品');
    await remark(f, '2026-11', '已回访');
    await remark(s, '2026-10', 'Same note');
    await remark(f, '2026-10', 'Same note');
    const sheetRemark = async (month: string) =>
      (await t.request('GET', `/api/contact-sheet?month=${month}`)).json.groups
        .flatMap((g: { rows: unknown[] }) => g.rows)
        .find((r: { customerId: number }) => r.customerId === s)?.remarks;
    const before = await dumpAll(t, OWN_RECORDS);
    const merged = await t.request('POST', `/api/customers/${s}/merge`, { from: f });
    expect(merged.status).toBe(201);
    expect(await sheetRemark('2026-12')).toBe('南京：等报价；沈阳：寄样品');
    expect(await t.sql('select month, text from sheet_remarks where customer_id = ? order by month', s)).toEqual([
      { month: '2026-10', text: 'Same note' },
      { month: '2026-11', text: '已回访' },
      { month: '2026-12', text: '南京：等报价；沈阳：寄样品' },
    ]);
    await undoneExactly(t, merged.json.mergeId, before);
    // A remark rewritten since the merge is the user's: undo leaves it.
    const again = await t.request('POST', `/api/customers/${s}/merge`, { from: f });
    await remark(s, '2026-12', '已报价');
    expect((await t.request('POST', `/api/merges/${again.json.mergeId}/undo`)).status).toBe(200);
    expect(await sheetRemark('2026-12')).toBe('已报价');
  });

  it("keeps both live files' appointments: the one the merged history no longer holds becomes a promise due at its time", async () => {
    const t = makeTestApp('2026-12-07T04:00:00.000Z');
    const mk = (name: string) => newFile(t, name);
    const [a, f] = [await mk('南京华远置业有限公司'), await mk('华远置业(沈阳)有限公司')];
    const fix = (customerId: number, at: string, appointment: string, summary: string) =>
      t.request('POST', '/api/interactions', {
        customerId,
        kind: 'call',
        at,
        appointment,
        summary,
        idempotencyKey: idem(),
      });
    await fix(a, '2026-12-06T02:00:00.000Z', '2026-12-09T02:00:00.000Z', '约周三面谈');
    await fix(f, '2026-12-07T02:00:00.000Z', '2026-12-11T01:00:00.000Z', '周五看样品');
    const before = await dumpAll(t, OWN_RECORDS);
    const merged = await t.request('POST', `/api/customers/${a}/merge`, { from: f });
    expect(merged.json.survivor.appointment).toBe('2026-12-11T01:00:00.000Z');
    const promises = (await t.request('GET', `/api/customers/${a}/commitments`)).json.commitments;
    expect(promises).toMatchObject([{ dueAt: '2026-12-09T02:00:00.000Z', text: '约见 Appointment' }]);
    // What the call that fixed it says stays in the file: a promise's text goes into calendar feeds.
    expect(JSON.stringify(promises)).not.toContain('约周三面谈');
    const due = (await t.request('GET', '/api/due?within=7d')).json;
    expect(JSON.stringify(due)).toContain('2026-12-09T02:00:00.000Z');
    await undoneExactly(t, merged.json.mergeId, before);
  });

  it('turns no appointment the merged history has met into a promise', async () => {
    const t = makeTestApp('2026-12-10T04:00:00.000Z');
    const mk = (name: string) => newFile(t, name);
    const [a, f] = [await mk('南京华远置业有限公司'), await mk('华远置业(沈阳)有限公司')];
    const call = (customerId: number, at: string, appointment?: string) =>
      t.request('POST', '/api/interactions', { customerId, kind: 'call', at, appointment, idempotencyKey: idem() });
    await call(a, '2026-12-06T02:00:00.000Z', '2026-12-09T02:00:00.000Z');
    // The other file's call on the 9th met it, as far as the company is concerned; it fixed the 11th.
    await call(f, '2026-12-09T03:00:00.000Z', '2026-12-11T01:00:00.000Z');
    await t.request('POST', `/api/customers/${a}/merge`, { from: f });
    expect((await t.request('GET', `/api/customers/${a}/commitments`)).json.commitments).toEqual([]);
  });

  it('keeps what was added after the merge and refuses undo after the next day', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const { s, f } = await twins(t);
    const m = await t.request('POST', `/api/customers/${s}/merge`, { from: f });
    const later = await t.request('POST', '/api/interactions', {
      customerId: s,
      kind: 'note',
      summary: '合并后',
      idempotencyKey: 'after-merge-001',
    });
    t.setNow('2026-11-25T15:59:00.000Z');
    const undo = await t.request('POST', `/api/merges/${m.json.mergeId}/undo`);
    expect(undo.status).toBe(200);
    const [row] = await t.sql('select customer_id from interactions where id = ?', later.json.id);
    expect(row?.customer_id).toBe(s);

    const again = await t.request('POST', `/api/customers/${s}/merge`, { from: f });
    t.setNow('2026-11-26T16:00:01.000Z');
    const late = await t.request('POST', `/api/merges/${again.json.mergeId}/undo`);
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('conflict');
  });

  it('gives the file brought back its dues from its history: a moved call undone meanwhile no longer counts', async () => {
    const t = makeTestApp('2026-11-30T02:00:00.000Z');
    const s = (await t.request('POST', '/api/customers', { name: '泰州保利置业有限公司', tier: 'B' })).json.id;
    const d = (await t.request('POST', '/api/customers', { name: '保利置业（泰州）有限公司', tier: 'B' })).json.id;
    const call = (at: string, key: string, appointment?: string) =>
      t.request('POST', '/api/interactions', { customerId: d, kind: 'call', at, appointment, idempotencyKey: key });
    await call('2026-11-30T02:00:00.000Z', 'call-1130-0001');
    t.setNow('2026-12-04T02:00:00.000Z');
    const never = await call('2026-12-04T02:00:00.000Z', 'call-1204-0001', '2026-12-08T02:00:00.000Z');
    t.setNow('2026-12-07T01:00:00.000Z');
    const m = await t.request('POST', `/api/customers/${s}/merge`, { from: d });
    // The calls come with the file: the survivor, a prospect until now, is worked.
    expect((await t.request('GET', `/api/customers/${s}`)).json.status).toBe('active');
    // The 12-04 call, now on the survivor, was never made.
    expect((await t.request('DELETE', `/api/interactions/${never.json.id}`)).status).toBe(200);
    t.setNow('2026-12-07T07:00:00.000Z');
    expect((await t.request('POST', `/api/merges/${m.json.mergeId}/undo`)).status).toBe(200);
    const back = (await t.request('GET', `/api/customers/${d}`)).json;
    expect(back).toMatchObject({
      lastCallAt: '2026-11-30T02:00:00.000Z',
      appointment: null,
      followUps: 1,
      // Overdue since 10:00 this morning, not due on the 11th.
      nextCallDue: '2026-12-07T02:00:00.000Z',
    });
    // The survivor is a prospect again: it had been spoken to only through the file merged into it.
    expect((await t.request('GET', `/api/customers/${s}`)).json.status).toBe('prospect');
  });

  it('a survivor made active by the calls merged into it is a prospect again once they are undone; one the user made active stays', async () => {
    const t = makeTestApp('2026-12-07T02:00:00.000Z');
    const open = async (name: string, status?: string) =>
      (await t.request('POST', '/api/customers', { name, tier: 'B', ...(status ? { status } : {}) })).json.id as number;
    const called = async (name: string) => {
      const id = await open(name);
      const call = await t.request('POST', '/api/interactions', {
        customerId: id,
        kind: 'call',
        idempotencyKey: `c-${id}-0001`,
      });
      return { id, call: call.json.id as number };
    };
    const prospect = await open('泰州保利置业有限公司');
    const d = await called('保利置业（泰州）有限公司');
    const m = await t.request('POST', `/api/customers/${prospect}/merge`, { from: d.id });
    expect(m.json.filled).toContain('status');
    expect(m.json.filled).not.toContain('statusByContact');
    expect((await t.request('GET', `/api/customers/${prospect}`)).json.status).toBe('active');
    expect((await t.request('DELETE', `/api/interactions/${d.call}`)).status).toBe(200);
    expect((await t.request('GET', `/api/customers/${prospect}`)).json.status).toBe('prospect');

    const byHand = await open('泰州万科置业有限公司', 'active');
    const e = await called('万科置业（泰州）有限公司');
    expect((await t.request('POST', `/api/customers/${byHand}/merge`, { from: e.id })).status).toBe(201);
    expect((await t.request('DELETE', `/api/interactions/${e.call}`)).status).toBe(200);
    expect((await t.request('GET', `/api/customers/${byHand}`)).json.status).toBe('active');
  });

  it('a lost file merged into a live one brings no appointment fixed before its loss, won back since or not', async () => {
    const t = makeTestApp('2026-10-12T01:00:00.000Z');
    const open = async (name: string) =>
      (await t.request('POST', '/api/customers', { name, tier: 'B' })).json.id as number;
    const withAppointment = async (name: string) => {
      const id = await open(name);
      const key = `c-${id}-0001`;
      await t.request('POST', '/api/interactions', {
        customerId: id,
        kind: 'call',
        appointment: '2026-11-03T02:00:00.000Z',
        idempotencyKey: key,
      });
      expect(
        (await t.request('PATCH', `/api/customers/${id}`, { status: 'lost', lostReasonCode: 'price' })).status,
      ).toBe(200);
      return id;
    };
    const lost = await withAppointment('万科置业（南京）有限公司');
    const wonBack = await withAppointment('金科地产（苏州）有限公司');
    t.setNow('2026-11-16T01:00:00.000Z');
    expect((await t.request('POST', `/api/customers/${wonBack}/reopen`)).status).toBe(200);
    // The loss cancelled it: the file's history says so.
    const history = (await t.request('GET', `/api/customers/${lost}/interactions`)).json.interactions;
    expect(history[0].appointmentCancelledAt).toBe('2026-10-12T01:00:00.000Z');
    t.setNow('2026-12-07T01:00:00.000Z');
    for (const [name, from] of [
      ['南京万科置业有限公司', lost],
      ['苏州金科地产有限公司', wonBack],
    ] as const) {
      const survivor = await open(name);
      expect((await t.request('POST', `/api/customers/${survivor}/merge`, { from })).status).toBe(201);
      expect((await t.request('GET', `/api/customers/${survivor}`)).json.appointment).toBeNull();
    }
  });

  it('undo takes a conversation logged since the merge with a person who goes back along with that person', async () => {
    const t = makeTestApp('2026-11-23T02:00:00.000Z');
    const { s, f } = await twins(t);
    const m = await t.request('POST', `/api/customers/${s}/merge`, { from: f });
    const people = (await t.request('GET', `/api/customers/${s}`)).json.people as { id: number; name: string }[];
    const [li, wang] = ['李海燕', '王建国'].map((n) => people.find((p) => p.name === n)?.id);
    t.advanceDays(0.25);
    const log = async (personId: number | undefined, key: string) =>
      (await t.request('POST', '/api/interactions', { customerId: s, kind: 'call', personId, idempotencyKey: key }))
        .json.id as number;
    const withLi = await log(li, 'call-li-after-01');
    const withWang = await log(wang, 'call-wang-after1');
    expect((await t.request('POST', `/api/merges/${m.json.mergeId}/undo`)).status).toBe(200);
    const idsOn = async (id: number) =>
      ((await t.request('GET', `/api/customers/${id}/interactions`)).json.interactions as { id: number }[]).map(
        (i) => i.id,
      );
    expect(await idsOn(f)).toContain(withLi);
    expect(await idsOn(s)).not.toContain(withLi);
    expect(await idsOn(s)).toContain(withWang);
    expect((await t.request('GET', `/api/customers/${f}`)).json.lastCallAt).toBe('2026-11-24T08:00:00.000Z');
  });

  it('needs both files visible to the viewer (404 otherwise) and refuses merging a file into itself', async () => {
    const t = makeTestApp();
    const { s, f, mia } = await twins(t);
    // mia sees `f` (shared with her) but not `s`.
    expect((await t.request('POST', `/api/customers/${s}/merge`, { from: f }, mia.headers)).status).toBe(404);
    expect((await t.request('POST', `/api/customers/${f}/merge`, { from: s }, mia.headers)).status).toBe(404);
    expect((await t.request('POST', `/api/customers/${s}/merge`, { from: s })).status).toBe(400);
    const m = await t.request('POST', `/api/customers/${s}/merge`, { from: f });
    expect((await t.request('POST', `/api/merges/${m.json.mergeId}/undo`, undefined, mia.headers)).status).toBe(404);
    expect((await t.request('POST', '/api/merges/999/undo')).status).toBe(404);
  });
});
