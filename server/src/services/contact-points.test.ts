import { describe, expect, it } from 'vitest';
import { verifyCutoff } from './contact-points.ts';

describe('the verify-before-calling cut-off', () => {
  it('is the same day months back, or the last day of a shorter month', () => {
    expect(verifyCutoff(new Date('2026-11-01T02:00:00.000Z'), 12)).toBe('2025-11-01T02:00:00.000Z');
    expect(verifyCutoff(new Date('2026-08-31T09:30:00.000Z'), 6)).toBe('2026-02-28T09:30:00.000Z');
    expect(verifyCutoff(new Date('2028-02-29T00:00:00.000Z'), 12)).toBe('2027-02-28T00:00:00.000Z');
    expect(verifyCutoff(new Date('2026-03-31T23:59:59.000Z'), 1)).toBe('2026-02-28T23:59:59.000Z');
    expect(verifyCutoff(new Date('2026-01-15T00:00:00.000Z'), 13)).toBe('2024-12-15T00:00:00.000Z');
  });
});
