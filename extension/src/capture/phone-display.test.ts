import { normalisePhone } from '@dossier/shared';
import { describe, expect, it } from 'vitest';
import { phoneKey } from './diff.ts';
import { displayPhone } from './phone-display.ts';

describe('displayPhone', () => {
  it('writes Chinese numbers as they are dialled at home', () => {
    expect(displayPhone('+8613912345678')).toBe('139 1234 5678');
    expect(displayPhone('+8651687654321;ext=808')).toBe('0516-87654321 ext. 808');
    expect(displayPhone('+861065123456')).toBe('010-65123456');
    expect(displayPhone('+862087654321')).toBe('020-87654321');
    expect(displayPhone('+864008208820')).toBe('400-820-8820');
  });

  it('leaves other countries and anything unexpected as given', () => {
    expect(displayPhone('+14155550123')).toBe('+14155550123');
    expect(displayPhone('0516-87654321')).toBe('0516-87654321');
    expect(displayPhone('call us')).toBe('call us');
  });

  it('is the same number for the server (normalised) and for the diff', () => {
    for (const e164 of ['+8613912345678', '+8651687654321;ext=808', '+861065123456', '+864008208820']) {
      expect(normalisePhone(displayPhone(e164))).toBe(e164);
      expect(phoneKey(displayPhone(e164))).toBe(phoneKey(e164));
    }
  });
});
