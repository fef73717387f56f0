import { describe, expect, it } from 'vitest';
import { linesOf } from '../dom.ts';
import { runCapture } from '../index.ts';
import { splitThirdParty } from './third-party.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;

// A French legal notice as small sites write it: the owner's details, then the host's and the
// designer's under their own headings, each with subheadings for its fields.
const NOTICE = `<h1>MENTIONS LÉGALES</h1>
<h1>PROPRIÉTAIRE</h1><p>Thau Élagage, entreprise individuelle</p>
<h2>Siège social :</h2><p>25 Rue des Poiriers, 34540 Balaruc-les-Bains - France</p>
<h2>Numéro de téléphone mobile :</h2><p><a href="tel:+33628350083">+33 6 28 35 00 83</a></p>
<h2>Courrier électronique :</h2><p>contact@thau-elagage-exemple.fr</p>
<h1>HÉBERGEMENT</h1><p>Ce site est hébergé par la société Hôte Exemple</p>
<h2>Adresse :</h2><p>4416 Louis B. Mayer, Laval (Québec) H7P 0G1, Canada</p>
<h2>Téléphone :</h2><p><a href="tel:+18557744678">+1 855-774-4678</a></p>
<h1>CONCEPTEUR</h1><p>Studio Exemple</p><h2>Téléphone :</h2><p>Mobile : +33 6 27 62 56 58</p>
<p>support@studio-exemple.fr</p>`;

describe("a legal notice's sections on its host and designer", () => {
  it('run from their heading to the next of its rank, their own subheadings inside', () => {
    const { kept, aside } = splitThirdParty(linesOf(parse(NOTICE).body));
    const text = (ls: typeof kept) => ls.map((l) => l.cells.join(' '));
    expect(text(kept)).toContain('25 Rue des Poiriers, 34540 Balaruc-les-Bains - France');
    expect(text(aside)[0]).toBe('HÉBERGEMENT');
    expect(text(aside)).toContain('4416 Louis B. Mayer, Laval (Québec) H7P 0G1, Canada');
    expect(text(aside)).toContain('Mobile : +33 6 27 62 56 58');
    expect(text(kept)).not.toContain('Studio Exemple');
  });

  it("give the owner's address and numbers only, even those in tel: links and the text", () => {
    const c = runCapture(parse(NOTICE), 'https://thau-elagage-exemple.fr/mentions-legales').company;
    expect(c?.address).toBe('25 Rue des Poiriers, 34540 Balaruc-les-Bains - France');
    expect(c?.phones).toEqual(['+33628350083']);
    expect(c?.emails).toEqual(['contact@thau-elagage-exemple.fr']);
  });

  it("leave out a footer's credit to the site's maker with its number, not the company's own support line", () => {
    const page = parse(
      '<h4>赣州市百友汇企业服务有限公司</h4><h4>联系手机：15170180577</h4>' +
        '<small>Copyright@百友汇企业服务有限公司&nbsp;&nbsp;技术支持：王振宇-13672297775</small>' +
        '<p>技术支持：400-820-1234</p>',
    );
    const { kept, aside } = splitThirdParty(linesOf(page.body));
    expect(aside.map((l) => l.cells.join(' '))).toEqual(['技术支持：王振宇-13672297775']);
    expect(kept.map((l) => l.cells.join(' '))).toContain('Copyright@百友汇企业服务有限公司');
    const c = runCapture(page, 'https://www.baiyouhui.example/about.jsp').company;
    expect(c?.phones).toEqual(['+8615170180577', '+864008201234']);
  });

  it('end at the next heading of their rank; a page without them keeps every line', () => {
    const page = parse('<h2>Hosting</h2><p>Host GmbH, Tel. 030 1234567</p><h2>Kontakt</h2><p>Tel. 033233 80361</p>');
    const { kept, aside } = splitThirdParty(linesOf(page.body));
    expect(kept.map((l) => l.cells[0])).toEqual(['Kontakt', 'Tel. 033233 80361']);
    expect(aside).toHaveLength(2);
    const plain = linesOf(parse('<h2>Kontakt</h2><p>Tel. 033233 80361</p>').body);
    expect(splitThirdParty(plain).kept).toEqual(plain);
  });
});

describe("a legal notice's own details in a label–value table", () => {
  it('names the firm and its registered office; its registry numbers are no phone', () => {
    const page = parse(`<title>Mentions légales | Exemple Store</title><h2>Identité du vendeur</h2><table>
      <tr><td>Nom de l'entreprise</td><td>Exemple Paris 9</td></tr>
      <tr><td>Siège social</td><td>12 rue Lafayette, 75009 Paris, France</td></tr>
      <tr><td>RCS</td><td>912 345 678</td></tr>
      <tr><td>SIRET</td><td>912 345 678 00012</td></tr>
      <tr><td>Contact</td><td>contact@exemple-store.fr / +33 6 12 34 56 78</td></tr></table>`);
    const c = runCapture(page, 'https://www.exemple-store.fr/mentions-legales').company;
    expect(c?.name).toBe('Exemple Paris 9');
    expect(c?.address).toBe('12 rue Lafayette, 75009 Paris, France');
    expect(c?.phones).toEqual(['+33612345678']);
  });
});
