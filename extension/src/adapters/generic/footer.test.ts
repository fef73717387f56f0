import { describe, expect, it } from 'vitest';
import { runCapture } from '../index.ts';
import { ownSiteShown } from './footer.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('the site’s own address shown on the page', () => {
  it('is found as written when it is the page’s own domain, and only then', () => {
    const url = new URL('http://www.bestgiftchina.com/about/contact');
    expect(ownSiteShown('电话：021-31397172 www.bestgiftchina.com', url)).toBe('www.bestgiftchina.com');
    expect(ownSiteShown('Le site https://bestgiftchina.com/fr est la propriété de…', url)).toBe(
      'https://bestgiftchina.com',
    );
    // Another site (the designer's), an e-mail's domain, a longer host that only starts alike: none.
    expect(ownSiteShown('Réalisation www.webagence.fr', url)).toBeUndefined();
    expect(ownSiteShown('mars.yi@bestgiftchina.com', url)).toBeUndefined();
    expect(ownSiteShown('www.bestgiftchina.com.evil.net', url)).toBeUndefined();
  });

  it('is the website of a company the page shows how to reach, not of an article’s publisher', () => {
    const contact = runCapture(
      parse('<p>电话：021-3139 7172</p><p><a href="#">www.bestgiftchina.com</a></p><p>www.partner-example.cn</p>'),
      'http://www.bestgiftchina.com/about/contact',
    );
    expect(contact.company?.website).toBe('www.bestgiftchina.com');
    const article = runCapture(
      parse(
        '<head><meta property="og:type" content="article"></head><body><article><p>报道</p></article><footer>www.news-example.cn 电话：010-6512 3456</footer></body>',
      ),
      'https://www.news-example.cn/a/1.html',
    );
    expect(article.company?.website).toBeUndefined();
  });
});
