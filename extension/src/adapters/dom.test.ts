import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseUrl, blockText, clean, type Line, lineText, pageLines } from './dom.ts';
import { MAX_TABLE_ROWS } from './lines.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
const cells = (lines: Line[]) => lines.map((l) => l.cells);

describe('pageLines', () => {
  it('reads a table’s first MAX_TABLE_ROWS rows, and what follows the table', () => {
    const rows = Array.from({ length: MAX_TABLE_ROWS + 300 }, (_, i) => `<tr><td>${i}</td><td>x</td></tr>`).join('');
    const doc = parse(`<table>${rows}</table><p>联系电话：0516-85801234</p>`);
    const lines = pageLines(doc.body);
    expect(lines).toHaveLength(MAX_TABLE_ROWS + 1);
    expect(lines[MAX_TABLE_ROWS - 1]?.cells).toEqual([String(MAX_TABLE_ROWS - 1), 'x']);
    expect(lines.at(-1)?.cells).toEqual(['联系电话：0516-85801234']);
  });

  it('makes a table row of plain cells one line of cells, empty cells kept', () => {
    const doc = parse('<table><tr><td>电话</td><td>0516-87654321</td><td></td></tr></table>');
    expect(pageLines(doc.body)).toEqual([{ cells: ['电话', '0516-87654321', ''], heading: false, tag: 'tr' }]);
  });

  it('flows a row whose cell holds two lines or a table of its own', () => {
    const twoLines = parse('<table><tr><td>地址</td><td>云龙区<br>和平路88号</td></tr></table>');
    expect(cells(pageLines(twoLines.body))).toEqual([['地址'], ['云龙区'], ['和平路88号']]);
    const nested = parse('<table><tr><td>a</td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></table>');
    expect(cells(pageLines(nested.body))).toEqual([['a'], ['x', 'y']]);
  });

  it('keeps a one-line cell plain whatever inline or block wrappers it has', () => {
    const doc = parse('<table><tr><th><b>传</b>真</th><td><div><span>0516-87654322</span></div></td></tr></table>');
    expect(cells(pageLines(doc.body))).toEqual([['传真', '0516-87654322']]);
  });

  it('makes a heading one line, and marks it with its own element (its rank)', () => {
    const doc = parse('<div><h2>联系<br>我们<span>!</span></h2><p>电话：1</p></div>');
    expect(pageLines(doc.body)).toEqual([
      { cells: ['联系 我们!'], heading: true, tag: 'h2' },
      { cells: ['电话：1'], heading: false, tag: 'p' },
    ]);
  });

  it('keeps the labelled lines of a contact block set as a heading apart, not a heading', () => {
    const doc = parse(
      '<h2>公司名称：上海某某信息技术有限公司<br>地址：上海市徐汇区古美路1号<br>服务热线：400-966-0000</h2>',
    );
    expect(pageLines(doc.body)).toEqual([
      { cells: ['公司名称：上海某某信息技术有限公司'], heading: false, tag: 'h2' },
      { cells: ['地址：上海市徐汇区古美路1号'], heading: false, tag: 'h2' },
      { cells: ['服务热线：400-966-0000'], heading: false, tag: 'h2' },
    ]);
    // One label in a heading is still its heading's text.
    expect(cells(pageLines(parse('<h2>Contact:<br>Sales team</h2>').body))).toEqual([['Contact: Sales team']]);
  });

  it('breaks lines at blocks and <br>, runs inline text on, and skips what is not shown', () => {
    const doc = parse(
      '<div>Tel: <a href="tel:1">0516</a>-1<br>Fax: 2<p>in p</p>after<script>x=1</script><style>p{}</style></div>',
    );
    expect(cells(pageLines(doc.body))).toEqual([['Tel: 0516-1'], ['Fax: 2'], ['in p'], ['after']]);
  });

  it('parts the texts of two elements side by side that the page shows apart, not a word styled in parts', () => {
    const doc = parse(
      '<div><span>01 43 31 80 49</span><span><a href="mailto:news@infocomcgt.fr">news@infocomcgt.fr</a></span><span>4 rue Guyton-de-Morveau</span></div>' +
        '<p><span>电话</span><span>0571-8678 1234</span></p><p><b>Goo</b><b>gle</b> <b>W</b>orld 010-<span>8888</span></p>',
    );
    expect(cells(pageLines(doc.body))).toEqual([
      ['01 43 31 80 49 news@infocomcgt.fr 4 rue Guyton-de-Morveau'],
      ['电话 0571-8678 1234'],
      ['Google World 010-8888'],
    ]);
  });

  it('collapses full-width and no-break spaces, drops blank lines', () => {
    const doc = parse('<p>联\u3000系\u00a0人： 王</p><p>   </p><p>\u200b</p>');
    expect(cells(pageLines(doc.body))).toEqual([['联 系 人： 王']]);
  });

  it('reads the same lines stepping through siblings or child lists, on every saved page', () => {
    const dirs = ['generic/fixtures', 'webmail/fixtures', 'land/fixtures'].map((d) => join(import.meta.dirname, d));
    let pages = 0;
    for (const dir of dirs)
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
        const body = parse(readFileSync(join(dir, f), 'utf8')).body;
        expect(pageLines(body, true, true), f).toEqual(pageLines(body, true, false));
        expect(pageLines(body, false, true), f).toEqual(pageLines(body, false, false));
        pages++;
      }
    expect(pages).toBeGreaterThanOrEqual(30);
  });
});

describe('blockText and clean', () => {
  it('keeps the source line breaks in unstructured text', () => {
    const doc = parse('<div><span>李明</span>\n<span>销售经理</span></div>');
    expect(blockText(doc.body)).toBe('李明\n销售经理');
  });

  it('cleans only what needs it', () => {
    expect(clean('  a  b\t\nc ')).toBe('a b c');
    expect(clean('a b')).toBe('a b');
    expect(clean('\u200ba\u3000\u3000b\ufeff')).toBe('a b');
    expect(clean(null)).toBe('');
  });
});

describe('lineText', () => {
  it('joins cells by a space and lines by a newline, with where each line starts', () => {
    const lines: Line[] = [
      { cells: ['a', 'b'], heading: false },
      { cells: ['cd'], heading: false },
    ];
    expect(lineText(lines)).toEqual({ text: 'a b\ncd', starts: [0, 4] });
  });
});

describe('hidden markup', () => {
  it('leaves out what the page hides with the hidden attribute or an inline display:none', () => {
    const doc = parse(
      '<div><span style="display:none">Telefax:</span><span hidden>Mobil:</span><p style="color: red; visibility: hidden">x</p><p style="display: block">Telefon: 1</p></div>',
    );
    expect(cells(pageLines(doc.body))).toEqual([['Telefon: 1']]);
  });
});

describe('baseUrl', () => {
  const page = new URL('https://www.example.com/a/b.html');
  const base = (html: string) => baseUrl(parse(html), page).href;

  it('is the first <base> with an href, in the head or (as parsers put it) in the body', () => {
    expect(base('<head><base target="_blank"><base href="/x/"></head><body><base href="/y/"></body>')).toBe(
      'https://www.example.com/x/',
    );
    expect(base('<head><base target="_blank"></head><body><p>a</p><base href="https://cdn.example.com/"></body>')).toBe(
      'https://cdn.example.com/',
    );
  });

  it('is the page URL without one, or with an empty or unparsable one', () => {
    expect(base('<p>a</p>')).toBe(page.href);
    expect(base('<base href="">')).toBe(page.href);
    expect(base('<base href="http://[bad">')).toBe(page.href);
  });
});
