import { describe, expect, it } from 'vitest';
import { runCapture } from '../index.ts';
import type { Line } from '../lines.ts';
import { mailboxOf, peopleByEmail, peopleFromCards } from './person-cards.ts';

const lines = (...ls: string[]): Line[] => ls.map((l) => ({ cells: [l], heading: false }));
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const capture = (html: string) => runCapture(parse(html), 'https://www.example.com/contact');

describe('people with contact details outside 联系人 blocks', () => {
  it('an e-mail address spells its owner', () => {
    expect(mailboxOf('gina.trapani@postlight.com', 'Gina Trapani')).toBe(true);
    expect(mailboxOf('m.teige@enbw.com', 'Miriam Teige')).toBe(true);
    expect(mailboxOf('jsmith@x.com', 'John Smith')).toBe(true);
    expect(mailboxOf('info@x.com', 'Info Desk')).toBe(false);
    expect(mailboxOf('hello@postlight.com', 'Gina Trapani')).toBe(false);
    // A family name with its particle.
    expect(mailboxOf('odefontenay@aleris.fr', 'Olivier de Fontenay')).toBe(true);
  });

  it("a mailbox that spells a named person's name, on a line of its own, is theirs", async () => {
    const found = await capture(
      '<body><h1>Mentions légales</h1><p>SAS Aleris, 5 rue Hans List, 78290 Croissy sur Seine</p><p>Adresse de courrier électronique : contact@aleris.fr</p><p>Directeur de la publication : Olivier de Fontenay</p><p>Contactez le responsable de la publication : odefontenay@aleris.fr</p></body>',
    );
    expect(found.people).toEqual([
      expect.objectContaining({ name: 'Olivier de Fontenay', email: 'odefontenay@aleris.fr' }),
    ]);
    expect(found.company?.emails).toEqual(['contact@aleris.fr']);
  });

  it('a press contact whose name is a heading: taken with the e-mail that spells it, the title run on over two lines', async () => {
    const found = await capture(
      `<body><main><h1>Messstellenbetriebsgesetz</h1><p>Text.</p></main><aside><h6>Kontakt</h6><h5>Sabrina Pfeifer</h5>
      <p>Pressereferentin Energie &amp; Europa und<br> Ansprechpartnerin my eFuture<br> Lyoner Straße 9<br> 60528 Frankfurt am Main</p>
      <p><span>Telefon:</span> <a href="tel:+49696302309">+49 69 6302-309</a><br><span>E-Mail:</span> <a href="#">sabrina.pfeifer@example.com</a></p></aside>
      <footer><p>Example e. V., Lyoner Straße 9, 60528 Frankfurt am Main</p><p>Telefon: +49 69 6302-0, E-Mail: info@example.com</p></footer></body>`,
    );
    expect(found.people).toEqual([
      {
        name: 'Sabrina Pfeifer',
        title: 'Pressereferentin Energie & Europa und Ansprechpartnerin my eFuture',
        phone: '+49696302309',
        email: 'sabrina.pfeifer@example.com',
      },
    ]);
    // A heading that is a name, with an e-mail that is not theirs under it, is no card.
    expect(
      peopleFromCards([
        { cells: ['Sabrina Pfeifer'], heading: true },
        ...lines('Pressereferentin Energie', 'presse@example.com'),
      ]),
    ).toEqual([]);
  });

  it('a contact card: name, title line, numbers and e-mail under it', () => {
    expect(
      peopleFromCards(
        lines(
          'Miriam Teige',
          'Pressesprecherin Windkraft Onshore',
          'Telefon:',
          '+49 711 289-88229',
          'm.teige@enbw.com',
        ),
      ),
    ).toEqual([
      {
        name: 'Miriam Teige',
        title: 'Pressesprecherin Windkraft Onshore',
        phone: '+4971128988229',
        email: 'm.teige@enbw.com',
      },
    ]);
  });

  it("a quoted mail header is not a card, and someone else's address is not the card's", () => {
    expect(
      peopleFromCards(lines('Sarah Mitchell', 'Procurement Manager', 'From: Emily Zhou <emily.zhou@x.com>')),
    ).toEqual([]);
    expect(peopleFromCards(lines('Sarah Mitchell', 'Procurement Manager', 'info@x.com'))).toEqual([
      { name: 'Sarah Mitchell', title: 'Procurement Manager' },
    ]);
  });

  it('a sentence naming someone with their own address', () => {
    expect(
      peopleByEmail(
        lines(
          'Gina Trapani (she/her) is CEO at Postlight. Send her a note at gina.trapani@postlight.com or follow her.',
        ),
      ),
    ).toEqual([{ name: 'Gina Trapani', title: 'CEO', email: 'gina.trapani@postlight.com' }]);
  });
});

describe('contact blocks and prose', () => {
  it('a contact named by surname and title (兰经理) is the person; the block e-mail is the company’s too', () => {
    const c = capture('<p>联系人：兰经理</p><p>手 机：137-0088-2923</p><p>邮 箱：lan@example.com</p>');
    expect(c.people).toEqual([{ name: '兰经理', mobile: '+8613700882923', email: 'lan@example.com' }]);
    expect(c.company?.emails).toEqual(['lan@example.com']);
  });

  it('a contact named by surname and title as the label of a number (陈经理：…) is the person, a department’s number the company’s', () => {
    const c = capture(
      '<table><tr><td><p><span>陈经理：13606592288</span></p><p><span>销售部：13705844353</span></p></td></tr></table>',
    );
    expect(c.people).toEqual([{ name: '陈经理', mobile: '+8613606592288' }]);
    expect(c.company?.phones).toEqual(['+8613705844353']);
  });

  it('people named in an article sentence are not clipped', () => {
    const c = capture(
      '<p>益阳连续举办互联网大会，引来行业大咖云集。华为轮值董事长徐直军、58同城董事长姚劲波出席。</p><p>电话：0737-4221234</p>',
    );
    expect(c.people).toEqual([]);
  });

  it('a messenger handle that looks like an e-mail address is not one', () => {
    const c = capture('<p>E-mail: sales@greenco.cn</p><p>MSN: greenco.cn@hotmail.com</p>');
    expect(c.company?.emails).toEqual(['sales@greenco.cn']);
  });
});

describe('who is clipped without contact details', () => {
  it("an article's or a blog's names (authors, commenters, people with titles) are not, a company page's leaders are", () => {
    const blog = capture(
      '<meta property="og:type" content="article"><p>Laura Tacho, Director</p><div class="comment vcard"><cite class="fn">Robbinho</cite></div><footer><p>Kontakt: info@blog.example</p></footer>',
    );
    expect(blog.people).toEqual([]);
    const generic = capture('<p>Brad Smith, President</p><p>Some news.</p>');
    expect(generic.people).toEqual([]);
    const company = capture('<p>王建国 董事长</p><p>电话：0516-87654321</p>');
    expect(company.people).toEqual([{ name: '王建国', title: '董事长' }]);
  });
});

describe('article pages', () => {
  it("the story's addresses (a byline, a source) are not the site's; the footer's are; an author does not make a company page", () => {
    const c = capture(
      '<meta property="og:type" content="article"><article><p>By Dan Goodin</p><p>Reach the author at dan.goodin@paper.example or the source at press@other.example.</p></article><footer><p>Contact: tips@paper.example</p></footer>',
    );
    expect(c.company?.emails).toEqual(['tips@paper.example']);
    const author = capture(
      '<meta property="og:type" content="article"><article><p>Lucas Nolan</p><p>Senior reporter</p><p>lnolan@paper.example</p><p>The story.</p></article>',
    );
    expect(author.kind).toBe('generic');
  });

  it('a heading with a colon is a title, not a labelled value', () => {
    const c = capture('<h3>President’s Farewell Address: Full Video and Text</h3><p>Tel: +1 212 556 1234</p>');
    expect(c.company?.address).toBeUndefined();
  });
});
