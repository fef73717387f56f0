import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fieldsOfHeaders, isAddressBook } from './columns.ts';
import { readCsv, readSheets, readXlsx } from './files.ts';
import { csv, readList } from './rows.test-helpers.ts';
import { candidates, chooseLayout, joinName } from './rows.ts';
import { inZone, parseDate, parseInstant, parsePhone, parseTier } from './values.ts';

// Address-book formats beyond the samples: the shapes the programs write in other versions and
// languages, built here from their documented headers (no sample file copied).
const read = (bytes: Buffer) => readList(bytes, 'book');

describe('address books in the shapes their programs write', () => {
  it("reads Thunderbird's export (Primary Email, Work Phone, Mobile Number, Work Address + Address 2, Web Page 1, a birthday in three columns)", () => {
    const { layout, list } = read(
      csv([
        // Thunderbird ends its header row with a comma.
        'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,',
        '建国,王,王建国,老王,wang@xz-land.com.cn,wjg@163.com,,0516-87654321,0516-83330000,0516-87654300,,13952000001,云龙区民主路1号,,徐州,江苏,221000,中国,中山北路88号,嘉华大厦12楼,徐州,江苏,221000,中国,总经理,销售部,徐州嘉华融通置业有限公司,http://www.xz-land.com.cn,http://wangjg.example.org,1968,5,12,,,,,"重要客户,喜欢喝茶",',
        'Ann,Lee,Ann Lee,,ann@lee-trading.com,,,+1 415 555 0100,,,,,,,,,,,1 Market St,,San Francisco,CA,94105,USA,Buyer,,Lee Trading LLC,lee-trading.com,,,3,9,,,,,,',
      ]),
    );
    expect(layout.book).toBe(true);
    const [wang, ann] = list;
    expect(wang?.errors).toEqual([]);
    expect(wang?.fields).toMatchObject({
      name: '徐州嘉华融通置业有限公司',
      website: 'http://www.xz-land.com.cn',
      address: '中山北路88号 嘉华大厦12楼, 徐州, 江苏 221000',
      phones: ['0516-87654321'],
      fax: ['0516-87654300'],
    });
    expect(wang?.people).toEqual([
      {
        name: '王建国',
        title: '总经理',
        mobile: '13952000001',
        directLine: '0516-87654321',
        email: 'wang@xz-land.com.cn',
        birthday: '1968-05-12',
        homeAddress: '云龙区民主路1号, 徐州, 江苏 221000',
        preferences: '重要客户,喜欢喝茶\n部门：销售部\n其他电话：0516-83330000\n其他邮箱：wjg@163.com',
      },
    ]);
    // No year of birth: kept as a day without one.
    expect(ann?.errors).toEqual([]);
    expect(ann?.fields).toMatchObject({
      name: 'Lee Trading LLC',
      address: '1 Market St, San Francisco, CA 94105, USA',
    });
    expect(ann?.people[0]).toMatchObject({ name: 'Ann Lee', email: 'ann@lee-trading.com', birthday: '1604-03-09' });
  });

  it('reads a list of people by first and last name as an address book: a hand-made sheet, a CRM report', () => {
    // Hand-made: the mobile and e-mail are the person's, not the company's.
    const plain = read(
      csv(['Company,First Name,Last Name,Mobile,Email', 'Acme Ltd,Jane,Doe,13800138000,jane@acme.example']),
    );
    expect(plain.layout.book).toBe(true);
    expect(plain.list[0]?.fields).toMatchObject({ name: 'Acme Ltd', phones: [] });
    expect(plain.list[0]?.people).toEqual([{ name: 'Jane Doe', mobile: '13800138000', email: 'jane@acme.example' }]);
    // Salesforce's contacts report (its documented columns; rows of our own), with its footer.
    const sf = read(
      csv([
        '"Account Name","First Name","Last Name","Title","Phone","Mobile","Email","Mailing Street","Mailing City","Mailing State/Province","Mailing Zip/Postal Code","Mailing Country","Birthdate","Contact Owner","Last Activity"',
        '"Qingdao Haiyi Real Estate Co., Ltd.","Jianhua","Liu","General Manager","+86 532 8588 7766","+86 135 6420 1188","liujh@hy-qd.example","195 Xianggang East Road","Qingdao","Shandong","266061","China","3/18/1975","Wei Chen","11/2/2026"',
        '',
        '"Grand Totals (3 records)"',
        '',
        '"Confidential Information - Do Not Distribute"',
        '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."',
      ]),
    );
    const [liu, ...footer] = sf.list;
    expect(liu?.errors).toEqual([]);
    expect(liu?.fields).toMatchObject({
      name: 'Qingdao Haiyi Real Estate Co., Ltd.',
      address: '195 Xianggang East Road, Qingdao, Shandong 266061',
    });
    expect(liu?.people).toEqual([
      {
        name: 'Jianhua Liu',
        title: 'General Manager',
        mobile: '+86 135 6420 1188',
        directLine: '+86 532 8588 7766',
        email: 'liujh@hy-qd.example',
        birthday: '1975-03-18',
        preferences: 'Contact Owner：Wei Chen',
      },
    ]);
    // Its last activity is the file's last contact, as a logged one (its next due counts from it).
    expect(liu?.lastContact).toBe('2026-11-02T00:00:00.000');
    // The report's total and footer lines are no customers: refused with the reason.
    expect(footer).toHaveLength(3);
    for (const f of footer) expect(f.errors[0]?.why).toMatch(/total or a footer/);
    // HubSpot's "Phone Number" is the contact's.
    const hs = read(
      csv([
        'Record ID,First Name,Last Name,Email,Phone Number,Job Title,Company Name,Contact owner,Last Activity Date,Next Activity Date',
        '901,Jianhua,Liu,liujh@hy-qd.example,+86 532 8588 7766,General Manager,Qingdao Haiyi Real Estate Co. Ltd.,Wei Chen,2026-11-02 10:15,2026-12-09 14:00',
      ]),
    );
    expect(hs.list[0]?.fields.name).toBe('Qingdao Haiyi Real Estate Co. Ltd.');
    expect(hs.list[0]?.people[0]).toMatchObject({
      name: 'Jianhua Liu',
      title: 'General Manager',
      directLine: '+86 532 8588 7766',
      preferences: 'Contact owner：Wei Chen',
    });
    expect(hs.list[0]?.lastContact).toBe('2026-11-02T10:15:00.000');
    expect(hs.list[0]?.nextContact).toBe('2026-12-09T14:00:00.000');
    expect(hs.list[0]?.ref).toBeNull();
  });

  it("takes a Chinese mobile in a list's plain phone column for the person's mobile, a landline for their direct line", () => {
    // A lead list in Salesforce's shape: one "Phone" column, whatever number the lead gave.
    const { list } = read(
      csv([
        'First Name,Last Name,Company,Email,Phone,Lead Status',
        'Wei,Zhang,Hengtai Real Estate,zhangwei@hengtai-re.example,139 0516 1234,Open',
        'Na,Li,Yunlong Development,lina@yunlong-dev.example,+86 516 8333 1234,Working',
        'Jun,Qian,Huaxia Building,,+86 139-0516-4321,Working',
        // North America's trunk 1: eleven digits that would read as a mainland mobile.
        'Cale,Beatty,Beatty Homes,,1-492-285-4397,Open',
      ]),
    );
    expect(list.map((c) => c.people[0])).toEqual([
      expect.objectContaining({ name: 'Wei Zhang', mobile: '139 0516 1234' }),
      expect.objectContaining({ name: 'Na Li', directLine: '+86 516 8333 1234' }),
      expect.objectContaining({ name: 'Jun Qian', mobile: '+86 139-0516-4321' }),
      expect.objectContaining({ name: 'Cale Beatty', directLine: '1-492-285-4397' }),
    ]);
    expect(list.map((c) => c.people[0]?.mobile)).toEqual(['139 0516 1234', undefined, '+86 139-0516-4321', undefined]);
    // Given a mobile of its own, the row's second mobile number stays its direct line.
    const both = read(csv(['First Name,Last Name,Mobile,Phone', 'Wei,Zhang,13905161234,13905169999']));
    expect(both.list[0]?.people[0]).toMatchObject({ mobile: '13905161234', directLine: '13905169999' });
    // Atomic CRM's phone_other with a North American number is no mobile: kept in the notes.
    const atomic = read(
      csv([
        'first_name,last_name,company_name,phone_work,phone_home,phone_other',
        'Barry,Schmitt,Abernathy,1-707-738-2876 x10765,,1-443-401-6341',
      ]),
    );
    expect(atomic.list[0]?.people[0]).toMatchObject({
      directLine: '1-707-738-2876 x10765',
      preferences: expect.stringContaining('1-443-401-6341'),
    });
    expect(atomic.list[0]?.people[0]?.mobile).toBeUndefined();
  });

  it("keeps a CRM's own columns of a contacts list in the person's notes, and the file's when no one is named", () => {
    // HubSpot's contacts in its documented import shape (rows of our own); Atomic CRM's export.
    const hs = read(
      csv([
        'Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Lead Status,Lead Source,Email Opt Out',
        '7,Mei,Zhao,zhao@hy-qd.example,Qingdao Haiyi,opportunity,In progress,Trade show 2026,',
        '8,,,,Yantai Port Group,lead,,Referral,',
      ]),
    );
    expect(hs.layout.mapping).toEqual([
      null,
      'person.givenName',
      'person.familyName',
      'person.emails',
      'name',
      'person.other',
      'person.other',
      'person.other',
      'person.other',
    ]);
    const [zhao, port] = hs.list;
    expect(zhao?.errors).toEqual([]);
    expect(zhao?.people[0]?.preferences).toBe(
      'Lifecycle Stage：opportunity\nLead Status：In progress\nLead Source：Trade show 2026',
    );
    expect(zhao?.fields.notes).toBeNull();
    // A row naming no contact is not refused for its contact's columns: they are the file's.
    expect(port?.errors).toEqual([]);
    expect(port?.people).toEqual([]);
    expect(port?.fields.notes).toBe('Lifecycle Stage：lead\nLead Source：Referral');
    const atomic = read(
      csv([
        'id,first_name,last_name,gender,background,has_newsletter,company_id,sales_id,company_name',
        '2,Shelley,Kerluke,female,Met at the Shanghai fair.,false,1,1,Gottlieb and Sons',
      ]),
    );
    // Its record numbers and a program setting (gender) are not kept.
    expect(atomic.list[0]?.people[0]?.preferences).toBe('background：Met at the Shanghai fair.\nhas_newsletter：false');
  });

  it('a 小计 line under a sheet is no customer', () => {
    const { list } = read(
      csv(['序号,客户名称,联系人,手机', '1,徐州某某置业有限公司,王经理,13952000001', '小计,3家,,']),
    );
    expect(list[1]?.errors[0]?.why).toMatch(/total or a footer/);
  });

  it("keeps a mail program's 部门, 家庭电话, QQ and 微信 columns with the person", () => {
    const { layout, list } = read(
      csv([
        '姓名,电子邮件,手机,公司,部门,职位,办公电话,家庭电话,QQ,微信,备注',
        `王建国,wang@xz-land.com.cn,13952000001,徐州嘉华融通置业有限公司,销售部,总经理,0516-87654321,0516-83330000,12345678,wjg1968,`,
        `李娜,lina@xz-land.com.cn,13852000002,徐州嘉华融通置业有限公司,,,,,,,`,
      ]),
    );
    expect(layout.mapping).toEqual([
      'person.name',
      'person.email',
      'person.mobile',
      'name',
      'person.department',
      'person.title',
      'phones',
      'person.phone',
      'person.other',
      'person.other',
      'notes',
    ]);
    expect(list[0]?.errors).toEqual([]);
    expect(list[0]?.fields).toMatchObject({ phones: ['0516-87654321'] });
    expect(list[0]?.people[0]?.preferences).toBe('部门：销售部\n其他电话：0516-83330000\nQQ：12345678\n微信：wjg1968');
  });

  it("keeps a sheet's own columns in the file's notes, and a mobile in its phone column beside a contact with the contact (名称, 联系人, 电话)", () => {
    const { layout, list } = read(
      csv([
        '序号,名称,联系人,电话,邮箱,微信,地址,类型,区域,需求,备注',
        '1,XX小区物业管理处,张经理,13800138001,,zhang_wx,上海市浦东新区XX路100号,物业,上海浦东,门禁系统改造,',
        '2,YY建材市场,李总,021-6488 1234; 13900139002,li@yy.com,,上海市闵行区YY路200号,市场,上海闵行,,预算10万左右',
      ]),
    );
    expect(layout.mapping).toEqual([
      null,
      'name',
      'person.name',
      'phones',
      'person.email',
      'person.other',
      'address',
      'other',
      'region',
      'other',
      'notes',
    ]);
    const [xx, yy] = list;
    expect(xx?.errors).toEqual([]);
    expect(xx?.fields).toMatchObject({ phones: [], notes: '类型：物业\n需求：门禁系统改造' });
    expect(xx?.people).toEqual([{ name: '张经理', mobile: '13800138001', preferences: '微信：zhang_wx' }]);
    expect(yy?.fields).toMatchObject({ phones: ['021-6488 1234'], notes: '预算10万左右\n类型：市场' });
    expect(yy?.people).toEqual([{ name: '李总', mobile: '13900139002', email: 'li@yy.com' }]);
  });

  it("keeps a CRM's Status column (warm, cold, in-contract) in the file's notes instead of refusing every row; a stray value in a real status column still refuses its row", () => {
    const crm = read(
      csv([
        'first_name,last_name,status,company_name,email_work',
        'Shelley,Kerluke,warm,Gottlieb and Sons,shelley@gottlieb.example',
        'Leah,Boehm,in-contract,Boehm Ltd,leah@boehm.example',
        'Ann,Lee,active,Lee Trading,ann@lee.example',
      ]),
    );
    expect(crm.layout.mapping[2]).toBe('other');
    expect(crm.list.map((c) => c.errors)).toEqual([[], [], []]);
    expect(crm.list[0]?.fields).toMatchObject({ status: 'prospect', notes: 'status：warm' });
    const own = read(csv(['公司名称,状态', '甲公司,合作中', '乙公司,签约', '丙公司,意向', '丁公司,热']));
    expect(own.layout.mapping[1]).toBe('status');
    expect(own.list.map((c) => c.fields.status)).toEqual(['active', 'signed', 'prospect', 'prospect']);
    expect(own.list[3]?.errors).toEqual([
      {
        row: 5,
        field: 'status',
        why: '"热" is not one of prospect, active, signed, lost',
        code: 'not_choice',
        value: '热',
        expected: 'prospect, active, signed, lost',
      },
    ]);
  });

  it('keeps an address book note of any length with its person, never cut at 2,000 characters', () => {
    const long = `${'每月25日后不要约她。'.repeat(300)}结束`;
    const { list } = read(
      csv([
        'First Name,Last Name,Company,Mobile Phone,E-mail Address,Notes',
        `Ann,Lee,Lee Trading LLC,+1 415 555 0101,ann@lee-trading.com,${long}`,
      ]),
    );
    expect(list[0]?.errors).toEqual([]);
    expect(list[0]?.people[0]?.preferences).toBe(long);
  });

  it("reads Thunderbird's British spellings (Organisation, Home County, Work Post Code)", () => {
    const { list } = read(
      csv([
        'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home County,Home Post Code,Home Country,Work Address,Work Address 2,Work City,Work County,Work Post Code,Work Country,Job Title,Department,Organisation,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes',
        'Tom,Hart,Tom Hart,,tom@hart-build.co.uk,,,020 7946 0000,,,,07700 900123,,,,,,,2 King St,,Leeds,West Yorkshire,LS1 2HL,UK,Director,,Hart Build Ltd,,,,,,,,,,',
      ]),
    );
    expect(list[0]?.errors).toEqual([]);
    expect(list[0]?.fields).toMatchObject({
      name: 'Hart Build Ltd',
      address: '2 King St, Leeds, West Yorkshire LS1 2HL, UK',
    });
    expect(list[0]?.people[0]).toMatchObject({ mobile: '07700 900123', directLine: '020 7946 0000' });
  });

  it("reads Google's older export (Given Name / Family Name / Group Membership / Organization 1 - Name / Phone 1 - Type)", () => {
    const { layout, list } = read(
      csv([
        'Name,Given Name,Additional Name,Family Name,Yomi Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Yomi Name,Organization 1 - Title,Organization 1 - Department,Website 1 - Type,Website 1 - Value',
        '张伟,伟,,张,,1980-02-29,,* My Contacts ::: B类,* Work,zhangwei@jiahe-bm.cn,Work,0516-8123 4567,Mobile,139 5200 0003,,徐州佳和建材有限公司,,销售总监,销售部,Work,jiahe-bm.cn',
        'Anna Müller,Anna,,Müller,,,,* My Contacts,* Home,anna@web.de,Mobile,+49 151 2345 6789,,,,,,,,,',
      ]),
    );
    expect(layout.book).toBe(true);
    const [zhang, anna] = list;
    expect(zhang?.errors).toEqual([]);
    expect(zhang?.fields).toMatchObject({ name: '徐州佳和建材有限公司', tier: 'B', website: 'jiahe-bm.cn' });
    expect(zhang?.people).toEqual([
      {
        name: '张伟',
        title: '销售总监',
        mobile: '139 5200 0003',
        directLine: '0516-8123 4567',
        email: 'zhangwei@jiahe-bm.cn',
        birthday: '1980-02-29',
        preferences: '部门：销售部',
      },
    ]);
    expect(anna?.unplaced).toBe(true);
    expect(anna?.people[0]).toMatchObject({ name: 'Anna Müller', mobile: '+49 151 2345 6789', email: 'anna@web.de' });
  });

  it('reads the Outlook CSV of a Chinese Outlook (headers in Chinese)', () => {
    const headers =
      '称谓,名,中间名,姓,尊称,公司,部门,职务,商务地址 街道,商务地址 街道 2,商务地址 市/县,商务地址 省/市/自治区,商务地址 邮政编码,商务地址 国家/地区,商务传真,商务电话,商务电话 2,公司代表电话,住宅电话,移动电话,生日,类别,电子邮件地址,电子邮件类型,电子邮件显示名称,附注,网页';
    const row =
      '"",建国,"",王,"",徐州佳和建材有限公司,"",总经理,和平路 88 号,"",徐州,江苏,221000,中国,0516-8123 4500,0516-8123 4501,"",0516-8123 4567,"",13952000001,1968/5/12,甲类客户,wang@jiahe-bm.cn,SMTP,王建国 (wang@jiahe-bm.cn),喜欢喝茶,www.jiahe-bm.cn';
    const utf8 = read(csv([headers, row]));
    expect(utf8.layout.mapping.slice(0, 8)).toEqual([
      null,
      'person.givenName',
      'person.middleName',
      'person.familyName',
      null,
      'name',
      'person.department',
      'person.title',
    ]);
    const [c] = utf8.list;
    expect(c?.errors).toEqual([]);
    expect(c?.fields).toMatchObject({
      name: '徐州佳和建材有限公司',
      tier: 'A',
      phones: ['0516-8123 4567'],
      fax: ['0516-8123 4500'],
      address: '和平路 88 号, 徐州, 江苏 221000',
      website: 'www.jiahe-bm.cn',
    });
    expect(c?.people).toEqual([
      {
        name: '王建国',
        title: '总经理',
        mobile: '13952000001',
        directLine: '0516-8123 4501',
        email: 'wang@jiahe-bm.cn',
        birthday: '1968-05-12',
        preferences: '喜欢喝茶',
      },
    ]);
  });

  it("reads an Outlook CSV and a CRM's sheet with headers in traditional characters, in Taiwan's words (行動電話, 聯絡人)", () => {
    const outlook = read(
      csv([
        '名字,中間名,姓氏,公司,部門,職稱,商務電話,商務傳真,住家電話,行動電話,電子郵件地址,網頁,生日,附註',
        '建華,,劉,台北海逸建設股份有限公司,業務部,總經理,02-2345-6789,02-2345-6790,,0912-345-678,liu@hy-tw.example,www.hy-tw.example,1968/5/12,重要客戶',
      ]),
    );
    expect(outlook.layout.mapping).toEqual([
      'person.givenName',
      'person.middleName',
      'person.familyName',
      'name',
      'person.department',
      'person.title',
      'person.directLine',
      'fax',
      'person.phone',
      'person.mobile',
      'person.emails',
      'website',
      'person.birthday',
      'person.preferences',
    ]);
    const [tw] = outlook.list;
    expect(tw?.errors).toEqual([]);
    expect(tw?.fields).toMatchObject({ name: '台北海逸建設股份有限公司', website: 'www.hy-tw.example' });
    expect(tw?.people).toEqual([
      expect.objectContaining({
        name: '劉建華',
        title: '總經理',
        mobile: '0912-345-678',
        directLine: '02-2345-6789',
        email: 'liu@hy-tw.example',
        birthday: '1968-05-12',
      }),
    ]);
    // A Taiwanese CRM's import sheet (its header as published; the row is ours).
    const sheet = readCsv(
      csv([
        '客戶姓名,行動電話,Email,LINE名稱,公司名稱,職稱,地址,生日,客戶分類,標籤,客戶狀態,最後聯絡日,下次追蹤日,備註,外部客戶編號',
        '王小明,0912345678,wang@hy-tw.example,wang-line,海逸建設,負責人,台北市信義路五段7號,1980-01-01,A,北區,,2026-11-20,,首次匯入,C001',
      ]),
      'crm',
    );
    const layout = chooseLayout([sheet]);
    const [row] = candidates([sheet], layout).list;
    expect(row?.errors).toEqual([]);
    expect(row?.fields).toMatchObject({ name: '海逸建設', tier: 'A', address: '台北市信義路五段7號' });
    expect(row?.people[0]).toMatchObject({ name: '王小明', mobile: '0912345678', title: '負責人' });
    expect(row?.lastContact).toBe('2026-11-20T00:00:00.000');
  });

  it("reads a newer Chinese Outlook's 92 columns by what each is, not by a word inside it (经理姓名 is no contact's name)", () => {
    const headers =
      '英文称谓,名,中间名,姓,中文称谓,单位,部门,职务,商务地址 街道,商务地址 街道 2,商务地址 街道 3,商务地址 市/县,商务地址 省/市/自治区,商务地址 邮政编码,商务地址 国家/地区,住宅地址 街道,住宅地址 街道 2,住宅地址 街道 3,住宅地址 市/县,住宅地址 省/市/自治区,住宅地址 邮政编码,住宅地址 国家/地区,其他地址 街道,其他地址 街道 2,其他地址 街道 3,其他地址 市/县,其他地址 省/市/自治区,其他地址 邮政编码,其他地址 国家/地区,助理的电话,商务传真,商务电话,商务电话 2,回电话,车载电话,单位主要电话,住宅传真,住宅电话,住宅电话 2,ISDN,移动电话,其他传真,其他电话,寻呼机,主要电话,无绳电话,TTY/TDD 电话,电报,Internet 忙闲,办公地点,地点,电子邮件地址,电子邮件类型,电子邮件显示名称,电子邮件 2 地址,电子邮件 2 类型,电子邮件 2 显示名,电子邮件 3 地址,电子邮件 3 类型,电子邮件 3 显示名,附注,工作证号码,关键词,记帐信息,纪念日,经理姓名,类别,里程,敏感度,目录服务器,配偶,其他地址 - 邮箱,商务地址 - 邮箱,身份证编号,生日,私有,缩写,网页,性别,业余爱好,引用者,用户 1,用户 2,用户 3,用户 4,优先级,语言,帐户,职业,助理的姓名,住宅地址 - 邮箱,子女'.split(
        ',',
      );
    const cells: Record<string, string> = {
      名: '志强',
      姓: '陈',
      单位: '济南鲁能泰山置业有限公司',
      职务: '采购主管',
      '商务地址 街道': '经十路 17703 号',
      '商务地址 市/县': '济南',
      助理的电话: '0531-8612 3400',
      商务电话: '0531-8612 3499',
      车载电话: '13905310000',
      住宅传真: '0531-8800 0000',
      移动电话: '18653100002',
      电子邮件地址: 'chenzq@lunengtaishan.cn',
      电子邮件类型: 'SMTP',
      电子邮件显示名称: '陈志强 (chenzq@lunengtaishan.cn)',
      '电子邮件 2 地址': 'chenzq68@163.com',
      '电子邮件 2 类型': 'SMTP',
      '电子邮件 2 显示名': '陈志强 (chenzq68@163.com)',
      纪念日: '0/0/00',
      经理姓名: '刘总',
      身份证编号: '370102196801010000',
      生日: '1968/1/1',
      性别: '未指定',
      优先级: '普通',
      敏感度: '普通',
      业余爱好: '钓鱼',
    };
    const { layout, list } = read(
      csv([headers.map((h) => `"${h}"`).join(','), headers.map((h) => `"${cells[h] ?? ''}"`).join(',')]),
    );
    const field = (h: string) => layout.mapping[headers.indexOf(h)];
    expect(['经理姓名', '助理的电话', '车载电话', '住宅传真', '业余爱好'].map(field)).toEqual(
      Array(5).fill('person.other'),
    );
    expect(['电子邮件 2 类型', '电子邮件 2 显示名', '身份证编号', '性别', '优先级', '英文称谓'].map(field)).toEqual(
      Array(6).fill(null),
    );
    const [c] = list;
    expect(c?.errors).toEqual([]);
    expect(c?.fields).toMatchObject({
      name: '济南鲁能泰山置业有限公司',
      address: '经十路 17703 号, 济南',
      phones: ['0531-8612 3499'],
      fax: [],
    });
    expect(c?.people).toEqual([
      {
        name: '陈志强',
        title: '采购主管',
        mobile: '18653100002',
        directLine: '0531-8612 3499',
        email: 'chenzq@lunengtaishan.cn',
        birthday: '1968-01-01',
        preferences:
          '其他邮箱：chenzq68@163.com\n助理的电话：0531-8612 3400\n车载电话：13905310000\n住宅传真：0531-8800 0000\n经理姓名：刘总\n业余爱好：钓鱼',
      },
    ]);
  });

  it("reads a German Outlook's export (its columns in German, cp1252, dates day first)", () => {
    const headers =
      'Anrede,Vorname,Weitere Vornamen,Nachname,Suffix,Firma,Abteilung,Position,Straße geschäftlich,Straße geschäftlich 2,Straße geschäftlich 3,Ort geschäftlich,Region geschäftlich,Postleitzahl geschäftlich,Land/Region geschäftlich,Straße privat,Ort privat,Postleitzahl privat,Telefon Assistent,Fax geschäftlich,Telefon geschäftlich,Telefon geschäftlich 2,Autotelefon,Telefon Firma,Telefon (privat),Mobiltelefon,Haupttelefon,E-Mail-Adresse,E-Mail-Typ,E-Mail: Angezeigter Name,E-Mail 2: Adresse,E-Mail 2: Typ,E-Mail 2: Angezeigter Name,Geburtstag,Geschlecht,Jahrestag,Kategorien,Name des/r Vorgesetzten,Notizen,Priorität,Privat,Vertraulichkeit,Webseite'.split(
        ',',
      );
    const cells: Record<string, string> = {
      Anrede: 'Herr',
      Vorname: 'Klaus',
      Nachname: 'Müller',
      Firma: 'Müller Baustoffe GmbH',
      Abteilung: 'Einkauf',
      Position: 'Einkaufsleiter',
      'Straße geschäftlich': 'Hauptstraße 12',
      'Ort geschäftlich': 'Würzburg',
      'Region geschäftlich': 'Bayern',
      'Postleitzahl geschäftlich': '97070',
      'Land/Region geschäftlich': 'Deutschland',
      'Straße privat': 'Gartenweg 3',
      'Ort privat': 'Würzburg',
      'Fax geschäftlich': '+49 931 555010',
      'Telefon geschäftlich': '+49 931 555011',
      'Telefon Firma': '+49 931 5550',
      'Telefon (privat)': '+49 931 777888',
      Mobiltelefon: '+49 170 5550123',
      'E-Mail-Adresse': 'k.mueller@mueller-baustoffe.de',
      'E-Mail-Typ': 'SMTP',
      'E-Mail: Angezeigter Name': 'Klaus Müller (k.mueller@mueller-baustoffe.de)',
      Geburtstag: '3.4.1970',
      Geschlecht: 'Nicht angegeben',
      Jahrestag: '0.0.00',
      Kategorien: 'A-Kunde',
      'Name des/r Vorgesetzten': 'Sabine Schäfer',
      Notizen: 'Trinkt gern Tee',
      Priorität: 'Normal',
      Privat: 'Aus',
      Vertraulichkeit: 'Normal',
      Webseite: 'www.mueller-baustoffe.de',
    };
    const text = `${headers.map((h) => `"${h}"`).join(',')}\r\n${headers.map((h) => `"${cells[h] ?? ''}"`).join(',')}\r\n`;
    // Windows' Western code page: ü, ä and ß are one byte each, as in Latin-1.
    const { layout, list } = read(Buffer.from(text, 'latin1'));
    expect(layout.book).toBe(true);
    const [c] = list;
    expect(c?.errors).toEqual([]);
    expect(c?.fields).toMatchObject({
      name: 'Müller Baustoffe GmbH',
      tier: 'A',
      address: 'Hauptstraße 12, Würzburg, Bayern 97070, Deutschland',
      phones: ['+49 931 5550'],
      fax: ['+49 931 555010'],
      website: 'www.mueller-baustoffe.de',
    });
    expect(c?.people).toEqual([
      {
        name: 'Klaus Müller',
        title: 'Einkaufsleiter',
        mobile: '+49 170 5550123',
        directLine: '+49 931 555011',
        email: 'k.mueller@mueller-baustoffe.de',
        birthday: '1970-04-03',
        homeAddress: 'Gartenweg 3, Würzburg',
        preferences:
          'Trinkt gern Tee\n部门：Einkauf\n其他电话：+49 931 777888\nName des/r Vorgesetzten：Sabine Schäfer',
      },
    ]);
  });

  // The header rows French Outlooks write (an older one: Adresse de messagerie, Pays (bureau); a
  // newer one: Adresse de courrier, Pays/Région (bureau)), as public programs that exchange
  // contacts with Outlook spell them. Both call the salutation and the job "Titre".
  const frenchOutlook = (newer: boolean) => {
    const mail = newer ? 'courrier' : 'messagerie';
    const country = newer ? 'Pays/Région' : 'Pays';
    const address = (where: string) => [
      `Rue (${where})`,
      `Rue (${where}) 2`,
      `Rue (${where}) 3`,
      `Ville (${where})`,
      `Dép/Région (${where})`,
      `Code postal (${where})`,
      `${country} (${where})`,
    ];
    return [
      'Titre',
      'Prénom',
      'Deuxième prénom',
      'Nom',
      'Suffixe',
      'Société ',
      'Service ',
      'Titre',
      ...address('bureau'),
      ...address('domicile'),
      ...address('autre'),
      "Téléphone de l'assistant(e)",
      'Télécopie (bureau)',
      'Téléphone (bureau)',
      'Téléphone 2 (bureau)',
      'Rappel',
      'Téléphone (voiture)',
      'Téléphone société',
      'Télécopie (domicile)',
      'Téléphone (domicile)',
      'Téléphone 2 (domicile)',
      'RNIS',
      'Tél. mobile',
      'Télécopie (autre)',
      'Téléphone (autre)',
      'Récepteur de radiomessagerie',
      'Téléphone principal',
      newer ? 'Radiotéléphone' : 'Radio téléphone',
      'Téléphone TDD/TTY',
      'Télex',
      `Adresse de ${mail}`,
      `Type de ${mail}`,
      `Nom complet de l'adresse de ${mail}`,
      `Adresse de ${mail} 2`,
      `Type de ${mail} 2`,
      `Nom complet de l'adresse de ${mail} 2`,
      'Anniversaire',
      'Anniversaire de mariage ou fête',
      'Autre boîte postale',
      'B.P. professionnelle',
      'Boîte postale du domicile',
      'Bureau',
      'Catégories',
      newer ? 'Numéro d’identification d’administration publique' : 'Code gouvernement',
      'Compte',
      'Conjoint(e)',
      'Critère de diffusion',
      'Disponibilité Internet',
      'Emplacement',
      'Enfants',
      'Informations facturation',
      'Initiales',
      'Kilométrage',
      'Langue',
      'Mots clés',
      "Nom de l'assistant(e)",
      'Notes',
      "Numéro d'identification de l'organisation",
      newer ? 'Page web' : 'Page Web',
      'Passe-temps',
      'Priorité',
      'Privé',
      'Profession',
      'Recommandé par',
      'Responsable',
      newer ? 'Serveur d’annuaire' : "Serveur d'annuaire",
      'Sexe',
      'Utilisateur 1',
      'Utilisateur 2',
      'Utilisateur 3',
      'Utilisateur 4',
    ];
  };

  it.each([false, true])(
    "reads a French Outlook's export (newer: %s): its columns in French, the second Titre the job, cp1252, dates day first",
    (newer) => {
      const headers = frenchOutlook(newer);
      const mail = newer ? 'courrier' : 'messagerie';
      const country = newer ? 'Pays/Région' : 'Pays';
      const cells = (values: Record<string, string>, job: string) =>
        headers.map((h, j) => (j === headers.lastIndexOf('Titre') ? job : (values[h] ?? '')));
      const celine = cells(
        {
          Titre: 'Mme',
          Prénom: 'Céline',
          Nom: 'Dupré',
          'Société ': 'Lefèvre Emballages SAS',
          'Service ': 'Achats',
          'Rue (bureau)': '12 rue des Écoles',
          'Ville (bureau)': 'Lyon',
          'Code postal (bureau)': '69002',
          [`${country} (bureau)`]: 'France',
          'Rue (domicile)': '3 allée des Tilleuls',
          'Ville (domicile)': 'Villeurbanne',
          'Télécopie (bureau)': '04 72 10 20 31',
          'Téléphone (bureau)': '04 72 10 20 30',
          'Téléphone société': '04 72 10 20 00',
          'Téléphone (domicile)': '04 78 00 00 01',
          'Tél. mobile': '06 12 34 56 78',
          [`Adresse de ${mail}`]: 'c.dupre@lefevre-emballages.fr',
          [`Type de ${mail}`]: 'SMTP',
          [`Nom complet de l'adresse de ${mail}`]: 'Céline Dupré (c.dupre@lefevre-emballages.fr)',
          Anniversaire: '03/04/1970',
          'Anniversaire de mariage ou fête': '0/0/00',
          Catégories: 'Clients A',
          'Critère de diffusion': 'Normal',
          Notes: 'Rencontrée au salon de Lyon',
          [newer ? 'Page web' : 'Page Web']: 'www.lefevre-emballages.fr',
          Priorité: 'Normale',
          Privé: 'Faux',
          Responsable: 'Paul Martin',
          Sexe: 'Féminin',
        },
        'Responsable achats',
      );
      const quote = (v: string) => `"${v}"`;
      const text = `${[headers, celine].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
      // Windows' Western code page, as Outlook writes its CSV: é and è as in Latin-1, ’ as 0x92.
      const { layout, list } = read(Buffer.from(text.replaceAll('’', '\x92'), 'latin1'));
      expect(layout.book).toBe(true);
      const [c] = list;
      expect(c?.errors).toEqual([]);
      expect(c?.fields).toMatchObject({
        name: 'Lefèvre Emballages SAS',
        tier: 'A',
        address: '12 rue des Écoles, Lyon, 69002, France',
        phones: ['04 72 10 20 00'],
        fax: ['04 72 10 20 31'],
        website: 'www.lefevre-emballages.fr',
      });
      expect(c?.people).toEqual([
        {
          name: 'Céline Dupré',
          title: 'Responsable achats',
          mobile: '06 12 34 56 78',
          directLine: '04 72 10 20 30',
          email: 'c.dupre@lefevre-emballages.fr',
          birthday: '1970-04-03',
          homeAddress: '3 allée des Tilleuls, Villeurbanne',
          preferences: 'Rencontrée au salon de Lyon\n部门：Achats\n其他电话：04 78 00 00 01\nResponsable：Paul Martin',
        },
      ]);
    },
  );

  it("reads Outlook.com's export: the same columns in alphabetical order, Business Country instead of Country/Region", () => {
    const header = [
      'Business City',
      'Business Country',
      'Business Fax',
      'Business Phone',
      'Business Phone 2',
      'Business Postal Code',
      'Business State',
      'Business Street',
      'Business Street 2',
      'Business Street 3',
      'Callback',
      'Car Phone',
      'Company',
      'Company Main Phone',
      'Department',
      'E-mail Address',
      'E-mail Display Name',
      'E-mail Type',
      'E-mail 2 Address',
      'E-mail 2 Display Name',
      'E-mail 2 Type',
      'First Name',
      'Home City',
      'Home Country',
      'Home Phone',
      'Home Street',
      'Initials',
      'Job Title',
      'Last Name',
      'Middle Name',
      'Mobile Phone',
      'Notes',
      'Suffix',
      'Title',
      'Web Page',
    ];
    const cells: Record<string, string> = {
      'Business City': 'Hamburg',
      'Business Country': 'Germany',
      'Business Phone': '+49 40 1234 5670',
      'Business Postal Code': '20095',
      'Business Street': 'Mönckebergstraße 7',
      Company: 'Nordlicht Handels GmbH',
      'Company Main Phone': '+49 40 1234 5600',
      'E-mail Address': 'k.berg@nordlicht-handel.de',
      'E-mail 2 Address': 'karin.berg@gmail.com',
      'First Name': 'Karin',
      'Home City': 'Hamburg',
      'Home Street': 'Elbchaussee 1',
      'Job Title': 'Einkauf',
      'Last Name': 'Berg',
      'Mobile Phone': '+49 170 1234567',
      Title: 'Dr.',
      'Web Page': 'https://nordlicht-handel.de',
    };
    const quote = (v: string) => `"${v}"`;
    const { list } = read(csv([header.map(quote).join(','), header.map((h) => quote(cells[h] ?? '')).join(',')]));
    const [c] = list;
    expect(c?.errors).toEqual([]);
    expect(c?.fields).toMatchObject({
      name: 'Nordlicht Handels GmbH',
      phones: ['+49 40 1234 5600'],
      address: 'Mönckebergstraße 7, Hamburg, 20095, Germany',
      website: 'https://nordlicht-handel.de',
    });
    expect(c?.people).toEqual([
      {
        name: 'Karin Berg',
        title: 'Einkauf',
        mobile: '+49 170 1234567',
        directLine: '+49 40 1234 5670',
        email: 'k.berg@nordlicht-handel.de',
        homeAddress: 'Elbchaussee 1, Hamburg',
        preferences: '其他邮箱：karin.berg@gmail.com',
      },
    ]);
  });

  it('finds the header under a title row in a hand-made CSV, with its own words for the last contact', () => {
    const { layout, list } = read(
      csv([
        '2026 年客户名单（李经理）,,,,',
        '单位名称,联系人,手机号码,客户分类,最近联系时间',
        '常州龙城置业有限公司,周丽,13915000002,b,2026年11月20日 14:30',
      ]),
    );
    expect(layout.headerIndex).toBe(1);
    expect(layout.mapping).toEqual(['name', 'person.name', 'person.mobile', 'tier', 'lastContact']);
    expect(list[0]).toMatchObject({ fields: { tier: 'B' }, lastContact: '2026-11-20T14:30:00.000' });
    expect(inZone('2026-11-20T14:30:00.000', 'Asia/Shanghai')).toBe('2026-11-20T06:30:00.000Z');
    expect(inZone('2026-07-01T09:00:00.000', 'Europe/Berlin')).toBe('2026-07-01T07:00:00.000Z');
  });

  it('reads a company merged down the rows of its contacts as the company of each row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['华东区客户（王经理）']);
    ws.addRow(['客户名称', '联系人', '手机', '等级']);
    ws.addRow(['徐州恒达置业有限公司', '王海涛', 13952101234, 'A']);
    ws.addRow([null, '李娜', 18952105678, null]);
    ws.addRow(['常州龙城置业有限公司', '周丽', 13915000002, 'b']);
    ws.mergeCells('A1:D1');
    ws.mergeCells('A3:A4');
    ws.mergeCells('D3:D4');
    const grids = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    const layout = chooseLayout(grids);
    expect(layout.headerIndex).toBe(1);
    const { list } = candidates(grids, layout);
    expect(list.map((c) => [c.fields.name, c.fields.tier, c.people[0]?.name, c.people[0]?.mobile])).toEqual([
      ['徐州恒达置业有限公司', 'A', '王海涛', '13952101234'],
      ['徐州恒达置业有限公司', 'A', '李娜', '18952105678'],
      ['常州龙城置业有限公司', 'B', '周丽', '13915000002'],
    ]);
    // The title merged across the columns stays in its one cell.
    expect(grids[0]?.rows[0]).toEqual(['华东区客户（王经理）']);
  });

  it("reads a company's own card (macOS Contacts, show as company) as the company, with no person named after it", async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:;;;;',
      'FN:Muster Bau AG',
      'ORG:Muster Bau AG;',
      'item1.ADR;type=WORK;type=pref:;;Bahnhofstrasse 1;Zürich;;8001;Switzerland',
      'item2.URL;type=pref:http\\://www.muster-bau.ch',
      'X-ABShowAs:COMPANY',
      'END:VCARD',
      '',
    ].join('\r\n');
    const grids = await readSheets(Buffer.from(vcf), 'company.vcf');
    const [card] = candidates(grids, chooseLayout(grids)).list;
    expect(card?.errors).toEqual([]);
    expect(card?.fields).toMatchObject({ name: 'Muster Bau AG', website: 'http://www.muster-bau.ch' });
    expect(card?.people).toEqual([]);
  });

  it('keeps a card whose number is too short to dial (短号, extension, "800") or whose address mail’s old form refuses: as written, in the notes', async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:白天鹅李利',
      'TEL;WORK:1872',
      'TEL;CELL:13912345678',
      'TEL;CELL:13912345679',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:刘江南短号',
      'TEL;CELL:2039',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Rudi Wimmel',
      'ORG:Wurstdarm KG',
      'TEL;TYPE=WORK,VOICE:0987 /6543',
      'EMAIL;TYPE=INTERNET:blablö@blub.com',
      'END:VCARD',
      '',
    ].join('\r\n');
    const grids = await readSheets(Buffer.from(vcf), 'book.vcf');
    const [li, liu, rudi] = candidates(grids, chooseLayout(grids)).list;
    expect([li?.errors, liu?.errors, rudi?.errors]).toEqual([[], [], []]);
    expect(li?.people).toEqual([
      { name: '白天鹅李利', mobile: '13912345678', preferences: '其他电话：13912345679; 1872' },
    ]);
    expect(liu?.people).toEqual([{ name: '刘江南短号', preferences: '其他电话：2039' }]);
    // "0987 /6543": an area code and its number, one number (the slash does not part two).
    expect(rudi?.fields).toMatchObject({ name: 'Wurstdarm KG' });
    expect(rudi?.people).toEqual([
      { name: 'Rudi Wimmel', directLine: '0987 /6543', preferences: '其他邮箱：blablö@blub.com' },
    ]);
    // A sheet's company number alike, in the file's notes.
    const sheet = await readSheets(Buffer.from('公司名称,电话\n徐州佳和建材有限公司,800；0516-87654321\n'), 'list.csv');
    const [row] = candidates(sheet, chooseLayout(sheet)).list;
    expect(row?.errors).toEqual([]);
    expect(row?.fields).toMatchObject({ phones: ['0516-87654321'], notes: '其他电话：800' });
  });

  it('reads a vCard file as rows: a card that cannot be read is a row refused with its reason, not a silent gap', async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:赵敏',
      'N:赵;敏;;;',
      'ORG:徐州佳和建材有限公司;财务部',
      'EMAIL;TYPE=INTERNET:zhaomin-at-jiahe',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:钱进',
      'ORG:徐州佳和建材有限公司',
      'TEL;TYPE=CELL:139 5200 0009',
      'TEL;TYPE=WORK,FAX:0516-8123 4500',
      'END:VCARD',
      '',
    ].join('\r\n');
    const grids = await readSheets(Buffer.from(vcf), 'book.vcf');
    const layout = chooseLayout(grids);
    expect(layout.book).toBe(true);
    const [bad, ok] = candidates(grids, layout).list;
    expect(bad?.errors).toEqual([
      {
        row: 2,
        field: 'person.email',
        why: '"zhaomin-at-jiahe" is not an e-mail address',
        code: 'not_email',
        value: 'zhaomin-at-jiahe',
      },
    ]);
    expect(ok?.errors).toEqual([]);
    expect(ok?.fields).toMatchObject({ name: '徐州佳和建材有限公司', fax: ['0516-8123 4500'] });
    expect(ok?.people).toEqual([{ name: '钱进', mobile: '139 5200 0009' }]);
  });

  it("reads vCard 4.0's tel: URIs with their extension (RFC 6350's own example card), not refused over ';ext='", async () => {
    const vcf = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Simon Perreault',
      'ORG;TYPE=work:Viagenie',
      'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+1-418-656-9254;ext=102',
      'TEL;VALUE=uri;TYPE="work,cell,voice,video,text":tel:+1-418-262-6501',
      'TEL;VALUE=uri;TYPE=fax:tel:%2B1-418-656-9255;phone-context=example.com',
      'END:VCARD',
      '',
    ].join('\r\n');
    const grids = await readSheets(Buffer.from(vcf), 'book.vcf');
    const [card] = candidates(grids, chooseLayout(grids)).list;
    expect(card?.errors).toEqual([]);
    expect(card?.fields).toMatchObject({ name: 'Viagenie', fax: ['+1-418-656-9255'] });
    expect(card?.people).toEqual([
      { name: 'Simon Perreault', mobile: '+1-418-262-6501', directLine: '+1-418-656-9254 ext. 102' },
    ]);
    expect(parsePhone('+1-418-656-9254 ext. 102')).toEqual({ ok: true, value: '+1-418-656-9254 ext. 102' });
  });
  it('tells an address book from a customer list, and joins names in the order of their script', () => {
    expect(isAddressBook(['客户名称', '联系人', '手机', '电话'])).toBe(false);
    expect(isAddressBook(['First Name', 'Last Name', 'Company', 'Mobile Phone'])).toBe(true);
    // Outside an address book "Title" and "Notes" keep their sheet meaning.
    expect(fieldsOfHeaders(['公司名称', 'Title', 'Notes'])).toEqual(['name', 'person.title', 'notes']);
    // A bare "Name" is the company's in a company list, the contact's beside a company column.
    expect(fieldsOfHeaders(['Name', 'Phone', 'Tier'])).toEqual(['name', 'phones', 'tier']);
    expect(fieldsOfHeaders(['Company', 'Name', 'Mobile'])).toEqual(['name', 'person.name', 'person.mobile']);
    expect(fieldsOfHeaders(['名称', '联系人', '流失日期'])).toEqual(['name', 'person.name', 'lostAt']);
    expect(joinName('建华', '', '刘')).toBe('刘建华');
    expect(joinName('娜娜', '', '欧阳')).toBe('欧阳娜娜');
    expect(joinName('Michael', 'J.', 'Zhang')).toBe('Michael J. Zhang');
    expect(joinName('刘建华', '', '刘')).toBe('刘建华');
  });

  it("reads a file's slashed dates in the one order its dates show: a British 25/12/1980 makes 03/04/1970 the 3rd of April", () => {
    const book = (birthdays: string[]) =>
      read(
        csv([
          'First Name,Last Name,Company,Birthday',
          ...birthdays.map((b, i) => `Ann${i},Lee,Lee Trading Ltd ${i},${b}`),
        ]),
      ).list.map((c) => c.people[0]?.birthday);
    expect(book(['25/12/1980', '03/04/1970'])).toEqual(['1980-12-25', '1970-04-03']);
    // A US file shows the month first; one that shows nothing, or both, is read so too.
    expect(book(['12/25/1980', '03/04/1970'])).toEqual(['1980-12-25', '1970-03-04']);
    expect(book(['03/04/1970'])).toEqual(['1970-03-04']);
    expect(book(['25/12/1980', '12/25/1981', '03/04/1970'])).toEqual(['1980-12-25', '1981-12-25', '1970-03-04']);
    // A hand-made sheet's contact dates alike: 13/11/2026 says 05/11/2026 is the 5th of November.
    const sheet = read(
      csv(['客户名称,联系人,最后联系', '甲公司,王建国,13/11/2026 10:30', '乙公司,李娜,05/11/2026']),
    ).list;
    expect(sheet.map((c) => c.lastContact)).toEqual(['2026-11-13T10:30:00.000', '2026-11-05T00:00:00.000']);
  });

  it('reads dates as these programs write them, and tiers however written', () => {
    expect(parseDate('8/9/1968')).toEqual({ ok: true, value: '1968-08-09' });
    expect(parseDate('12/31/85')).toEqual({ ok: true, value: '1985-12-31' });
    expect(parseDate('31/12/1985')).toEqual({ ok: true, value: '1985-12-31' });
    // A German Outlook's dates: day first, with dots.
    expect(parseDate('3.4.1970')).toEqual({ ok: true, value: '1970-04-03' });
    expect(parseDate('31.12.1975')).toEqual({ ok: true, value: '1975-12-31' });
    expect(parseDate('--06-01')).toEqual({ ok: true, value: '1604-06-01' });
    expect(parseDate('--0229')).toEqual({ ok: true, value: '1604-02-29' });
    expect(parseInstant('2026/11/20')).toEqual({ ok: true, value: '2026-11-20T00:00:00.000' });
    expect(parseInstant('2026-11-30T15:30:00Z')).toEqual({ ok: true, value: '2026-11-30T15:30:00.000Z' });
    // A date column saved without its format: Excel's serial number, a local time.
    expect(parseInstant('46310')).toEqual({ ok: true, value: '2026-10-15T00:00:00.000' });
    expect(parseInstant('46356.979166666664')).toEqual({ ok: true, value: '2026-11-30T23:30:00.000' });
    expect(parsePhone('8.61395E+12')).toMatchObject({ ok: false });
    expect(parsePhone('13952101234')).toEqual({ ok: true, value: '13952101234' });
    expect(
      [
        'A',
        'B类',
        '甲',
        '乙',
        '丙',
        'b',
        'A类客户',
        'c级',
        'A-Kunde',
        'Tier B',
        'C customer',
        'Clients A',
        'B-Kunden',
        'A accounts',
      ].map((t) => parseTier(t)),
    ).toEqual(
      ['A', 'B', 'A', 'B', 'C', 'B', 'A', 'C', 'A', 'B', 'C', 'A', 'B', 'A'].map((value) => ({ ok: true, value })),
    );
    // Other words stay refused (in a tier column) or read as labels (among an address book's categories).
    expect(['Clientes', 'Client', 'Accounts'].map((t) => parseTier(t).ok)).toEqual([false, false, false]);
  });
});
