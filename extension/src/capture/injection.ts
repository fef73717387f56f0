import type { FrameResult } from './frames.ts';

/** `load`: only make the capture ready in the page (parsed, kept), reading nothing of it. */
export type CaptureMode = 'page' | 'selection' | 'load';

/** The capture script's entry, kept in the page's isolated world by the build that loaded it. */
export interface KeptCapture {
  build: string;
  run: (mode: CaptureMode) => unknown;
}

/** Where the capture script goes: the top frame, every frame (QQ Mail classic), or one frame. */
export type FrameTarget = { allFrames: boolean } | { frameId: number };

type Target = { tabId: number; frameIds: number[] } | { tabId: number; allFrames: boolean };

/** The part of `browser.scripting` an injection uses. */
export interface Scripting {
  executeScript(
    o:
      | { target: Target; func: (mode: CaptureMode, build: string) => unknown; args: [CaptureMode, string] }
      | { target: Target; files: string[] },
  ): Promise<{ frameId: number; result?: unknown }[]>;
}

type Ran = { ran: boolean; result: unknown };

/**
 * Runs the kept capture in a frame's isolated world, if this build kept one. Handed to
 * executeScript: it runs in the page, so it may use nothing from around it.
 */
function runKept(mode: CaptureMode, build: string): Ran {
  const kept = (globalThis as { __dossierCapture?: KeptCapture }).__dossierCapture;
  return kept?.build === build ? { ran: true, result: kept.run(mode) } : { ran: false, result: null };
}

/**
 * Injects the capture script into a tab on demand — the only way Dossier code gets into a page,
 * and only when the user opens the panel there or asks to capture. The mode travels as an
 * argument of the call that reads the page, never through the page: the panel reads the page
 * too, and a mode left in the frame by one injection for the next was taken by the other (a
 * selection read as the whole page).
 */
export function captureInjector(
  scripting: Scripting,
  script: string,
  build: string,
  beforeInjecting: () => Promise<unknown>,
) {
  const run = async (target: Target, mode: CaptureMode) =>
    (await scripting.executeScript({ target, func: runKept, args: [mode, build] })).map((r) => ({
      frameId: r.frameId,
      ran: (r.result as Ran | undefined)?.ran === true,
      result: (r.result as Ran | undefined)?.result ?? null,
    }));
  return async (tabId: number, mode: CaptureMode, frames: FrameTarget): Promise<FrameResult[]> => {
    // Nothing of ours goes into a page before the token's storage is closed to it.
    await beforeInjecting();
    const target: Target =
      'frameId' in frames ? { tabId, frameIds: [frames.frameId] } : { tabId, allFrames: frames.allFrames };
    // The capture this build left in the page last time runs at once (one call).
    const first = await run(target, mode);
    if (first.length > 0 && first.every((r) => r.ran)) return first.map(({ frameId, result }) => ({ frameId, result }));
    // Else the script is loaded (it only keeps its entry), and the frames that lacked it are read.
    await scripting.executeScript({ target, files: [script] });
    if (mode === 'load') return first.map(({ frameId }) => ({ frameId, result: null }));
    const missing = first.filter((r) => !r.ran).map((r) => r.frameId);
    const again = await run(missing.length > 0 ? { tabId, frameIds: missing } : target, mode);
    return [...first.filter((r) => r.ran), ...again].map(({ frameId, result }) => ({ frameId, result }));
  };
}
