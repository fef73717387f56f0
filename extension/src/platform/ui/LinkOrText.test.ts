import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinkOrText } from './LinkOrText.tsx';

const render = (url: string) => renderToStaticMarkup(createElement(LinkOrText, { url }, 'Parcel 2024-17'));

// The dashboard's materials and parcels render captured URLs through this (issue 12, point 11).
describe('LinkOrText', () => {
  it('links a plain web address in a new tab, without an opener', () => {
    expect(render('https://land.xz.gov.cn/result/17.html')).toBe(
      '<a href="https://land.xz.gov.cn/result/17.html" target="_blank" rel="noopener noreferrer">Parcel 2024-17</a>',
    );
  });

  it('shows text, not a link, for a misleading or hidden address', () => {
    for (const bad of [
      'https://bank.com@evil.example/',
      'https://land.xz.gov.cn\u200b/result',
      '\u202ehttps://evil.example/',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      const html = render(bad);
      expect(html, JSON.stringify(bad)).toBe('<span>Parcel 2024-17</span>');
    }
  });
});
