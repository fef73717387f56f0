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
});
