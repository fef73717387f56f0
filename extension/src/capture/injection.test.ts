import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureMode, captureInjector, type KeptCapture, type Scripting } from './injection.ts';

/**
 * The background's injections against a page of one frame, played here by this test's own
 * global (executeScript runs a function in the frame's isolated world; the script file keeps the
 * capture's entry there, as capture.content.ts does). `between` runs while the script loads:
 * another injection into the same page, as the panel's own read of the page can be.
 */
const g = globalThis as { __dossierCapture?: KeptCapture };
const BUILD = 'build-1';

function page(between?: () => Promise<unknown>) {
  const calls: string[] = [];
  const scripting: Scripting = {
    async executeScript(o) {
      if ('files' in o) {
        calls.push('files');
        await between?.();
        if (g.__dossierCapture?.build !== BUILD)
          g.__dossierCapture = {
            build: BUILD,
            run: (m: CaptureMode) => (m === 'load' ? null : m === 'selection' ? 'the selected text' : 'the whole page'),
          };
        return [{ frameId: 0, result: null }];
      }
      calls.push(`run ${o.args[0]}`);
      await Promise.resolve();
      return [{ frameId: 0, result: o.func(...o.args) }];
    },
  };
  return { scripting, calls };
}

afterEach(() => {
  delete g.__dossierCapture;
});

describe('captureInjector', () => {
  it('loads the script once, then reads the page with the kept capture', async () => {
    const { scripting, calls } = page();
    const inject = captureInjector(scripting, '/capture.js', BUILD, async () => {});
    expect(await inject(1, 'page', { allFrames: false })).toEqual([{ frameId: 0, result: 'the whole page' }]);
    expect(await inject(1, 'selection', { frameId: 0 })).toEqual([{ frameId: 0, result: 'the selected text' }]);
    expect(calls).toEqual(['run page', 'files', 'run page', 'run selection']);
  });

  it('only loads for "load", and replaces the capture another build kept', async () => {
    g.__dossierCapture = { build: 'older', run: () => 'stale' };
    const { scripting, calls } = page();
    const inject = captureInjector(scripting, '/capture.js', BUILD, async () => {});
    expect(await inject(1, 'load', { allFrames: false })).toEqual([{ frameId: 0, result: null }]);
    expect(g.__dossierCapture?.build).toBe(BUILD);
    expect(calls).toEqual(['run load', 'files']);
  });

  it('reads the selection when the panel reads the same page while the script loads', async () => {
    let inject: ReturnType<typeof captureInjector> | undefined;
    let panel: Promise<unknown> | undefined;
    const { scripting } = page(async () => {
      // The panel's read arrives between the selection's injections (only the first time).
      panel ??= inject?.(1, 'page', { allFrames: false });
    });
    inject = captureInjector(scripting, '/capture.js', BUILD, async () => {});
    const selection = await inject(1, 'selection', { frameId: 0 });
    expect(selection).toEqual([{ frameId: 0, result: 'the selected text' }]);
    expect(await panel).toEqual([{ frameId: 0, result: 'the whole page' }]);
  });

  it('closes storage to the page before anything is injected', async () => {
    const order: string[] = [];
    const { scripting, calls } = page();
    const inject = captureInjector(scripting, '/capture.js', BUILD, async () => {
      order.push(`closed after ${calls.length} calls`);
    });
    await inject(1, 'page', { allFrames: false });
    expect(order).toEqual(['closed after 0 calls']);
  });
});
