import type { Handlers } from '../platform/messages/transport.ts';
import type { CaptureRequests } from './requests.ts';
import type { CaptureService } from './service.ts';

/** The background's answers to reading, previewing and saving a capture. */
export function captureHandlers({ captures }: { captures: CaptureService }): Handlers<CaptureRequests> {
  const tabOf = (tabId: number | undefined) => {
    if (tabId === undefined) throw new Error('no tab to capture');
    return tabId;
  };
  return {
    'capture/start': (p) => captures.startCapture(tabOf(p.tabId), p.url, p.runId),
    'capture/rest': async (p) => ({ parcels: captures.takeRest(p.id) }),
    'capture/cancel': async (p) => {
      captures.cancel(p.runId);
      return { ok: true };
    },
    'capture/pending': async (p) => ({ capture: captures.takePending(p.tabId) }),
    'capture/prepare': async (p) => {
      await captures.prepare(p.tabId);
      return { ok: true };
    },
    'capture/inspect': (p) => captures.inspect(p),
    'capture/save': (p) => captures.save(p),
    'customers/search': (p) => captures.search(p.q),
  };
}
