import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';
import { commit, csvFile, fileNamed } from './test-helpers.ts';

// A sheet's next contact (下次回访, 下次跟进时间) is the appointment the user fixed: it reaches the board.
const NOW = '2026-12-07T01:00:00.000Z'; // Monday 09:00 in Shanghai

const contactsOf = (t: TestApp, id: number) =>
  t.sql(`select kind, at, summary, appointment from interactions where customer_id = ${id} order by at`);

describe("a sheet's next contact", () => {
  it('becomes the appointment its last contact fixed, or one fixed at the import; a day without an hour is at 09:00', async () => {
    const t = makeTestApp(NOW);
    const file = csvFile([
      '公司名称,客户等级,联系人,手机,上次联系,下次回访',
      '云龙置业有限公司,A,李一,13900000011,2026-11-20 10:00,2026-12-10',
      '恒泰建设有限公司,B,王二,13900000012,,2026-12-08 14:30',
      '嘉华地产有限公司,B,赵三,13900000013,2026-11-25,2026-11-20',
      '海逸房地产有限公司,C,钱四,13900000014,,春节后',
    ]);
    const preview = (await t.request('POST', '/api/import/preview', { file })).json;
    expect(preview.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'name',
      'tier',
      'person.name',
      'person.mobile',
      'lastContact',
      'nextContact',
    ]);
    expect((await commit(t, file, 'next-0001')).json).toMatchObject({ created: 4, invalid: 0 });

    const yunlong = await fileNamed(t, '云龙置业有限公司');
    // Its call, due a week after the last one, is overdue before that.
    expect(yunlong).toMatchObject({ appointment: '2026-12-10T01:00:00.000Z', nextCallDue: '2026-11-27T02:00:00.000Z' });
    // Spoken to, by the sheet's account: worked, as a call logged in the app makes a prospect.
    expect(yunlong.status).toBe('active');
    expect(await contactsOf(t, yunlong.id)).toEqual([
      {
        kind: 'call',
        at: '2026-11-20T02:00:00.000Z',
        summary: '上次联系（导入）',
        appointment: '2026-12-10T01:00:00.000Z',
      },
    ]);
    // No last contact: a note at the import fixes it, and the file's first call is still owed.
    const hengtai = await fileNamed(t, '恒泰建设有限公司');
    expect(hengtai).toMatchObject({ appointment: '2026-12-08T06:30:00.000Z', lastCallAt: null, status: 'prospect' });
    expect(await contactsOf(t, hengtai.id)).toEqual([
      { kind: 'note', at: NOW, summary: '下次联系（导入）', appointment: '2026-12-08T06:30:00.000Z' },
    ]);
    // A next contact before the last one was met by it: said, not an appointment.
    const jiahua = await fileNamed(t, '嘉华地产有限公司');
    expect(jiahua.appointment).toBeNull();
    expect(await contactsOf(t, jiahua.id)).toEqual([
      {
        kind: 'call',
        at: '2026-11-25T15:59:59.999Z',
        summary: '上次联系（导入）；下次联系：2026-11-20 09:00',
        appointment: null,
      },
    ]);
    // A plan not written as a date is kept as written; the row is not refused for it.
    const haiyi = await fileNamed(t, '海逸房地产有限公司');
    expect(haiyi).toMatchObject({ appointment: null, notes: '下次回访：春节后' });
    expect(await contactsOf(t, haiyi.id)).toEqual([]);

    // The same sheet again adds nothing.
    expect((await commit(t, file, 'next-0002')).json).toMatchObject({ created: 0, merged: 0, skipped: 4 });
    expect(await t.sql('select id from interactions')).toHaveLength(3);
  });

  it('makes a prospect on record worked when a sheet says it was spoken to; a status the row gives stands', async () => {
    const t = makeTestApp(NOW);
    const made = await t.request('POST', '/api/customers', {
      name: '恒泰建设有限公司',
      tier: 'B',
      website: 'https://www.hengtai.example.cn',
    });
    expect(made.json.status).toBe('prospect');
    const file = csvFile([
      '公司名称,网址,状态,上次联系',
      '恒泰建设有限公司,www.hengtai.example.cn,,2026-12-01 15:00',
      '嘉华地产有限公司,,潜在客户,2026-12-02 10:00',
    ]);
    expect((await commit(t, file, 'next-0008')).json).toMatchObject({ created: 1, merged: 1 });
    expect((await fileNamed(t, '恒泰建设有限公司')).status).toBe('active');
    expect((await fileNamed(t, '嘉华地产有限公司')).status).toBe('prospect');
  });

  it('undoing the contact an import logged takes back the status it set, not one the row gave', async () => {
    const t = makeTestApp(NOW);
    await t.request('POST', '/api/customers', {
      name: '恒泰建设有限公司',
      tier: 'B',
      website: 'https://www.hengtai.example.cn',
    });
    const file = csvFile([
      '公司名称,网址,状态,上次联系',
      '恒泰建设有限公司,www.hengtai.example.cn,,2026-12-01 15:00',
      '云龙置业有限公司,,,2026-12-02 10:00',
      '嘉华地产有限公司,,活跃,2026-12-03 10:00',
    ]);
    expect((await commit(t, file, 'next-0009')).json).toMatchObject({ created: 2, merged: 1 });
    const names = ['恒泰建设有限公司', '云龙置业有限公司', '嘉华地产有限公司'];
    for (const name of names) {
      const f = await fileNamed(t, name);
      expect(f.status).toBe('active');
      const contacts = (await t.sql(`select id from interactions where customer_id = ${f.id}`)) as { id: number }[];
      expect(contacts).toHaveLength(1);
      const id = contacts[0]?.id;
      expect((await t.request('DELETE', `/api/interactions/${id}`)).status).toBe(200);
    }
    // The prospect on record and the row that gave no status were made active by that contact.
    expect((await fileNamed(t, '恒泰建设有限公司')).status).toBe('prospect');
    expect((await fileNamed(t, '云龙置业有限公司')).status).toBe('prospect');
    // 活跃 was the sheet's word: the user's.
    expect((await fileNamed(t, '嘉华地产有限公司')).status).toBe('active');
  });

  it('fills a blank only: an appointment standing in the file stays, the sheet’s is said in the contact it adds', async () => {
    const t = makeTestApp(NOW);
    const made = await t.request('POST', '/api/customers', {
      name: '云龙置业有限公司',
      tier: 'A',
      website: 'https://www.yunlong.example.cn',
    });
    const call = await t.request('POST', '/api/interactions', {
      customerId: made.json.id,
      kind: 'call',
      at: '2026-12-04T02:00:00.000Z',
      appointment: '2026-12-09T02:00:00.000Z',
      idempotencyKey: 'call-0001',
    });
    expect(call.status).toBe(201);
    const file = csvFile(['公司名称,网址,下次跟进时间', '云龙置业有限公司,www.yunlong.example.cn,2026-12-20']);
    expect((await commit(t, file, 'next-0003')).json).toMatchObject({ merged: 1 });
    expect((await fileNamed(t, '云龙置业有限公司')).appointment).toBe('2026-12-09T02:00:00.000Z');
    expect(await contactsOf(t, made.json.id)).toContainEqual({
      kind: 'note',
      at: NOW,
      summary: '下次联系（导入）；下次联系：2026-12-20 09:00',
      appointment: null,
    });
  });

  it("fills the blank the row's own last contact leaves when it meets the standing appointment", async () => {
    const t = makeTestApp(NOW);
    const made = await t.request('POST', '/api/customers', {
      name: '云龙置业有限公司',
      tier: 'C',
      website: 'https://www.yunlong.example.cn',
    });
    await t.request('POST', '/api/interactions', {
      customerId: made.json.id,
      kind: 'call',
      at: '2026-12-01T02:00:00.000Z',
      appointment: '2026-12-04T02:00:00.000Z',
      idempotencyKey: 'call-0002',
    });
    // The call of 5 December (after the 4th's appointment) meets it and fixes the 12th.
    const file = csvFile([
      '公司名称,网址,上次联系,下次联系',
      '云龙置业有限公司,www.yunlong.example.cn,2026-12-05,2026-12-12',
    ]);
    expect((await commit(t, file, 'next-0004')).json).toMatchObject({ merged: 1 });
    expect(await fileNamed(t, '云龙置业有限公司')).toMatchObject({
      appointment: '2026-12-12T01:00:00.000Z',
      nextDue: '2026-12-12T01:00:00.000Z',
    });
  });

  it('a last contact without its hour makes the next call due on its day, not overdue before work', async () => {
    const t = makeTestApp('2026-12-09T00:30:00.000Z'); // Wednesday 08:30 in Shanghai
    const file = csvFile(['公司名称,客户等级,上次联系', '云龙置业有限公司,B,2026-12-02']);
    expect((await commit(t, file, 'next-0005')).json).toMatchObject({ created: 1 });
    const yunlong = await fileNamed(t, '云龙置业有限公司');
    expect(yunlong).toMatchObject({ lastCallAt: '2026-12-02T15:59:59.999Z', nextCallDue: '2026-12-09T15:59:59.999Z' });
    const board = (await t.request('GET', '/api/due?within=7d')).json;
    expect(board.overdue).toEqual([]);
    expect(board.today).toEqual([expect.objectContaining({ customerId: yunlong.id, reason: 'call' })]);
  });

  it('does not log twice a last contact already logged by hand; the next contact it fixed is still added', async () => {
    const t = makeTestApp(NOW);
    const first = csvFile(['公司名称,网址,联系人,上次联系', '云龙置业有限公司,www.yunlong.example.cn,李一,2026-11-20']);
    expect((await commit(t, first, 'next-0006')).json).toMatchObject({ created: 1 });
    const { id } = await fileNamed(t, '云龙置业有限公司');
    // Called in the app on Monday at 10:00 and on Tuesday; the sheet is brought up to date with the first.
    t.setNow('2026-12-08T04:00:00.000Z');
    for (const [at, key] of [
      ['2026-12-07T02:00:00.000Z', 'call-1207-0001'],
      ['2026-12-08T03:00:00.000Z', 'call-1208-0001'],
    ]) {
      const call = await t.request('POST', '/api/interactions', {
        customerId: id,
        kind: 'call',
        at,
        idempotencyKey: key,
      });
      expect(call.status).toBe(201);
    }
    const updated = csvFile([
      '公司名称,网址,联系人,上次联系,下次回访',
      '云龙置业有限公司,www.yunlong.example.cn,李一,2026-12-07 10:00,2026-12-14',
    ]);
    expect((await commit(t, updated, 'next-0007')).json).toMatchObject({ merged: 1 });
    expect(await contactsOf(t, id)).toEqual([
      { kind: 'call', at: '2026-11-20T15:59:59.999Z', summary: '上次联系（导入）', appointment: null },
      { kind: 'call', at: '2026-12-07T02:00:00.000Z', summary: null, appointment: null },
      {
        kind: 'note',
        at: '2026-12-07T02:00:00.000Z',
        summary: '下次联系（导入）',
        appointment: '2026-12-14T01:00:00.000Z',
      },
      { kind: 'call', at: '2026-12-08T03:00:00.000Z', summary: null, appointment: null },
    ]);
    expect(await fileNamed(t, '云龙置业有限公司')).toMatchObject({
      followUps: 3,
      appointment: '2026-12-14T01:00:00.000Z',
      status: 'active',
    });
  });

  it('reads a bare 下次联系 as the next contact in a sheet, and as the derived due date in Dossier’s own export', async () => {
    const t = makeTestApp(NOW);
    const hand = csvFile(['客户名称,联系人,下次联系', '云龙置业有限公司,李一,2026-12-15']);
    const columns = (await t.request('POST', '/api/import/preview', { file: hand })).json.columns;
    expect(columns.map((c: { field: string | null }) => c.field)).toEqual(['name', 'person.name', 'nextContact']);
    expect((await commit(t, hand, 'next-0004')).json).toMatchObject({ created: 1 });

    const res = await t.app.request('/api/export?entity=customers&format=csv&lang=zh', {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    const csv = await res.text();
    expect(csv).toContain('下次联系');
    const own = { filename: 'dossier-customers.csv', data: Buffer.from(csv, 'utf8').toString('base64') };
    const read = (await t.request('POST', '/api/import/preview', { file: own })).json.columns;
    expect(read.find((c: { header: string }) => c.header === '下次联系')).toMatchObject({ field: null });
  });
});
