import { describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../test-utils.ts';

async function seed(t: TestApp) {
  for (const c of [
    { name: '嘉华融通置业有限公司', tier: 'A', website: 'xz-land.com.cn', phones: ['0516-87654321'] },
    { name: '江苏恒信建设集团有限公司', tier: 'B', emails: ['office@hengxin-js.cn'] },
    { name: 'Northwind Trading Co., Ltd.', tier: 'C', website: 'https://northwind-trading.com' },
    { name: '华融物业管理有限公司', tier: 'C', people: [{ name: '赵敏', mobile: '13952001234' }] },
  ]) {
    await t.request('POST', '/api/customers', c);
  }
}
const names = async (t: TestApp, q: string) =>
  ((await t.request('GET', `/api/search?q=${encodeURIComponent(q)}`)).json.results as { name: string }[]).map(
    (r) => r.name,
  );

describe('search', () => {
  it.each([
    ['jhrt', ['嘉华融通置业有限公司']],
    ['JHRT', ['嘉华融通置业有限公司']],
    ['jiahua', ['嘉华融通置业有限公司']],
    ['恒信', ['江苏恒信建设集团有限公司']],
    ['融通置业', ['嘉华融通置业有限公司']],
    ['northwind', ['Northwind Trading Co., Ltd.']],
    ['87654321', ['嘉华融通置业有限公司']],
    ['0516-8765', ['嘉华融通置业有限公司']],
    ['1395200', ['华融物业管理有限公司']],
    ['赵敏', ['华融物业管理有限公司']],
    ['华融', ['华融物业管理有限公司', '嘉华融通置业有限公司']],
    ['jh', ['嘉华融通置业有限公司']],
    ['hw', ['Northwind Trading Co., Ltd.']],
    ['dt', []],
    ['xz-land', ['嘉华融通置业有限公司']],
    ['hengxin-js.cn', ['江苏恒信建设集团有限公司']],
    // A whole number however it is written, a web address or a host.
    ['+86 139-5200-1234', ['华融物业管理有限公司']],
    ['0086 13952001234', ['华融物业管理有限公司']],
    ['+86 516 8765 4321', ['嘉华融通置业有限公司']],
    ['(0516) 8765-4321', ['嘉华融通置业有限公司']],
    ['https://www.xz-land.com.cn/about?x=1', ['嘉华融通置业有限公司']],
    ['www.xz-land.com.cn', ['嘉华融通置业有限公司']],
    ['hr.northwind-trading.com', ['Northwind Trading Co., Ltd.']],
  ])('%s finds %j', async (q, expected) => {
    const t = makeTestApp();
    await seed(t);
    expect(await names(t, q)).toEqual(expected);
  });

  it('finds two characters by their new name after a rename, by the old one only while it is kept as a former name', async () => {
    const t = makeTestApp();
    const c = (await t.request('POST', '/api/customers', { name: '嘉华融通置业有限公司', tier: 'A' })).json;
    expect(await names(t, '融通')).toEqual(['嘉华融通置业有限公司']);
    await t.request('PATCH', `/api/customers/${c.id}`, { name: '恒远物流有限公司' });
    expect(await names(t, '物流')).toEqual(['恒远物流有限公司']);
    expect(await names(t, '融通')).toEqual(['恒远物流有限公司']);
    await t.request('PATCH', `/api/customers/${c.id}`, { formerNames: [] });
    expect(await names(t, '融通')).toEqual([]);
  });

  it('finds a member’s own files by two characters however many others share them', async () => {
    const t = makeTestApp();
    const li = t.addUser('li', 'member');
    const zhang = t.addUser('zhang', 'member');
    // More of someone else's files with the piece, and older, than the search takes as candidates.
    for (let i = 0; i < 2050; i++)
      await t.request('POST', '/api/customers', { name: `恒信${i}号有限公司`, tier: 'C' }, zhang.headers);
    await t.request('POST', '/api/customers', { name: '嘉华置业有限公司', tier: 'A' }, li.headers);
    const found = async (q: string, headers: Record<string, string>) =>
      (
        (await t.request('GET', `/api/search?q=${encodeURIComponent(q)}`, undefined, headers)).json.results as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(await found('有限', li.headers)).toEqual(['嘉华置业有限公司']);
    expect((await found('有限', zhang.headers)).length).toBe(20);
  }, 60_000);

  it('finds a shop or a profile on a platform by its own address, not every file on the platform', async () => {
    const t = makeTestApp();
    for (const c of [
      { name: '华联五金商行', tier: 'B', website: 'https://hualian.1688.com/page/index.htm' },
      { name: '宏达塑料制品厂', tier: 'C', website: 'https://hongda.1688.com/' },
      { name: 'Acme Robotics GmbH', tier: 'A', website: 'https://www.linkedin.com/company/acme-robotics/' },
      { name: 'Beta Logistik AG', tier: 'B', website: 'https://de.linkedin.com/company/beta-logistik' },
    ]) {
      await t.request('POST', '/api/customers', c);
    }
    expect(await names(t, 'https://hualian.1688.com/page/offerlist.htm')).toEqual(['华联五金商行']);
    expect(await names(t, 'https://zhongxin.1688.com/')).toEqual([]);
    expect(await names(t, 'https://www.linkedin.com/company/acme-robotics/about/')).toEqual(['Acme Robotics GmbH']);
    expect(await names(t, 'linkedin.com/company/beta-logistik')).toEqual(['Beta Logistik AG']);
    expect(await names(t, 'https://www.linkedin.com/company/gamma-werke')).toEqual([]);
  });

  it.each([
    ['celine', ['Lefèvre Emballages SAS']],
    ['dupre', ['Lefèvre Emballages SAS']],
    ['lefevre', ['Lefèvre Emballages SAS']],
    ['Lefèvre', ['Lefèvre Emballages SAS']],
    // A wrong accent, or one on a name written without any, finds it too.
    ['Léfevre', ['Lefèvre Emballages SAS']],
    ['Hélène', ['Helene Roux Conseil']],
    ['muller', ['Müller Baustoffe GmbH']],
    ['mueller', ['Müller Baustoffe GmbH']],
    ['strassenbau', ['Straßenbau Kraus KG']],
    ['societe generale', ['Société Générale de Négoce']],
    ['negoce', ['Société Générale de Négoce']],
  ])('finds a Latin name without its accents, as people type it: %s finds %j', async (q, expected) => {
    const t = makeTestApp();
    for (const c of [
      { name: 'Lefèvre Emballages SAS', tier: 'B', people: [{ name: 'Céline Dupré' }] },
      { name: 'Müller Baustoffe GmbH', tier: 'C' },
      { name: 'Straßenbau Kraus KG', tier: 'C' },
      { name: 'Société Générale de Négoce', tier: 'C' },
      { name: 'Helene Roux Conseil', tier: 'C' },
    ]) {
      await t.request('POST', '/api/customers', c);
    }
    expect(await names(t, q)).toEqual(expected);
  });

  it('says which field matched', async () => {
    const t = makeTestApp();
    await seed(t);
    const r = await t.request('GET', '/api/search?q=jhrt');
    expect(r.json.results[0]).toMatchObject({ name: '嘉华融通置业有限公司', tier: 'A', matched: 'initials' });
  });

  it.each(['"', '*', 'a"b', 'NEAR(a b)', '((', 'name:x', '^abc', 'AND OR NOT', "'; drop table customers; --", '%_%'])(
    'treats FTS syntax %s as plain text (200, never 500)',
    async (q) => {
      const t = makeTestApp();
      await seed(t);
      const r = await t.request('GET', `/api/search?q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(Array.isArray(r.json.results)).toBe(true);
    },
  );

  it('asks for a query', async () => {
    const t = makeTestApp();
    expect((await t.request('GET', '/api/search?q=')).status).toBe(400);
    expect((await t.request('GET', '/api/search')).status).toBe(400);
  });
});
