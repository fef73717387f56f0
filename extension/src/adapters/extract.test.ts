import { describe, expect, it } from 'vitest';
import { asBrowsersRead, extractHtml } from './extract.ts';

describe('extract (the CLI path)', () => {
  it('reads the page after a commented-out link (happy-dom loses it otherwise)', async () => {
    const c = await extractHtml(
      '<body><span><!--a href="https://shop.example"><b>Shop</b></a--></span><p>Tel: +49 8105 77803-380</p><p>E-Mail: info@example.de</p></body>',
      'https://example.de/',
    );
    expect(c.company?.emails).toEqual(['info@example.de']);
  });

  it('drops comments and reads "</br>" as a break, but leaves scripts and styles as they are', () => {
    expect(asBrowsersRead('<p>a<!-- b --></br></BR ></p><script><!-- x --></br></script><style>/*<!--*/</style>')).toBe(
      '<p>a<br><br></p><script><!-- x --></br></script><style>/*<!--*/</style>',
    );
  });

  it('closes a heading at any heading’s end tag, and at the next heading’s start, as a browser does', () => {
    expect(asBrowsersRead('<h3>Telefon</h2><p>b</p><H1>C<h2 class="x">D</h2></h4><script>"</h2>"</script>')).toBe(
      '<h3>Telefon</h3><p>b</p></h1><h2 class="x">D</h2><script>"</h2>"</script>'.replace('</h1>', '<h1>C</h1>'),
    );
  });

  it('reads a staff list under a heading closed by another heading’s tag: each name, role and number', async () => {
    const c = await extractHtml(
      `<body><h3>Telefon &amp; E-Mail</h2><p><strong>Telefon</strong></br> (03 32 33) 73 77 40 </br></br>
        <strong>R. Hennebach (Gesch&auml;ftsleitung)</br></strong> (01 73) 2 33 62 59</br></br>
        <strong>N. Scholz (Buchhaltung)</strong> </br> (03 32 33) 73 55 60</br>
        <strong>E-Mail:</strong> <a href="mailto:info@hennebach-transporte.de">info@hennebach-transporte.de</a></p></body>`,
      'http://www.hennebach-transporte.de/kontakt.html',
    );
    // (Mobile or line: a national number's kind is not read from its digits here.)
    expect(c.people.map((p) => [p.name, p.title, p.mobile ?? p.phone])).toEqual([
      ['R. Hennebach', 'Geschäftsleitung', '(01 73) 2 33 62 59'],
      ['N. Scholz', 'Buchhaltung', '(03 32 33) 73 55 60'],
    ]);
    expect(c.company?.phones).toEqual(['(03 32 33) 73 77 40']);
  });

  it('reads the lines of an address a page breaks with "</br>" as a browser does', async () => {
    const c = await extractHtml(
      '<body><h3>Anschrift</h3><p><strong>Hennebach Transporte &amp; Service</strong></br> Am Schm&auml;hl 12b </br> 14669 Ketzin</p><p>Telefon: (03 32 33) 73 77 40</p></body>',
      'http://www.hennebach-transporte.de/kontakt.html',
    );
    expect(c.company?.address).toBe('Am Schmähl 12b, 14669 Ketzin');
  });
});
