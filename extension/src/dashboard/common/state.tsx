import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { outboxItem } from '../../outbox/store.ts';
import type { OutboxState } from '../../outbox/types.ts';
import type { ApiFailure, ApiResult } from '../../platform/api/client.ts';
import { type Api, DASHBOARD_TIMEOUT_MS } from '../../platform/api/client.ts';
import { currentApi } from '../../platform/api/current.ts';
import { localTimeZone } from '../../platform/i18n/relative.ts';
import { watchConnection } from '../../platform/storage/items.ts';
import type { ToastState } from '../../platform/ui/Toast.tsx';
import { currentMonth, lastCompleteMonth } from './month.ts';
import { formatRoute, parseRoute, type Route } from './router.ts';

/** A failure as the dashboard shows it: the API's, or "no server set up yet". */
export type Failure = ApiFailure | { kind: 'not_configured' };

interface Dashboard {
  /** Null until the options page has a server URL and token. */
  api: Api | null;
  /** The zone the server counts days in (its settings): "today", "overdue 2 days" and the month follow it. */
  timeZone: string;
  route: Route;
  navigate: (r: Route) => void;
  notify: (t: Omit<ToastState, 'id'>) => void;
}

const Ctx = createContext<Dashboard | null>(null);

export function useDashboard(): Dashboard {
  const d = useContext(Ctx);
  if (!d) throw new Error('useDashboard outside DashboardProvider');
  return d;
}

export function DashboardProvider({ children, onToast }: { children: ReactNode; onToast: (t: ToastState) => void }) {
  const [api, setApi] = useState<Api | null | undefined>(undefined);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const load = () => void currentApi(DASHBOARD_TIMEOUT_MS).then(setApi);
    load();
    // The options page may save a new server while the dashboard is open.
    return watchConnection(() => setTimeout(load, 0));
  }, []);
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  const navigate = useCallback((r: Route) => {
    location.hash = formatRoute(r);
    window.scrollTo(0, 0);
  }, []);
  useEffect(() => {
    if (api === undefined) return;
    if (!api) {
      setTimeZone(localTimeZone());
      return;
    }
    void api.settings().then((r) => setTimeZone(r.ok ? r.value.timeZone : localTimeZone()));
  }, [api]);
  const notify = useCallback((t: Omit<ToastState, 'id'>) => onToast({ ...t, id: Date.now() }), [onToast]);
  if (api === undefined || timeZone === undefined) return null;
  return <Ctx.Provider value={{ api, timeZone, route, navigate, notify }}>{children}</Ctx.Provider>;
}

export type Resource<T> =
  | { status: 'loading'; data?: undefined; failure?: undefined }
  | { status: 'ok'; data: T; failure?: undefined }
  | { status: 'error'; data?: T; failure: Failure };

/**
 * One server read for a view. Reloading keeps the last answer on screen (no flash of
 * "loading"); a failed reload keeps it too, with the failure beside it.
 */
export function useResource<T>(
  load: (api: Api) => Promise<ApiResult<T>>,
  key: string,
): Resource<T> & { reload: () => void } {
  const { api } = useDashboard();
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names what is loaded; `tick` asks again.
  useEffect(() => {
    let live = true;
    if (!api) {
      setState({ status: 'error', failure: { kind: 'not_configured' } });
      return;
    }
    void loadRef.current(api).then((r) => {
      if (!live) return;
      setState((prev) =>
        r.ok ? { status: 'ok', data: r.value } : { status: 'error', failure: r.failure, data: prev.data },
      );
    });
    return () => {
      live = false;
    };
  }, [api, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export { useNow } from '../../platform/ui/useNow.ts';

/** The outbox as stored (the background writes it; every page can watch it). */
export function useOutbox(): OutboxState | null {
  const [state, setState] = useState<OutboxState | null>(null);
  useEffect(() => {
    void outboxItem.getValue().then(setState);
    return outboxItem.watch(setState);
  }, []);
  return state;
}

/**
 * Calls back each time a write leaves the outbox for the server (delivered or discarded),
 * so a view re-reads what changed.
 */
export function useOnDelivered(callback: () => void): void {
  const cb = useRef(callback);
  cb.current = callback;
  useEffect(() => {
    let before: Set<string> | null = null;
    void outboxItem.getValue().then((s) => {
      before ??= new Set(s.items.map((i) => i.id));
    });
    return outboxItem.watch((s) => {
      const now = new Set(s.items.map((i) => i.id));
      const left = before ? [...before].some((id) => !now.has(id)) : false;
      before = now;
      if (left) cb.current();
    });
  }, []);
}

/** The month the server counts in ("2026-11" in its zone): the contact sheet and reclassification start there. */
export function useServerMonth(): string {
  const { timeZone } = useDashboard();
  return currentMonth(new Date(), timeZone);
}

/** The last month that is over in the server's zone: reclassification judges it by default. */
export function useLastCompleteMonth(): string {
  const { timeZone } = useDashboard();
  return lastCompleteMonth(new Date(), timeZone);
}
