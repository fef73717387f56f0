import { describe, expect, it } from 'vitest';
import { dumpAll, lostRows } from '../../dump.test-helpers.ts';
import { idem, makeTestApp, type TestApp } from '../../test-utils.ts';

const CREDIT = '91350100M000100Y43';

/** Member A's file: a credit code, a domain and a won parcel, plus a parcel on A's watch list. */
async function membersFile(t: TestApp) {
  const a = t.addUser('a', 'member');
  const b = t.addUser('b', 'member');
  const file = (
    await t.request(
      'POST',
      '/api/customers',
      { name: '甲方置业', tier: 'A', website: 'jiafang.cn', keys: [{ kind: 'credit_code', value: CREDIT }] },
      a.headers,
    )
  ).json;
  const land = (parcels: unknown[]) => ({
    url: 'https://land.example.gov.cn/result/1.html',
    kind: 'land',
    adapter: 'land-result-table',
    company: null,
    people: [],
    message: null,
    parcels,
  });
  await t.request(
    'POST',
    '/api/captures',
    {
      idempotencyKey: idem('a-land'),
      capture: land([
        { parcelNo: '徐土2026-18号', location: '和平路东侧', dealPrice: 100, winner: '甲方置业' },
        { parcelNo: '徐土2026-20号', location: '云龙湖北', startPrice: 50 },
      ]),
      target: { land: {} },
    },
    a.headers,
  );
  return { a, b, file, land };
}

// Rows that record a write itself, not the files it touched. B's own new rows are allowed;
// nothing that existed before may change.
const OWN = ['audit_log', 'captures'];
const aRows = (t: TestApp) => dumpAll(t, OWN);

describe("another member's natural keys", () => {
  it('a land capture with their parcel numbers changes nothing of theirs and reveals nothing', async () => {
    const t = makeTestApp();
    const { b, land } = await membersFile(t);
    const before = await aRows(t);
    const r = await t.request(
      'POST',
      '/api/captures',
      {
        idempotencyKey: idem('b-land'),
        capture: land([
          { parcelNo: '徐土2026-18号', location: '别处', dealPrice: 999, winner: '乙方地产' },
          { parcelNo: '徐土2026-20号', dealPrice: 77, winner: '乙方地产' },
        ]),
        target: { land: {} },
      },
      b.headers,
    );
    expect(r.status).toBe(201);
    const after = await aRows(t);
    // Every row that existed is exactly as it was; B's capture only added rows of its own.
    expect(lostRows(before, after)).toEqual({});
    const bParcels = await t.sql("select parcel_no, owner from parcels where owner = 'b'");
    expect(bParcels).toHaveLength(2);
    expect(JSON.stringify(r.json)).not.toContain('甲方');
  });

  it('a company capture with their credit code or domain neither joins nor names their file', async () => {
    const t = makeTestApp();
    const { b } = await membersFile(t);
    const before = await aRows(t);
    const r = await t.request(
      'POST',
      '/api/captures',
      {
        idempotencyKey: idem('b-co'),
        capture: {
          url: 'https://www.jiafang.cn/contact',
          kind: 'company',
          adapter: 'generic',
          company: {
            name: '甲方置业',
            creditCode: CREDIT,
            phones: ['0516-80000000'],
            faxes: [],
            emails: [],
            products: [],
          },
          people: [],
          message: null,
          parcels: [],
        },
        target: { new: { name: '甲方置业（乙的）', tier: 'C' } },
        addDomainKey: true,
      },
      b.headers,
    );
    expect(r.status).toBe(201);
    expect(r.json.added.keys).toBe(0);
    const after = await aRows(t);
    expect(lostRows(before, after)).toEqual({});
    const card = await t.request('GET', '/api/context?url=https%3A%2F%2Fwww.jiafang.cn%2F', undefined, b.headers);
    expect(card.json.customer).toBeNull();
  });

  it('an import with their credit code and domain creates B its own file and says nothing of theirs', async () => {
    const t = makeTestApp();
    const { b } = await membersFile(t);
    const before = await aRows(t);
    const csv = `客户名称,网址,统一社会信用代码\n甲方置业,https://jiafang.cn,${CREDIT}\n`;
    const r = await t.request(
      'POST',
      '/api/import/commit',
      { file: { filename: 'b.csv', data: Buffer.from(csv).toString('base64') }, idempotencyKey: 'b-import-0001' },
      b.headers,
    );
    expect(r.status).toBe(201);
    expect(r.json.rows[0]).toMatchObject({ outcome: 'created' });
    expect(JSON.stringify(r.json)).not.toMatch(/matchedBy|suggestion/);
    const after = await aRows(t);
    expect(lostRows(before, after)).toEqual({});
  });

  it('a capture replayed with another user’s idempotency key is a conflict, not their answer', async () => {
    const t = makeTestApp();
    const { b, land } = await membersFile(t);
    const key = idem('shared-key');
    const first = await t.request(
      'POST',
      '/api/captures',
      { idempotencyKey: key, capture: land([{ parcelNo: 'X-1', startPrice: 1 }]), target: { land: {} } },
      { authorization: `Bearer token-of-a-0123456789` },
    );
    expect(first.status).toBe(201);
    const r = await t.request(
      'POST',
      '/api/captures',
      { idempotencyKey: key, capture: land([{ parcelNo: 'X-1', startPrice: 1 }]), target: { land: {} } },
      b.headers,
    );
    expect([r.status, r.json.error.code]).toEqual([409, 'conflict']);
    expect(JSON.stringify(r.json)).not.toContain('X-1');
  });
});
