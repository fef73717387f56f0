import type { ContextQuery } from '@dossier/shared';
import { useCallback, useEffect, useState } from 'react';
import { onCardEvent as onEvent, request } from './send.ts';
import type { ContextView } from './view.ts';

export interface Found {
  customerId: number;
  card: string;
  query: ContextQuery;
}

/**
 * The card of a customer opened from the panel's search that has no website: asked by the key
 * its file holds (credit code, ICP number, e-mail), and kept current as writes land.
 */
export function useFoundCard(found: Found | null) {
  const [view, setView] = useState<ContextView | null>(null);
  const customerId = found?.customerId;
  const query = found ? JSON.stringify(found.query) : null;

  const load = useCallback(
    async (refresh = false) => {
      if (customerId === undefined || !query) return;
      try {
        setView(await request('context/customer', { customerId, query: JSON.parse(query), refresh }));
      } catch (e) {
        setView({ state: 'error', card: '', reason: 'bad_response', message: String(e) });
      }
    },
    [customerId, query],
  );

  useEffect(() => {
    setView(null);
    void load();
  }, [load]);

  const card = found?.card;
  useEffect(
    () =>
      onEvent((e) => {
        if (e.event === 'context/changed' && e.card === card) setView(e.view);
      }),
    [card],
  );

  return { view: found ? view : null, setView, reload: load };
}
