import type { Capture } from '@dossier/shared';
import { browser } from '#imports';
import { closeStorageToContentScripts } from '../platform/storage/items.ts';
import { type FrameResult, pickCapture } from './frames.ts';

/** `load`: only make the capture ready in the page (parsed, kept), reading nothing of it. */
export type CaptureMode = 'page' | 'selection' | 'load';

/** The capture script's entry, kept in the page's isolated world by the build that loaded it. */
export interface KeptCapture {
  build: string;
  run: (mode: CaptureMode) => unknown;
}

/** Where the capture script goes: the top frame, every frame (QQ Mail classic), or one frame. */
export type FrameTarget = { allFrames: boolean } | { frameId: number };

/** Built by WXT from entrypoints/capture.content.ts; registered at runtime, never in the manifest. */
const CAPTURE_SCRIPT = '/content-scripts/capture.js';

/**
 * Injects the capture script into a tab on demand — the only way Dossier code gets into a
 * page, and only when the user opens the panel there or asks to capture. The mode is handed
 * over through the content scripts' isolated world (pages can't see or set it), where the
 * script also keeps its entry for the next capture of the same document.
 */
export async function injectCapture(tabId: number, mode: CaptureMode, frames: FrameTarget): Promise<FrameResult[]> {
  // Nothing of ours goes into a page before the token's storage is closed to it.
  await closeStorageToContentScripts();
  const target = 'frameId' in frames ? { tabId, frameIds: [frames.frameId] } : { tabId, allFrames: frames.allFrames };
  // The capture this build left in the page last time runs at once; a frame without it is
  // handed the mode, and the script is loaded (into every frame of the target: one call).
  const kept = await browser.scripting.executeScript({
    target,
    func: (m: CaptureMode, build: string) => {
      const g = globalThis as { __dossierCaptureMode?: CaptureMode; __dossierCapture?: KeptCapture };
      if (g.__dossierCapture?.build === build) return { ran: true, result: g.__dossierCapture.run(m) };
      g.__dossierCaptureMode = m;
      return { ran: false, result: null };
    },
    args: [mode, __DOSSIER_BUILD__],
  });
  if (kept.length > 0 && kept.every((r) => r.result?.ran)) {
    return kept.map((r) => ({ frameId: r.frameId, result: r.result?.result }));
  }
  const results = await browser.scripting.executeScript({ target, files: [CAPTURE_SCRIPT] });
  return results.map((r) => ({ frameId: r.frameId, result: r.result }));
}

/** Reads a tab with the capture script: the capture of the frame that read best, or null. */
export type TabReader = (tabId: number, frames: FrameTarget) => Promise<Capture | null>;

/** The tab reader the card and webmail are given: a page read whole, the best frame wins. */
export const readTab: TabReader = async (tabId, frames) => pickCapture(await injectCapture(tabId, 'page', frames));
