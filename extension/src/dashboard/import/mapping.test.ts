import { describe, expect, it } from 'vitest';
import { columnLetter, manualSteps, NO_CHOICES, remap, requestOf, withLayout } from './mapping.ts';

describe('the import request', () => {
  it('sends only the file when nothing was changed: the server detects the rest', () => {
    expect(requestOf(4, NO_CHOICES)).toEqual({ file: { uploadId: 4 } });
    expect(manualSteps(NO_CHOICES, ['name'])).toBe(0);
  });

  it('sends what the user changed, each change one step', () => {
    const server = ['name', 'person.name', null] as const;
    const mapping = remap(remap([...server], 2, 'lastContact'), 1, null);
    const c = {
      headerRow: 2,
      mapping,
      decisions: new Map([[5, { action: 'merge' as const, customerId: 3, name: '辽宁华远' }]]),
    };
    expect(requestOf(4, c)).toEqual({
      file: { uploadId: 4 },
      headerRow: 2,
      mapping: ['name', null, 'lastContact'],
      decisions: [{ row: 5, action: 'merge', customerId: 3 }],
    });
    expect(manualSteps(c, [...server])).toBe(4);
  });

  it('a new header row forgets the mapping and decisions made for the old one', () => {
    const c = { mapping: ['name' as const], decisions: new Map([[5, { action: 'skip' as const }]]) };
    expect(withLayout(c, { headerRow: 3 })).toEqual({ headerRow: 3, decisions: new Map() });
    expect(withLayout({ ...c, sheet: '客户' }, { headerRow: 3 })).toEqual({
      sheet: '客户',
      headerRow: 3,
      decisions: new Map(),
    });
    expect(withLayout({ ...c, headerRow: 3 }, { sheet: '说明' })).toEqual({ sheet: '说明', decisions: new Map() });
  });
});

describe('columnLetter', () => {
  it('names columns as spreadsheets do', () => {
    expect([0, 8, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'I', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
