import { describe, expect, it } from 'vitest';
import { extractHtml, withoutComments } from './extract.ts';

describe('extract (the CLI path)', () => {
  it('reads the page after a commented-out link (happy-dom loses it otherwise)', async () => {
    const c = await extractHtml(
      '<body><span><!--a href="https://shop.example"><b>Shop</b></a--></span><p>Tel: +49 8105 77803-380</p><p>E-Mail: info@example.de</p></body>',
      'https://example.de/',
    );
    expect(c.company?.emails).toEqual(['info@example.de']);
  });

  it('drops comments but leaves scripts and styles as they are', () => {
    expect(withoutComments('<p>a<!-- b --></p><script><!-- x --></script><style>/*<!--*/</style>')).toBe(
      '<p>a</p><script><!-- x --></script><style>/*<!--*/</style>',
    );
  });
});
