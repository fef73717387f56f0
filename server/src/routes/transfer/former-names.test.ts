import { describe, expect, it } from 'vitest';
import { makeTestApp } from '../../test-utils.ts';
import { commit, csvFile, fileNamed } from './test-helpers.ts';

// A company's former names (曾用名) through a registry's list, the export and back in.
const NOW = '2026-12-07T01:00:00.000Z';

describe('former names in and out of files', () => {
  it("reads a registry's 曾用名 column (a dash for none, commas inside names kept) and adds new ones to a file it merges into", async () => {
    const t = makeTestApp(NOW);
    const file = csvFile([
      '企业名称,曾用名,统一社会信用代码,电话',
      '徐州云龙城市发展有限公司,徐州恒泰置业有限公司；徐州恒泰房地产开发有限公司,91370200163562681G,0516-83331234',
      '"Haiyi Real Estate Co., Ltd.","Qingdao Haiyi Property Co., Ltd.",,',
      '江苏嘉华建设集团有限公司,-,,',
    ]);
    const preview = (await t.request('POST', '/api/import/preview', { file })).json;
    expect(preview.columns.map((c: { field: string | null }) => c.field)).toEqual([
      'name',
      'formerNames',
      'creditCode',
      'phones',
    ]);
    expect((await commit(t, file, 'former-0001')).json).toMatchObject({ created: 3, invalid: 0 });
    expect((await fileNamed(t, '徐州云龙城市发展有限公司')).formerNames).toEqual([
      '徐州恒泰置业有限公司',
      '徐州恒泰房地产开发有限公司',
    ]);
    expect((await fileNamed(t, 'Haiyi Real Estate Co., Ltd.')).formerNames).toEqual([
      'Qingdao Haiyi Property Co., Ltd.',
    ]);
    expect((await fileNamed(t, '江苏嘉华建设集团有限公司')).formerNames).toEqual([]);
    // The same company again (by its credit code) with a name it had before that: added, the kept ones stay.
    const again = csvFile([
      '企业名称,曾用名,统一社会信用代码',
      '徐州云龙城市发展有限公司,徐州恒泰实业有限公司,91370200163562681G',
    ]);
    expect((await commit(t, again, 'former-0002')).json).toMatchObject({ created: 0, merged: 1 });
    expect((await fileNamed(t, '徐州云龙城市发展有限公司')).formerNames).toEqual([
      '徐州恒泰置业有限公司',
      '徐州恒泰房地产开发有限公司',
      '徐州恒泰实业有限公司',
    ]);
  });

  it('offers the renamed file for a row naming its former name, never merging into it silently', async () => {
    const t = makeTestApp(NOW);
    const id = (await t.request('POST', '/api/customers', { name: '徐州恒泰置业有限公司', tier: 'B' })).json.id;
    await t.request('PATCH', `/api/customers/${id}`, { name: '徐州云龙城市发展有限公司' });
    const file = csvFile(['公司名称,联系人,手机', '徐州恒泰置业有限公司,周建国,13905161234']);
    const preview = (await t.request('POST', '/api/import/preview', { file })).json;
    expect(preview.proposals).toEqual([
      expect.objectContaining({
        row: 2,
        action: 'create',
        suggestion: { customerId: id, name: '徐州云龙城市发展有限公司' },
      }),
    ]);
  });

  it("joins a row naming a former name to the renamed file when the row's person's mobile is on it", async () => {
    const t = makeTestApp(NOW);
    const id = (
      await t.request('POST', '/api/customers', {
        name: '江苏嘉华融通科技有限公司',
        tier: 'B',
        people: [{ name: '李娜', mobile: '138 0000 0002' }],
      })
    ).json.id;
    await t.request('PATCH', `/api/customers/${id}`, { name: '江苏华融控股集团有限公司' });
    const file = csvFile(['公司名称,联系人,职务,手机', '江苏嘉华融通科技有限公司,李娜,董事长,13800000002']);
    expect((await commit(t, file, 'former-mobile')).json).toMatchObject({ created: 0, merged: 1 });
    const renamed = (await t.request('GET', `/api/customers/${id}`)).json;
    expect(renamed.people).toMatchObject([{ name: '李娜', title: '董事长' }]);
    expect((await t.request('GET', '/api/customers')).json.total).toBe(1);
  });

  it('exports them (曾用名 / Former names) and reads them back', async () => {
    const a = makeTestApp(NOW);
    const id = (await a.request('POST', '/api/customers', { name: '徐州恒泰置业有限公司', tier: 'A' })).json.id;
    await a.request('PATCH', `/api/customers/${id}`, { name: '徐州云龙城市发展有限公司' });
    const res = await a.app.request('/api/export?format=csv', {
      headers: { authorization: 'Bearer test-token-0123456789' },
    });
    const csv = Buffer.from(await res.arrayBuffer()).toString('utf8');
    expect(csv).toContain('曾用名');
    expect(csv).toContain('徐州恒泰置业有限公司');
    const b = makeTestApp(NOW);
    const back = await commit(b, { filename: 'export.csv', data: Buffer.from(csv).toString('base64') }, 'former-back');
    expect(back.json).toMatchObject({ created: 1, invalid: 0 });
    expect((await fileNamed(b, '徐州云龙城市发展有限公司')).formerNames).toEqual(['徐州恒泰置业有限公司']);
  });
});
