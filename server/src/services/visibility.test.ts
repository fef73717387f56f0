import { describe, expect, it } from 'vitest';
import { isSystem, SYSTEM } from './visibility.ts';

describe('isSystem', () => {
  it('knows the system in a copy (as a worker thread receives it) and no user, even one restored with id 0', () => {
    expect(isSystem(SYSTEM)).toBe(true);
    expect(isSystem(structuredClone(SYSTEM))).toBe(true);
    expect(isSystem({ id: 0, name: 'li', role: 'member' })).toBe(false);
    expect(isSystem({ id: 3, name: 'system', role: 'member' })).toBe(false);
  });
});
