import type { Capture, CapturedParcel } from '@dossier/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Payload } from './requests.ts';
import { onCaptureEvent as onEvent, request } from './send.ts';

/**
 * A land list's parcels past the preview's (the background hands the preview over first):
 * `count` of them, `parcels` once taken over, or why they could not be.
 */
export interface CaptureRest {
  count: number;
  parcels: CapturedParcel[] | null;
  error: string | null;
}

export type CaptureFlow = { tabId: number; id: number } & (
  | { status: 'reading'; runId?: string }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      capture: Capture;
      sender?: string | undefined;
      rest?: CaptureRest | undefined;
      /** The lookup for the whole capture, when the preview holds only part of it. */
      inspect?: Payload<'capture/inspect'> | undefined;
    }
);

let seq = 0;

/**
 * The capture in progress for a tab: started from the panel ("Capture this page", "Add
 * sender to a customer") or handed over by the background (context menu). Shown while its
 * tab is the active one; another capture replaces it.
 */
export function useCaptureFlow(tabId: number | undefined) {
  const [flow, setFlow] = useState<CaptureFlow | null>(null);

  const start = useCallback(async (tab: number, url: string) => {
    const id = ++seq;
    const runId = crypto.randomUUID();
    setFlow({ tabId: tab, id, runId, status: 'reading' });
    try {
      const { capture, rest, inspect } = await request('capture/start', { url, tabId: tab, runId });
      const ready = (r?: CaptureRest) =>
        setFlow((f) =>
          f?.id === id ? { tabId: tab, id, status: 'ready', capture, inspect, ...(r ? { rest: r } : {}) } : f,
        );
      ready(rest ? { count: rest.parcels, parcels: null, error: null } : undefined);
      if (!rest) return;
      // Taken at once (the background keeps them only for this), while the preview renders.
      try {
        const { parcels } = await request('capture/rest', { id: rest.id });
        ready({ count: rest.parcels, parcels, error: null });
      } catch (e) {
        ready({ count: rest.parcels, parcels: null, error: e instanceof Error ? e.message : String(e) });
      }
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setFlow((f) => (f?.id === id ? { tabId: tab, id, status: 'failed', message } : f));
    }
  }, []);

  const open = useCallback((tab: number, capture: Capture, sender?: string) => {
    setFlow({ tabId: tab, id: ++seq, status: 'ready', capture, sender });
  }, []);

  // Closing while the page is still being read cancels the read: the background drops its
  // result unparsed (a huge page's capture is not carried here only to be thrown away).
  const current = useRef(flow);
  current.current = flow;
  const close = useCallback(() => {
    const f = current.current;
    if (f?.status === 'reading' && f.runId) request('capture/cancel', { runId: f.runId }).catch(() => {});
    setFlow(null);
  }, []);

  // A selection captured from the context menu waits in the background for this tab's panel.
  useEffect(() => {
    if (tabId === undefined) return;
    let alive = true;
    const take = () =>
      request('capture/pending', { tabId }).then(
        (r) => {
          if (alive && r.capture) setFlow({ tabId, id: ++seq, status: 'ready', capture: r.capture });
        },
        () => {},
      );
    void take();
    const stop = onEvent((e) => {
      if (e.event === 'capture/ready' && e.tabId === tabId) void take();
    });
    return () => {
      alive = false;
      stop();
    };
  }, [tabId]);

  return { flow: flow && flow.tabId === tabId ? flow : null, start, open, close };
}
