import { describe, expect, it } from 'vitest';
import { closeToContentScripts } from './access.ts';

describe('closeToContentScripts', () => {
  it('sets storage.local to trusted contexts where the browser can', async () => {
    const levels: string[] = [];
    const area = {
      setAccessLevel: async (o: { accessLevel: string }) => {
        levels.push(o.accessLevel);
      },
    };
    expect(await closeToContentScripts(area)).toBe(true);
    expect(levels).toEqual(['TRUSTED_CONTEXTS']);
  });

  it('says no, without throwing, where it cannot (Firefox; Chrome before 140)', async () => {
    expect(await closeToContentScripts({})).toBe(false);
    const older = {
      setAccessLevel: () => Promise.reject(new Error('This StorageArea does not support setAccessLevel')),
    };
    expect(await closeToContentScripts(older)).toBe(false);
  });
});
