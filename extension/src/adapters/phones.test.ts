import { describe, expect, it } from 'vitest';
import { foundFromLabels } from './generic/labels.ts';
import { phonesIn } from './phones.ts';

const values = (text: string, opt = {}) => phonesIn(text, opt).map((p) => p.value);
const lines = (...ls: string[]) => ls.map((l) => ({ cells: [l], heading: false }));

describe('phonesIn', () => {
  it('reads North-American numbers with +1, never a "1-…" prefix as a Chinese mobile', () => {
    expect(values('Call 1-305-677-6594 today')).toEqual(['+13056776594']);
    expect(values('电话：1-305-677-6594')).toEqual(['+13056776594']);
    expect(values('(646) 694-8530', { nanp: true })).toEqual(['+16466948530']);
    expect(values('+1-866-520-4812')).toEqual(['+18665204812']);
    // A dash between spaces, as a word processor's en dash writes it.
    expect(values('please call (212) 560 – 6928', { nanp: true })).toEqual(['+12125606928']);
  });

  it('leaves out a theme’s demo numbers (nine digits counting up), not a hotline with a run in it', () => {
    expect(values('Have any questions? +44 1234 567 890')).toEqual([]);
    expect(values('Call 123-456-7890', { nanp: true })).toEqual([]);
    expect(values('Tel. +49 431 – 5 36 22 67')).toEqual(['+494315362267']);
    expect(values('服务热线：400-123-4567')).toEqual(['+864001234567']);
  });

  it('leaves 3-3-4 numbers Chinese on a Chinese page (400 and 800 hotlines)', () => {
    expect(values('800-820-1234', { nanp: false })).toEqual(['+868008201234']);
    expect(values('400-699-4468', { nanp: false })).toEqual(['+864006994468']);
  });

  it('gives local numbers listed after a landline its area code', () => {
    expect(values('0731-89852209 89852069 89533799', { nanp: false })).toEqual([
      '+8673189852209',
      '+8673189852069',
      '+8673189533799',
    ]);
    // The same line written again without its area code is one number.
    expect(values('+86(755)22662277 22662277', { nanp: false })).toEqual(['+8675522662277']);
    // Slashed alternatives written in two groups, even after the country code run into the area code.
    expect(values('电话：0571-8678 1234/8678 5678', { asWritten: true })).toEqual(['+8657186781234', '+8657186785678']);
    expect(values('电话：8621-3139 7172/6172 1221', { asWritten: true })).toEqual(['+862131397172', '+862161721221']);
    expect(values('电话：010-6512 3456, 6512 3457')).toEqual(['+861065123456', '+861065123457']);
  });

  it('keeps every digit of +49 (0) 89 …', () => {
    expect(values('+49 (0) 89 1234567')).toEqual(['+49891234567']);
  });

  it('keeps numbers the page marks as phones but no rule can place, as written', () => {
    expect(values('044 586 00 40', { asWritten: true })).toEqual(['044 586 00 40']);
    expect(values('03080 (fra utlandet: +47 75 66 30 80)', { asWritten: true })).toEqual(['03080', '+4775663080']);
    expect(values('044 586 00 40')).toEqual([]);
    // Dates, years and short numbers are not phones, marked or not.
    expect(values('27.06.2018 2010-2018 8:30-21:30 273400', { asWritten: true })).toEqual([]);
  });

  it('reads no number out of a licence (粤ICP备15114012号-1, 京公网安备 11010502030143号)', () => {
    expect(values('联系电话：0755-89703982 粤ICP备15114012号-1', { asWritten: true })).toEqual(['+8675589703982']);
    expect(values('京ICP证 13800138000 京公网安备 11010502030143号', { asWritten: true })).toEqual([]);
  });
});

describe('labels for phones', () => {
  it('reads one-letter and European labels', () => {
    const f = foundFromLabels(lines('T 0221 1642 1411', 'F 0221 1642 3990', 'Telefax: +49 8105 77803-50'));
    expect(f.company?.phones).toEqual(['0221 1642 1411']);
    expect(f.company?.faxes).toEqual(['0221 1642 3990', '+4981057780350']);
  });

  it('takes the body a site answers to (主办) as the company, up to the next label', () => {
    const f = foundFromLabels(lines('主办：半月谈杂志社 互联网新闻信息服务许可证：1012014004 京ICP备16044242号'));
    expect(f.company?.name).toBe('半月谈杂志社');
  });
});

describe('numbers on pages that are not Chinese', () => {
  it('a national number without its country code is not read as Chinese, and a date is no number', () => {
    expect(values('Tel. 0 93 82 / 84 73 99', { nanp: true })).toEqual(['0 93 82 / 84 73 99']);
    expect(values('10.10.2018')).toEqual([]);
    expect(values('06/11/20230', { asWritten: true })).toEqual([]);
    expect(values('(2016-02-01)', { asWritten: true })).toEqual([]);
  });

  it('a one-letter label is one at the start of a line or after a number, not an initial in a name', () => {
    const f = foundFromLabels(lines('Birjandtalab, J.; Nourani, M. (2016-02-01). ISBN 978-1-5090-2455-1.'));
    expect(f.company?.phones).toEqual([]);
    const g = foundFromLabels(lines('T: 919-555-0123 F: 919-555-0124'), true);
    expect(g.company?.phones).toHaveLength(1);
    expect(g.company?.faxes).toHaveLength(1);
  });
});
