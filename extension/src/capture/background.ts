import type { ContextService } from '../card/service.ts';
import type { Outbox } from '../outbox/queue.ts';
import { currentApi } from '../platform/api/current.ts';
import { broadcast } from '../platform/messages/transport.ts';
import { captureHandlers } from './handlers.ts';
import { injectCapture } from './inject.ts';
import { startSelectionMenu } from './menu.ts';
import { CaptureService } from './service.ts';

/** The background's captures: read on demand, saved through the outbox; the selection menu. */
export function startCaptures(deps: { outbox: Outbox; contexts: ContextService }) {
  const captures = new CaptureService({ inject: injectCapture, api: currentApi, broadcast, ...deps });
  startSelectionMenu((tabId, frameId) => captures.captureSelection(tabId, frameId));
  return { handlers: captureHandlers({ captures }) };
}
