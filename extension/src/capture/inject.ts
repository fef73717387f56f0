import type { Capture } from '@dossier/shared';
import { browser } from '#imports';
import { closeStorageToContentScripts } from '../platform/storage/items.ts';
import { pickCapture } from './frames.ts';
import { type CaptureMode, captureInjector, type FrameTarget, type Scripting } from './injection.ts';

export type { CaptureMode, FrameTarget, KeptCapture } from './injection.ts';

/** Built by WXT from entrypoints/capture.content.ts; registered at runtime, never in the manifest. */
const CAPTURE_SCRIPT = '/content-scripts/capture.js';

/** Injects the capture script into a tab on demand (capture/injection.ts). */
export const injectCapture = captureInjector(
  browser.scripting as unknown as Scripting,
  CAPTURE_SCRIPT,
  __DOSSIER_BUILD__,
  closeStorageToContentScripts,
);

/** Reads a tab with the capture script: the capture of the frame that read best, or null. */
export type TabReader = (tabId: number, frames: FrameTarget) => Promise<Capture | null>;

/** The tab reader the card and webmail are given: a page read whole, the best frame wins. */
export const readTab: TabReader = async (tabId, frames) =>
  pickCapture(await injectCapture(tabId, 'page' satisfies CaptureMode, frames));
