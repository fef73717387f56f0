import { useCallback, useEffect, useState } from 'react';
import type { PageKeys } from './page-keys.ts';
import { onCardEvent as onEvent, onPageReadable, request } from './send.ts';
import type { PanelView } from './useContextView.ts';
import type { ContextView } from './view.ts';

export interface PageCard {
  url: string;
  keys: PageKeys;
  view: ContextView | null;
}

/**
 * With the panel open on a page whose URL matched nobody (a business registry, a news or land
 * page), the page is read for the keys it shows of a company — credit code, ICP number, name —
 * and that company's card asked for. Only then, only for this tab: nothing runs in pages the
 * panel is not open on.
 */
export function usePageCard(
  tabId: number | undefined,
  url: string | undefined,
  urlView: PanelView,
): { card: PageCard | null; setView: (v: ContextView) => void } {
  const [card, setCard] = useState<PageCard | null>(null);
  const [granted, setGranted] = useState(0);
  const unknown = urlView.state === 'unknown';

  // The page could not be read (no access until the toolbar button is pressed on it): read it once it can.
  useEffect(() => onPageReadable((e) => e.tabId === tabId && setGranted((n) => n + 1)), [tabId]);

  useEffect(() => {
    void granted;
    if (!unknown || tabId === undefined || !url) return;
    let alive = true;
    request('context/page', { tabId, url }).then(
      (r) => alive && setCard({ url, ...r }),
      () => {}, // a page that can't be read (a PDF, the web store, no access yet) keeps the URL's card
    );
    return () => {
      alive = false;
    };
  }, [unknown, tabId, url, granted]);

  // A write that changed the card (a call logged from it, a capture saved) is pushed by key.
  useEffect(
    () =>
      onEvent((e) => {
        if (e.event !== 'context/changed') return;
        setCard((c) => (c?.view && 'card' in c.view && c.view.card === e.card ? { ...c, view: e.view } : c));
      }),
    [],
  );

  const setView = useCallback((v: ContextView) => setCard((c) => (c ? { ...c, view: v } : c)), []);
  return { card: card && card.url === url && unknown ? card : null, setView };
}
