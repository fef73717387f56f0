import { describe, expect, it } from 'vitest';
import { runCapture } from '../index.ts';
import type { Line } from '../lines.ts';
import { linesMatching } from '../scan.ts';
import { looseAddress, loosePhones, PHONEISH } from './blocks.ts';

const lines = (...ls: string[]): Line[] => ls.map((l) => ({ cells: [l], heading: false }));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('unlabelled numbers of a contact block', () => {
  it('takes international and North-American numbers from short lines, and Chinese ones written as phones', () => {
    expect(loosePhones(lines('Sydney office +61-2-9468-6300', 'Toll free +1-866-520-4812'), true)).toEqual([
      '+61294686300',
      '+18665204812',
    ]);
    expect(loosePhones(lines('(646) 694-8530'), true)).toEqual(['+16466948530']);
    expect(loosePhones(lines('公司业务：136-1234-5678'), false)).toEqual(['+8613612345678']);
  });

  it('keeps a national number standing on its own next to the e-mail address, as written', () => {
    expect(
      loosePhones(lines('GOODFORM AG', 'CH-6300 Zug - Schweiz', '044 586 00 40', 'info@goodform.ch'), true),
    ).toEqual(['044 586 00 40']);
    expect(loosePhones(lines('51 37 16 06 / forbruker@tine.no'), true)).toEqual(['51 37 16 06']);
    // Not without a contact block around it, not after a registry or fax label, not in prose.
    expect(loosePhones(lines('Order 044 586 00 40'), true)).toEqual([]);
    expect(loosePhones(lines('ZVR-Zahl: 329 350 352', 'info@x.at'), true)).toEqual([]);
    expect(loosePhones(lines('Fax +43 1 865 45 06 85'), true)).toEqual([]);
    expect(loosePhones(lines(`${'Ein langer Satz über nichts. '.repeat(8)}+49 89 1234567`), true)).toEqual([]);
  });
});

describe('lines that may hold a number', () => {
  it('are those digit groups tried from every digit find, whatever the runs and separators', () => {
    // The pattern as written before digit groups were read from the start of their run.
    const FROM_EVERY_DIGIT =
      /\d{2,5}[\s./-]\d{3,4}|\(\d{2,5}\)\s?\d{3}|\d{2} \d{2} \d{2} \d{2}|(?:^|\D)(?:1[3-9]\d{9}|0\d{4,11}|[48]00\d{7})(?!\d)|\+\s?\d/;
    const texts = [
      '1 234',
      '12 345',
      '123456 789',
      '1234567-890',
      '订单号 202400000000 的',
      '2024-01-01',
      '0516-8765 9999',
    ];
    texts.push('x12', '345', '12', '3456', '电话', '0.5 123', '12345.67', '9 876/543', '138', '00 1234');
    for (const t of texts) expect(PHONEISH.test(t), t).toBe(FROM_EVERY_DIGIT.test(t));
    // A run that ends one line and the digits that start the next (the newline separates them).
    const ls = lines(...texts);
    expect(linesMatching(ls, PHONEISH)).toEqual(linesMatching(ls, FROM_EVERY_DIGIT));
  });
});

describe('unlabelled addresses', () => {
  it('reads Western addresses on one line or on a street line over a postcode-and-town line', () => {
    expect(looseAddress(lines('Bedriftsveien 7, 0950 Oslo'))).toBe('Bedriftsveien 7, 0950 Oslo');
    expect(looseAddress(lines('Contact', '101 5th Ave 10th Floor, New York, NY 10003'))).toBe(
      '101 5th Ave 10th Floor, New York, NY 10003',
    );
    expect(looseAddress(lines('Zentrale', 'Talhofstraße 32', '82205 Gilching', 'Telefon: +49 8105 77803-380'))).toBe(
      'Talhofstraße 32, 82205 Gilching',
    );
    expect(looseAddress(lines('GOODFORM AG', 'CH-6300 Zug - Schweiz', '044 586 00 40', 'info@goodform.ch'))).toBe(
      'CH-6300 Zug - Schweiz',
    );
    // A German street with no house number, known by its ending, over its postcode and town.
    expect(looseAddress(lines('Ketziner Baustoffhandel', 'Inh. Thomas Mier', 'Am Mühlenweg', '14669 Ketzin'))).toBe(
      'Am Mühlenweg, 14669 Ketzin',
    );
    // A top bar: the number, the e-mail and the address on one line, street and town parted by a bullet.
    expect(
      looseAddress(lines('01 43 31 80 49 news@infocomcgt.fr 4 rue Guyton-de-Morveau • 75013 Paris', 'Accueil')),
    ).toBe('4 rue Guyton-de-Morveau, 75013 Paris');
    expect(looseAddress(lines('Tel. 0931 555011 Am Alten Markt 5 | 97070 Würzburg'))).toBe(
      'Am Alten Markt 5, 97070 Würzburg',
    );
    // An Italian footer: a street known by its first word, no house number, a dash, the town and its province.
    expect(looseAddress(lines('viale Santa Lucia - 67032 Pescasseroli (AQ)', 'Tel. 0863/91131'))).toBe(
      'viale Santa Lucia, 67032 Pescasseroli (AQ)',
    );
    expect(looseAddress(lines('Piazza del Duomo', '20122 Milano (MI)', 'Tel. 02 1234567'))).toBe(
      'Piazza del Duomo, 20122 Milano (MI)',
    );
    // A note after the house number.
    expect(
      looseAddress(lines('Point of Sail', 'Weißenburgstr. 4 (Hinterhof, EG)', '24116 Kiel', 'Tel. 0431 5362267')),
    ).toBe('Weißenburgstr. 4 (Hinterhof, EG), 24116 Kiel');
    // A footer's © line: the name, the street and the town set apart by spaces only.
    expect(looseAddress(lines('©2015 WNET   825 Eighth Avenue   New York, NY 10019'))).toBe(
      '825 Eighth Avenue New York, NY 10019',
    );
    expect(looseAddress(lines('Founded 1998 in Houston, TX 77002'))).toBeUndefined();
    // A dash before a postcode and town is no address without a street before it.
    expect(looseAddress(lines('Newsletter - 67032 Pescasseroli (AQ)'))).toBeUndefined();
    expect(looseAddress(lines('Öffnungszeiten', '14669 Ketzin'))).toBeUndefined();
  });

  it('not a post-office box, nor a town line far from any contact detail', () => {
    expect(looseAddress(lines('Postboks 113, 0902 Oslo'))).toBeUndefined();
    expect(looseAddress(lines('2019 Annual Report'))).toBeUndefined();
    expect(looseAddress(lines('82205 Gilching'))).toBeUndefined();
  });

  it("reads a Chinese address after its organisation's name", () => {
    expect(looseAddress(lines('河南省心电学诊疗中心：郑州市金水区经八路2号，门诊楼3楼', '电话：0371-63974141'))).toBe(
      '郑州市金水区经八路2号，门诊楼3楼',
    );
  });

  it('the address the page shows wins over the structured one', () => {
    const c = runCapture(
      parse(
        `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"ACME AG","telephone":"+41 58 958 91 60","address":{"@type":"PostalAddress","streetAddress":"Baarerstrasse 75","addressLocality":"Zug","postalCode":"6300"}}</script><ul><li>ACME AG</li><li>CH-6300 Zug - Schweiz</li><li>044 586 00 40</li><li>info@acme.ch</li></ul>`,
      ),
      'https://www.acme.ch/',
    );
    expect(c.company?.address).toBe('CH-6300 Zug - Schweiz');
    expect(c.company?.phones).toEqual(['+41589589160', '044 586 00 40']);
  });

  it('a label standing on its own line takes an address on the next', () => {
    const c = runCapture(
      parse('<ul><li>联系地址</li><li>上海市宝山区长江南路180号长江软件园B栋4F</li><li>邮箱：hr@x.com</li></ul>'),
      'https://x.com/',
    );
    expect(c.company?.address).toBe('上海市宝山区长江南路180号长江软件园B栋4F');
  });
});

describe('page furniture', () => {
  it('reads neither a code sample as a website nor a sentence as products', () => {
    const c = runCapture(
      parse(
        '<p>电话：0516-87654321</p><p>主营产品：我们主要生产各种阀门，欢迎来电咨询</p><pre><code>URL: https://api.example.com/v1</code></pre><p>网址：window.location.href</p>',
      ),
      'https://x.com/',
    );
    expect(c.company?.website).toBeUndefined();
    expect(c.company?.products).toEqual([]);
    const ok = runCapture(
      parse('<p>主营产品：闸阀、截止阀、球阀</p><p>网址：www.xz-valve.com</p><p>电话：0516-87654321</p>'),
      'https://x.com/',
    );
    expect(ok.company).toMatchObject({ website: 'www.xz-valve.com', products: ['闸阀', '截止阀', '球阀'] });
  });

  it("of two office addresses, the head office's", () => {
    const c = runCapture(
      parse(
        '<h3>上海分公司</h3><p>地址：上海市浦东新区张江路88号</p><p>电话：021-55551234</p><h3>总部</h3><p>地址：江苏省徐州市云龙区和平路88号</p><p>电话：0516-87654321</p>',
      ),
      'https://x.com/',
    );
    expect(c.company?.address).toBe('江苏省徐州市云龙区和平路88号');
  });
});

describe('one number, one entry; an article speaks for its site only', () => {
  it('a number printed nationally and linked in E.164 is one number', () => {
    const c = runCapture(
      parse(
        '<ul><li><a href="tel:+4989231416666">089 231416666</a></li><li>089 231416666</li><li>info@daheim.example</li></ul>',
      ),
      'https://daheim.example/',
    );
    expect(c.company?.phones).toEqual(['+4989231416666']);
  });

  it("an article's text and links name other people's addresses; the site's own domain stays", () => {
    const c = runCapture(
      parse(
        '<meta property="og:type" content="article"><article><p>Write to your MP:</p><p>robin.millar.mp@parliament.uk</p><p><a href="mailto:vote@nycha.nyc.gov">vote</a></p></article><footer><p>news@paper.example</p></footer>',
      ),
      'https://www.paper.example/story',
    );
    expect(c.company?.emails).toEqual(['news@paper.example']);
  });
});

describe('an address only in a sentence', () => {
  it('the company "位于" an address is there, when the page labels none', () => {
    const html = (extra: string) =>
      parse(
        `<p>深圳拉把贸易有限公司位于深圳宝安西乡共和工业路华丰互联网 创意园B座412交通便利。热诚欢迎各界朋友前来洽谈业务。</p>${extra}<p>联系电话：0755-89703982</p>`,
      );
    expect(runCapture(html(''), 'http://www.labawang.com/').company?.address).toBe(
      '深圳宝安西乡共和工业路华丰互联网 创意园B座412',
    );
    // A labelled address says it better.
    expect(
      runCapture(html('<p>地址：深圳市宝安区西乡街道共和工业路12号</p>'), 'http://www.labawang.com/').company?.address,
    ).toBe('深圳市宝安区西乡街道共和工业路12号');
  });

  it('not a place without a street ("位于美丽的西子湖畔"), nor what a news story says lies somewhere', () => {
    const c = runCapture(
      parse('<p>本公司位于美丽的西子湖畔，环境优美。</p><p>联系电话：0571-89703982</p>'),
      'http://www.example.cn/',
    );
    expect(c.company?.address).toBeUndefined();
  });
});

describe('what is not an address', () => {
  it('neither years and names, nor a link or a button after an address label', () => {
    expect(looseAddress(lines('2020 Antonio Andrioli, 2019 Michael Müller', 'presse@bund.example'))).toBeUndefined();
    expect(looseAddress(lines('2010 September, 2010 Oktober'))).toBeUndefined();
    const c = runCapture(
      parse('<p>Adresse: https://www.ndr.de/nachrichten/1.html</p><p>Telefon: 040 4156 0</p>'),
      'https://www.ndr.de/',
    );
    expect(c.company?.address).toBeUndefined();
  });
});

describe('a postcode and town alone', () => {
  it('is an address with its country prefix in a contact block, not a figure and a word', () => {
    expect(looseAddress(lines('Comments', '2192 Shares', 'Share', 'mail@x.com'))).toBeUndefined();
  });
});
