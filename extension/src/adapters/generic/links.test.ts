import { describe, expect, it } from 'vitest';
import { foundFromLinks } from './links.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('tel: and mailto: links', () => {
  it('skips template links the page keeps hidden', () => {
    const doc = parse(
      '<div style="display:none"><a href="tel:+4930123456">call</a><a href="mailto:template@example.com">mail</a></div><a href="tel:+49 711 289-88229">call</a>',
    );
    const f = foundFromLinks(doc);
    expect(f.company?.phones).toEqual(['+4971128988229']);
    expect(f.company?.emails).toEqual([]);
  });

  it('leaves out a mailto: whose ending no mail reaches (.coms); the page shows the address it meant', async () => {
    const doc = parse(
      '<p>E-mail: <a href="mailto:sherry@passionelevator.coms">sherry@passionelevator.com</a></p><p><a href="mailto:x@mail.中国">x</a></p>',
    );
    expect(foundFromLinks(doc).company?.emails).toEqual(['x@mail.xn--fiqs8s']);
    const { runCapture } = await import('../index.ts');
    expect(runCapture(doc, 'http://www.passionelevator.com/Contacts').company?.emails).toEqual([
      'sherry@passionelevator.com',
      'x@mail.xn--fiqs8s',
    ]);
  });

  it('reads every link whose cleaned href starts with tel: or mailto:, in any case, in page order', () => {
    const doc = parse(
      [
        '<a href="  TEL:0516-87654321">a</a>',
        '<a href="\u3000mailto:Sales@Example.com?subject=hi">b</a>',
        '<a href="https://example.com/?go=tel:0516-1">c</a>',
        '<a href="/contact#mailto:x@example.com">d</a>',
        '<svg><a href="Mailto:svg@example.com">e</a></svg>',
        '<a href="tel:0516-87654322">f</a>',
      ].join(''),
    );
    const f = foundFromLinks(doc.body);
    expect(f.company?.phones).toEqual(['+8651687654321', '+8651687654322']);
    expect(f.company?.emails).toEqual(['sales@example.com', 'svg@example.com']);
  });

  it("reads an image map's mailto: and tel: areas (a picture of the office's mailbox)", () => {
    const doc = parse(
      '<img src="contact.png" usemap="#m"><map name="m"><area shape="rect" coords="0,0,9,9" href="#">' +
        '<area shape="rect" coords="0,10,9,19" href="mailto:sxmuxfxx@163.com"><area href="tel:0351-4135000"></map>',
    );
    const f = foundFromLinks(doc.body);
    expect(f.company?.emails).toEqual(['sxmuxfxx@163.com']);
    expect(f.company?.phones).toEqual(['+863514135000']);
  });
});
