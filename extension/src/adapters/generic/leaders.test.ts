import { describe, expect, it } from 'vitest';
import { linesOf } from '../dom.ts';
import { leadersIn } from './leaders.ts';

const leaders = (html: string) =>
  leadersIn(linesOf(new DOMParser().parseFromString(html, 'text/html').body as unknown as Element)).map((p) => ({
    name: p.name,
    title: p.title,
  }));

describe('who runs the firm, as a legal notice names them', () => {
  it('reads a German imprint’s "Inh." and a French notice’s publication director', () => {
    expect(leaders('<p>Ketziner Baustoffhandel</p><p>Inh. Thomas Mier</p>')).toEqual([
      { name: 'Thomas Mier', title: 'Inh.' },
    ]);
    expect(leaders('<p>Directeur de la publication : Olivier de Fontenay</p>')).toEqual([
      { name: 'Olivier de Fontenay', title: 'Directeur de la publication' },
    ]);
    expect(leaders('<p>Gérant : Jean-Marc Dupont</p>')).toEqual([{ name: 'Jean-Marc Dupont', title: 'Gérant' }]);
  });

  it('takes no street for a name, particle or not, nor a sentence', () => {
    expect(leaders('<p>Gérant : Rue de la Paix 12</p>')).toEqual([]);
    expect(leaders('<p>Le Directeur de la publication est joignable. Merci de lui écrire.</p>')).toEqual([]);
  });
});
