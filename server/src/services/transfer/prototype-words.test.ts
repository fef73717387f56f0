import { describe, expect, it } from 'vitest';
import { fieldsOfHeaders } from './columns.ts';
import { readCsv } from './files.ts';
import { candidates, chooseLayout } from './rows.ts';
import { CHOICES, parseTier } from './values.ts';

// Headers and cells are looked up in the import's dictionaries: a word that is a property of every
// JavaScript object must read as an unknown word, not as Object.prototype's function.
const NAMES = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];

describe("a file's words that are Object.prototype's names", () => {
  it('are unknown columns of an address book, a CRM export and an address group, not a crash', () => {
    const book = ['First Name', 'Last Name', 'E-mail Address', 'Company', ...NAMES, 'Home constructor'];
    expect(fieldsOfHeaders(book).slice(4)).toEqual(Array(NAMES.length + 1).fill(null));
    const crm = ['Organization - Name', ...NAMES.map((n) => `Person - ${n}`), 'Organization - constructor'];
    for (const f of fieldsOfHeaders(crm).slice(1)) expect(typeof f === 'string' || f === null).toBe(true);
    const grid = readCsv(
      Buffer.from(`${book.join(',')}\r\nAnn,Lee,ann@acme-trading.com,Acme Trading,1,2,3,4,5,6\r\n`, 'utf8'),
      'book',
    );
    const { list } = candidates([grid], chooseLayout([grid]));
    expect(list[0]?.fields.name).toBe('Acme Trading');
    expect(list[0]?.people[0]?.name).toBe('Ann Lee');
  });

  it('are refused as a tier or a status value with the usual message', () => {
    for (const n of NAMES) {
      expect(parseTier(n)).toMatchObject({ ok: false });
      expect(CHOICES.status(n)).toMatchObject({ ok: false });
    }
  });
});
