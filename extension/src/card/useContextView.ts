import { useCallback, useEffect, useRef, useState } from 'react';
import { outboxItem } from '../outbox/store.ts';
import type { CardKey } from './keys.ts';
import { webPage } from './page.ts';
import { onCardEvent as onEvent, request } from './send.ts';
import type { ContextView } from './view.ts';

export type PanelView = ContextView | { state: 'loading'; card: CardKey };

/**
 * The card for the panel's active tab. A panel-side copy of the last view per key is shown
 * the instant the tab changes; the background's answer (its own cache, else the server)
 * replaces it a moment later, and pushed changes (a write landed) replace it again.
 */
export function useContextView(url: string | undefined) {
  const [view, setView] = useState<PanelView>({ state: 'browser' });
  const seen = useRef(new Map<string, ContextView>());
  const current = useRef<string | undefined>(undefined);

  const accept = useCallback((host: string, v: ContextView) => {
    if (v.state !== 'error') seen.current.set(host, v);
    if (current.current === host) setView(v);
  }, []);

  const load = useCallback(
    async (refresh = false) => {
      const page = webPage(url);
      if (!page) {
        current.current = undefined;
        setView({ state: 'browser' });
        return;
      }
      // Keyed by host here (no Public Suffix List in the panel); the background's cache is
      // per registrable domain, so a sibling sub-domain is one cheap message away.
      current.current = page.host;
      if (!refresh) setView(seen.current.get(page.host) ?? { state: 'loading', card: page.host });
      try {
        accept(page.host, await request('context/get', { url: page.url, refresh }));
      } catch (e) {
        accept(page.host, { state: 'error', card: page.host, reason: 'bad_response', message: String(e) });
      }
    },
    [url, accept],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    // Pushed changes are keyed by registrable domain: update every host showing that key.
    const stop = onContextChanged((card, v) => {
      for (const [host, old] of seen.current) if ('card' in old && old.card === card) accept(host, v);
    });
    // The outbox changed (sent, refused, discarded): the optimistic overlay changes with it.
    const unwatch = outboxItem.watch(() => void load());
    return () => {
      stop();
      unwatch();
    };
  }, [accept, load]);

  return { view, setView: (v: ContextView) => current.current && accept(current.current, v), reload: load };
}

function onContextChanged(cb: (card: CardKey, v: ContextView) => void): () => void {
  return onEvent((e) => {
    if (e.event === 'context/changed') cb(e.card, e.view);
  });
}
