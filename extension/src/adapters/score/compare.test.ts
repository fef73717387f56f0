import { describe, expect, it } from 'vitest';
import { phoneKey, prf, sameText, scoreCase } from './compare.ts';

describe('the real-pages comparison rule', () => {
  it('compares phones as digits without listed country codes and one trunk 0', () => {
    expect(phoneKey('0086-576-86428999')).toBe(phoneKey('+86 576 8642 8999'));
    expect(phoneKey('(020)38686188')).toBe(phoneKey('+862038686188'));
    expect(phoneKey('13953936232')).toBe(phoneKey('+8613953936232'));
    expect(phoneKey('1-305-677-6594')).toBe(phoneKey('+13056776594'));
    expect(phoneKey('+49 (0) 89 1234567')).toBe(phoneKey('+49891234567'));
    expect(phoneKey('+43 1 865 45 06 - 0')).toBe(phoneKey('+4318654506;ext=0'));
    // Codes outside the list are kept on both sides.
    expect(phoneKey('+39 0473 668056')).toBe('390473668056');
  });

  it('tolerates containment by the share of the longer value each field allows', () => {
    expect(sameText('山东蒙星机械有限公司', '山东蒙星机械有限公司 ')).toBe(true);
    expect(sameText('Erzbistum Köln', 'Das Erzbistum Köln', 0.85)).toBe(false);
    expect(sameText('Zug', 'CH-6300 Zug - Schweiz', 0.6)).toBe(false);
    expect(sameText('中国山东省临沂市费县胡阳镇', '山东省临沂市费县胡阳镇', 0.6)).toBe(true);
  });

  it('counts scalars, lists with neutral extras, people and parcels', () => {
    const s = scoreCase(
      {
        kind: 'company',
        company: { name: 'ACME GmbH', phones: ['0221 1642 1411'], faxes: [], emails: ['info@acme.de'] },
        people: [{ name: 'Jane Doe', mobile: '+49 171 1234567' }],
      },
      {
        kind: 'company',
        company: {
          name: 'Acme',
          phones: ['+4922116421411', '+491711234567', '+4922199999'],
          faxes: [],
          emails: ['INFO@acme.de'],
        },
        people: [{ name: 'Jane Doe', mobile: '+491711234567' }, { name: 'John Roe' }],
      },
    );
    // kind, phone, e-mail, person, number → 5 tp; the name wrong (fn+fp), an extra phone, an extra person.
    expect([s.tp, s.fp, s.fn]).toEqual([5, 3, 1]);
    expect(prf(s).f1).toBeCloseTo((2 * (5 / 8) * (5 / 6)) / (5 / 8 + 5 / 6));
  });

  it('matches parcels by number, then location, and counts a duplicate extra parcel once', () => {
    const s = scoreCase(
      { kind: 'land', parcels: [{ parcelNo: '福州罗源县-福州2012年33次1号', areaM2: 1000, dealDate: '2012-11-07' }] },
      {
        kind: 'land',
        parcels: [
          { parcelNo: '福州2012年33次1号', areaM2: 1003, dealDate: '2012-11-07', winner: '王五' },
          { parcelNo: '福州2012年33次1号', areaM2: 1000 },
        ],
      },
    );
    expect([s.tp, s.fp, s.fn]).toEqual([4, 2, 0]);
  });

  it('scores a crash as nothing found', () => {
    expect(scoreCase({ kind: 'generic' }, null).crashed).toBe(true);
  });
});
