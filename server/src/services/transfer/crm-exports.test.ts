import { describe, expect, it } from 'vitest';
import { readList } from './rows.test-helpers.ts';

// A CRM's exports that name each column's record before its field, built from Pipedrive's
// documented header convention ("Person - Name", "Organization - Address"); no sample copied.
const read = (lines: string[]) => readList(lines, 'export');

describe("a CRM's export that names each column's record (Pipedrive)", () => {
  it('reads its persons: the organization is the file, the rest the person, their other columns in their notes', () => {
    const { layout, list } = read([
      'Person - ID,Person - Name,Person - Label,Person - Organization,Person - Email - Work,Person - Email - Home,Person - Phone - Work,Person - Phone - Mobile,Person - Job title,Person - Open deals,Person - Last activity date,Person - Next activity date,Person - Visible to',
      '1,Anna Becker,Hot lead,Nordwind Logistik GmbH,anna.becker@nordwind-logistik.de,,+49 40 1234567,+49 171 2345678,Einkaufsleiterin,1,2026-11-20,2026-12-14,Entire company',
      '2,Li Wei,Warm lead,Shanghai Hengtai Trading Co. Ltd,liwei@hengtai-trade.cn,liwei@163.com,+86 21 5566 7788,+86 139 1234 5678,Purchasing Manager,0,,,Entire company',
    ]);
    expect(layout.headerIndex).toBe(0);
    const [anna, li] = list;
    expect(anna?.errors).toEqual([]);
    expect(anna?.fields).toMatchObject({ name: 'Nordwind Logistik GmbH', notes: null });
    expect(anna?.people).toEqual([
      {
        name: 'Anna Becker',
        title: 'Einkaufsleiterin',
        mobile: '+49 171 2345678',
        directLine: '+49 40 1234567',
        email: 'anna.becker@nordwind-logistik.de',
        preferences: 'Person - Label：Hot lead\nPerson - Open deals：1',
      },
    ]);
    expect(anna?.lastContact).toBe('2026-11-20T00:00:00.000');
    // The next activity planned with her is the appointment, at the start of that working day.
    expect(anna?.nextContact).toBe('2026-12-14T09:00:00.000');
    expect(li?.nextContact).toBeUndefined();
    expect(li?.fields.name).toBe('Shanghai Hengtai Trading Co. Ltd');
    expect(li?.people[0]).toMatchObject({
      name: 'Li Wei',
      email: 'liwei@hengtai-trade.cn',
      mobile: '+86 139 1234 5678',
    });
    expect(li?.people[0]?.preferences).toContain('其他邮箱：liwei@163.com');
  });

  it('reads its organizations, the header on the first row and not a label taken for it', () => {
    const { layout, list } = read([
      'Organization - ID,Organization - Name,Organization - Label,Organization - Address,Organization - Address - Street/road name of Address,Organization - Address - City/town/village/locality of Address,Organization - People,Organization - Website*,Organization - Next activity date',
      '7,Nordwind Logistik GmbH,Customer,"Am Sandtorkai 50, 20457 Hamburg, Germany",Am Sandtorkai,Hamburg,2,https://www.nordwind-logistik.de,2026-12-14 15:00',
      '8,Hafenbau AG,Hot lead,,Kehrwieder,Hamburg,1,,',
    ]);
    expect(layout.headerIndex).toBe(0);
    const [nordwind, hafenbau] = list;
    expect(nordwind?.errors).toEqual([]);
    expect(nordwind?.ref).toBe('7');
    expect(nordwind?.fields).toMatchObject({
      name: 'Nordwind Logistik GmbH',
      address: 'Am Sandtorkai 50, 20457 Hamburg, Germany',
      website: 'https://www.nordwind-logistik.de',
      notes: 'Organization - Label：Customer\nOrganization - People：2',
    });
    expect(nordwind?.nextContact).toBe('2026-12-14T15:00:00.000');
    // Without the whole address, its parts.
    expect(hafenbau?.fields.address).toBe('Kehrwieder, Hamburg');
  });

  it('reads its deals: the organization and the contact person of each', () => {
    const { list } = read([
      'Deal - Title,Deal - Value,Deal - Organization,Deal - Contact person,Deal - Stage,Person - Email',
      'Lagerhalle Ost,120000,Nordwind Logistik GmbH,Anna Becker,Proposal made,anna.becker@nordwind-logistik.de',
    ]);
    expect(list[0]?.errors).toEqual([]);
    expect(list[0]?.fields).toMatchObject({
      name: 'Nordwind Logistik GmbH',
      notes: 'Deal - Title：Lagerhalle Ost\nDeal - Value：120000\nDeal - Stage：Proposal made',
    });
    expect(list[0]?.people).toEqual([{ name: 'Anna Becker', email: 'anna.becker@nordwind-logistik.de' }]);
  });
});

describe('a cell that says nothing', () => {
  it('takes a cell that says there is nothing (-, 暂无, N/A, 无) as blank, not as a value that refuses the row', () => {
    const { list } = read([
      '客户名称,网站,邮箱,地址,备注,电话,联系人,手机',
      '恒通置业有限公司,-,暂无,暂无,无,0516-87654321,王建国,--',
      '嘉华地产有限公司,N/A,/,—,NULL,,/,',
    ]);
    const [hengtong, jiahua] = list;
    expect(hengtong?.errors).toEqual([]);
    expect(hengtong?.fields).toMatchObject({ website: null, emails: [], address: null, notes: null });
    expect(hengtong?.fields.phones).toEqual(['0516-87654321']);
    expect(hengtong?.people).toEqual([{ name: '王建国' }]);
    expect(jiahua?.errors).toEqual([]);
    expect(jiahua?.fields).toMatchObject({ name: '嘉华地产有限公司', website: null, address: null, notes: null });
    expect(jiahua?.people).toEqual([]);
    // A name that looks like a placeholder is a name (李娜 written Na Li; Nil).
    const names = read(['First Name,Last Name,Company', 'Na,Li,Yunlong Development', 'Nil,Demir,Demir Yapı']).list;
    expect(names.map((c) => c.people[0]?.name)).toEqual(['Na Li', 'Nil Demir']);
  });
});
