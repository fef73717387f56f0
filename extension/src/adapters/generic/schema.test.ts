import { describe, expect, it } from 'vitest';
import { runCapture } from '../index.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const capture = (html: string, url = 'https://www.example.com/page') => runCapture(parse(html), url);

describe('schema.org roles: who is the company, who is a person', () => {
  it('a review card describes the business; the publisher and the author are someone else', () => {
    const c = capture(
      ld({
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        author: { '@type': 'Person', name: 'Kanae Nakamine', jobTitle: 'Project Manager', email: 'kanae@blog.example' },
        publisher: { '@type': 'Organization', name: 'Travel Blog', email: 'hello@blog.example' },
        mainEntity: {
          '@type': 'Place',
          name: 'Dezuka Suisan',
          telephone: '+81 158-23-2012',
          address: { '@type': 'PostalAddress', streetAddress: '5 Chome-3-23 Minatocho', addressLocality: 'Mombetsu' },
        },
      }),
    );
    expect(c.kind).toBe('company');
    expect(c.company).toMatchObject({ name: 'Dezuka Suisan', emails: [] });
    expect(c.company?.phones).toHaveLength(1);
    expect(c.people).toEqual([]);
  });

  it("an article's publisher with contact points is no company when the page shows no contact of its own", () => {
    const c = capture(
      `<meta property="og:type" content="article">${ld({
        '@context': 'https://schema.org',
        '@type': 'Organization',
        name: 'Sky News',
        founders: { '@type': 'Person', name: 'Rupert Murdoch' },
        contactPoint: { '@type': 'ContactPoint', telephone: '+44 333 7591 018', email: 'news@sky.example' },
      })}<article><p>A story about football.</p></article>`,
    );
    expect(c).toMatchObject({ kind: 'generic', company: null, people: [] });
  });

  it('an event widget: its organisers and performers are neither the company nor people', () => {
    const c = capture(
      `<meta property="og:type" content="article">${ld({
        '@context': 'https://schema.org',
        '@type': 'Event',
        name: 'Satellite Conference',
        location: {
          '@type': 'Place',
          name: 'Hotel',
          address: { '@type': 'PostalAddress', addressLocality: 'Bangkok' },
        },
        organizer: { '@type': 'Person', name: 'APSCC', email: 'info@apscc.example' },
        performer: { '@type': 'Organization', name: 'Smarter Shows', telephone: '+1 212 555 0100' },
      })}<p>News.</p>`,
    );
    expect(c).toMatchObject({ kind: 'generic', company: null, people: [] });
  });

  it("the site's own publisher (WebSite.publisher) is the company; founders are not its people", () => {
    const c = capture(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Organization', '@id': '#org', name: 'SASS Datentechnik AG', telephone: '+49 8105 77803-380' },
          { '@type': 'WebSite', '@id': '#site', name: 'SASS', publisher: { '@id': '#org' } },
          { '@type': 'Person', name: 'Jane Founder', jobTitle: 'Founder', founderOf: { '@id': '#org' } },
          { '@type': 'Organization', name: 'Someone Else', founder: { '@type': 'Person', name: 'Ann Other' } },
        ],
      }),
    );
    expect(c.company?.name).toBe('SASS Datentechnik AG');
    expect(c.people.map((p) => p.name)).toEqual(['Jane Founder']);
  });

  it("departments and sub-organisations add their phones and e-mails to the company's; a brand names it", () => {
    const c = capture(
      ld({
        '@context': 'https://schema.org',
        '@type': 'Store',
        brand: { '@type': 'Brand', name: "Delia's" },
        telephone: '+1 555 010 0110',
        department: { '@type': 'Pharmacy', name: 'Pharmacy', telephone: '+1 212 555 0111', email: 'rx@delia.example' },
        subOrganization: { '@type': 'Organization', name: 'Café', email: 'cafe@delia.example' },
      }),
    );
    expect(c.company?.name).toBe("Delia's");
    expect(c.company?.phones).toHaveLength(2);
    expect(c.company?.emails).toEqual(['rx@delia.example', 'cafe@delia.example']);
  });

  it('any thing with contact details of its own is the company when there is no organisation', () => {
    const c = capture(
      ld({
        '@context': 'https://schema.org',
        '@type': 'JobPosting',
        title: 'Engineer',
        applicationContact: { '@type': 'ContactPoint', email: 'jobs@example.com' },
      }),
    );
    expect(c.company?.emails).toEqual(['jobs@example.com']);
  });
});

describe('schema.org values', () => {
  it('an empty telephone or e-mail is no contact detail', () => {
    const c = runCapture(
      parse(
        `<script type="application/ld+json">${JSON.stringify({
          '@context': 'https://schema.org',
          '@type': 'Event',
          name: 'Expo',
          location: { '@type': 'Place', name: 'Hall 1', telephone: '', email: '' },
        })}</script>`,
      ),
      'https://www.example.com/',
    );
    expect(c).toMatchObject({ kind: 'generic', company: null });
  });
});
