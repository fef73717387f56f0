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

  it('reads the lines of an address a page breaks with "</br>" as a browser does', async () => {
    const c = await extractHtml(
      '<body><h3>Anschrift</h3><p><strong>Hennebach Transporte &amp; Service</strong></br> Am Schm&auml;hl 12b </br> 14669 Ketzin</p><p>Telefon: (03 32 33) 73 77 40</p></body>',
      'http://www.hennebach-transporte.de/kontakt.html',
    );
    expect(c.company?.address).toBe('Am Schmähl 12b, 14669 Ketzin');
  });
});
