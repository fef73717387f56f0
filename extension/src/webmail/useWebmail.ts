import type { Capture, CapturedMessage } from '@dossier/shared';
import { useCallback, useEffect, useState } from 'react';
import { onCardEvent as onEvent, onPageReadable } from '../card/send.ts';
import type { ContextView } from '../card/view.ts';
import { request } from './send.ts';

export type MailView =
  | { state: 'reading' }
  | { state: 'no-message' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; capture: Capture; message: CapturedMessage; view: ContextView };

/** Webmail apps render the message a moment after the URL changes: try again for a few seconds. */
const RETRY_DELAYS_MS = [600, 1500, 3000];

/**
 * The open message of a webmail tab and its sender's card. Read on demand (the panel is open
 * on the tab) and again whenever the tab's URL changes — opening another message does that in
 * Gmail, Outlook and 163 — or when asked (QQ Mail classic changes only its inner frame).
 */
export function useWebmail(tabId: number | undefined, url: string | undefined, enabled: boolean) {
  const [mail, setMail] = useState<MailView>({ state: 'reading' });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    void nonce;
    if (!enabled || tabId === undefined || !url) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setMail({ state: 'reading' });
    const attempt = async (n: number) => {
      const again = () => {
        const delay = RETRY_DELAYS_MS[n];
        if (delay === undefined) return false;
        timer = setTimeout(() => void attempt(n + 1), delay);
        return true;
      };
      try {
        const r = await request('webmail/read', { url, tabId, refresh: n === 0 && nonce > 0 });
        if (!alive) return;
        if (r.capture?.message && r.view) {
          setMail({ state: 'ready', capture: r.capture, message: r.capture.message, view: r.view });
        } else if (!again()) setMail({ state: 'no-message' });
      } catch (e) {
        if (!alive) return;
        if (!again()) setMail({ state: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    };
    void attempt(0);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [enabled, tabId, url, nonce]);

  // The sender's card changed in the background (a log or a save landed): show it.
  useEffect(
    () =>
      onEvent((e) => {
        if (e.event !== 'context/changed') return;
        setMail((m) =>
          m.state === 'ready' && 'card' in m.view && m.view.card === e.card ? { ...m, view: e.view } : m,
        );
      }),
    [],
  );

  // The toolbar button pressed on this tab: the message can be read now (activeTab), if it could not before.
  useEffect(() => onPageReadable((e) => e.tabId === tabId && setNonce((n) => n + 1)), [tabId]);

  const setView = useCallback((view: ContextView) => setMail((m) => (m.state === 'ready' ? { ...m, view } : m)), []);
  const reread = useCallback(() => setNonce((n) => n + 1), []);
  return { mail, setView, reread };
}
