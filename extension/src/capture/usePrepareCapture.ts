import { useCallback, useRef } from 'react';
import { request } from './send.ts';

/**
 * When the pointer (or the keyboard focus) reaches "Capture this page", the capture script is
 * loaded into the page ahead of the click (`capture/prepare`: parsed and kept there, the page
 * not read), so the click does not wait the ~100–150 ms a 650 kB script takes to load in a
 * fresh page. Once per page; pages the user does not move to capture get nothing.
 */
export function usePrepareCapture(tabId: number | undefined, url: string | undefined): () => void {
  const done = useRef<string | null>(null);
  return useCallback(() => {
    const page = `${tabId}:${url}`;
    if (tabId === undefined || !url || done.current === page) return;
    done.current = page;
    request('capture/prepare', { tabId }).catch(() => {}); // a page scripts can't enter (the web store)
  }, [tabId, url]);
}
