import { CustomerCreate } from '@dossier/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgServer } from '../../db/pg/test-db.ts';
import { createCustomer, softDeleteCustomer, updateCustomer } from '../../services/customers.ts';
import { addPerson, removePerson } from '../../services/people.ts';
import { searchCustomers } from '../../services/search.ts';
import type { Viewer } from '../../services/visibility.ts';
import type { SearchHit } from '../search.ts';
import { BOSS, type Engines, engines, LI, onBoth, SETTINGS, T0, WANG } from './engines.test-helpers.ts';

/**
 * The search index kept by the services on both engines, and the same questions asked of both:
 * SQLite answers from FTS5 (trigrams, and its bigram column), PostgreSQL from pg_trgm and the
 * bigrams array. One and two characters are ranked by the same rule on both; three or more rank
 * by bm25 on SQLite, by length of name here, so those are compared as sets.
 */

const FILES = [
  {
    name: '嘉华贸易有限公司',
    owner: 'wang',
    phones: ['0516-8388 1234'],
    website: 'https://www.jiahua-trade.cn/',
    people: [{ name: '王建国', mobile: '139 1234 5678', email: 'Wang.JG@jiahua-trade.cn' }],
  },
  { name: '徐州嘉华融通置业有限公司', owner: 'li', emails: ['Sales@XZ-Land.com.cn'], people: [{ name: '李明' }] },
  { name: '华嘉置业', owner: 'wang', phones: ['+86 21 6123 4567'] },
  {
    name: 'Northwind Trading',
    owner: 'li',
    website: 'northwind.example.com',
    people: [{ name: 'Ann Lee', directLine: '021-5555 0101' }],
  },
  { name: 'JH Media 50%_off', owner: 'boss' },
  { name: '江河物流', owner: 'wang', people: [{ name: '嘉华' }] },
];

const NEEDLES = [
  '嘉华贸易',
  '嘉华融通',
  '贸易有',
  'jiahua',
  'JiaHua',
  'jhmy',
  'xz-land',
  'sales@xz',
  '12345678',
  '8388 1234',
  '61234567',
  '55550101',
  'northwind.example.com',
  'trading',
  'TRAD',
  'ann lee',
  '王建国',
  '50%',
  '%_o',
  '嘉华',
  '华嘉',
  '置业',
  'jh',
  'JH',
  'xz',
  'nw',
  '有限',
  '江河',
  '嘉',
  '华',
  'j',
  'n',
  '明',
  '%',
  '_',
];

let e: Engines;
const ids: number[] = [];
const bySet = (hits: SearchHit[]) => [...hits].sort((a, b) => a.id - b.id);

const ask = (viewer: Viewer, needle: string) => onBoth(e, (s) => searchCustomers(s, needle, 20, viewer));

describe.skipIf(!pgServer)('search on PostgreSQL', () => {
  beforeAll(async () => {
    e = await engines();
    const [a] = await onBoth(e, async (s) => {
      const out = [];
      for (const [i, f] of FILES.entries()) {
        const input = CustomerCreate.parse({ tier: 'B', ...f, allowDuplicate: true });
        out.push((await createCustomer(s, input, new Date(T0.getTime() + i * 1000), SETTINGS, BOSS)).customer.id);
      }
      return out;
    });
    ids.push(...a);
  });
  afterAll(() => e?.close());

  it('finds the same files in every field for every viewer', async () => {
    for (const viewer of [BOSS, WANG, LI]) {
      for (const needle of NEEDLES) {
        const [a, b] = await ask(viewer, needle);
        const three = [...needle].length >= 3;
        expect(three ? bySet(b) : b, `${viewer.name} ${needle}`).toEqual(three ? bySet(a) : a);
      }
    }
    const [, hits] = await ask(BOSS, '嘉华');
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining([ids[0], ids[1], ids[5]]));
    expect((await ask(BOSS, '12345678'))[1]).toEqual([expect.objectContaining({ id: ids[0], matched: 'phones' })]);
    expect((await ask(WANG, '嘉华融通'))[1]).toEqual([]);
  });

  it('ranks three characters or more by initials first, then the shortest name', async () => {
    const [, hits] = await ask(BOSS, '有限公');
    expect(hits.map((h) => h.name)).toEqual(['嘉华贸易有限公司', '徐州嘉华融通置业有限公司']);
  });

  it('keeps the index in step with renames, people and removals', async () => {
    const at = new Date(T0.getTime() + 86_400_000);
    await onBoth(e, async (s) => {
      await updateCustomer(s, ids[2] ?? 0, { name: '华嘉新城置业' }, at, SETTINGS, BOSS);
      const p = await addPerson(s, ids[3] ?? 0, { name: '嘉华 Smith', mobile: '13700001111' }, at);
      await removePerson(s, ids[1] ?? 0, (await s.customers.detail(ids[1] ?? 0, BOSS)).people[0]?.id ?? 0, at);
      await softDeleteCustomer(s, ids[5] ?? 0, at, BOSS);
      return p.id;
    });
    for (const needle of ['华嘉新城', '新城', 'hjxc', '嘉华', 'smith', '13700001111', '李明', '江河', '华嘉置业']) {
      const [a, b] = await ask(BOSS, needle);
      expect(bySet(b), needle).toEqual(bySet(a));
    }
    expect((await ask(BOSS, '江河'))[1]).toEqual([]);
    expect((await ask(BOSS, 'smith'))[1].map((h) => h.id)).toEqual([ids[3]]);
  });

  it('ranks by the name a file has now: the search row keeps it for ranking', async () => {
    const at = new Date(T0.getTime() + 2 * 86_400_000);
    await onBoth(e, (s) => updateCustomer(s, ids[1] ?? 0, { name: '融通有限公司' }, at, SETTINGS, BOSS));
    const [a, b] = await ask(BOSS, '有限公');
    expect(bySet(b)).toEqual(bySet(a));
    expect(b.map((h) => h.name)).toEqual(['融通有限公司', '嘉华贸易有限公司']);
    // A member who may not see the shorter one gets the next, not a shorter page.
    expect((await ask(WANG, '有限公'))[1].map((h) => h.name)).toEqual(['嘉华贸易有限公司']);
  });

  it('finds phone holders and duplicate candidates as SQLite does', async () => {
    for (const viewer of [BOSS, WANG, LI]) {
      for (const digits of ['12345678', '1234', '0101', '55550101', '12']) {
        const [a, b] = await onBoth(e, (s) => s.duplicates.phoneHolders(digits, viewer));
        expect(b, `${viewer.name} ${digits}`).toEqual(a);
      }
      const [a, b] = await onBoth(e, (s) => s.duplicates.candidates(viewer));
      expect(b, viewer.name).toEqual(a);
    }
    const [, holders] = await onBoth(e, (s) => s.duplicates.phoneHolders('12345678', BOSS));
    expect(holders.map((h) => h.id)).toEqual([ids[0]]);
  });
});
