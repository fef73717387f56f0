import { browser } from '#imports';
import { currentApi } from '../platform/api/current.ts';
import { Outbox } from './queue.ts';
import { createSender } from './sender.ts';
import { storageOutboxStore } from './store.ts';

export const OUTBOX_ALARM = 'dossier-outbox';
/** Timers only for short waits: a service worker idles out after ~30 s, an alarm wakes it again. */
const TIMER_LIMIT_MS = 25_000;

/**
 * The background's outbox: stored in storage.local, sent with the current settings, woken by
 * a timer for short backoffs and by chrome.alarms (which outlive the service worker and, with
 * the store, the browser) for everything else.
 */
export function createBackgroundOutbox(): Outbox {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const outbox: Outbox = new Outbox({
    store: storageOutboxStore,
    send: createSender(currentApi),
    schedule: (at) => {
      clearTimeout(timer);
      if (at === null) {
        void browser.alarms.clear(OUTBOX_ALARM);
        return;
      }
      const wait = Math.max(0, at - Date.now());
      if (wait <= TIMER_LIMIT_MS) timer = setTimeout(() => void outbox.flush(), wait);
      // Chrome clamps alarms to ≥30 s; the periodic minute is the sweep after a restart.
      void browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, Date.now() + 1000), periodInMinutes: 1 });
    },
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void outbox.flush();
  });
  // Browser (re)start and service-worker wake-up alike: send what the last session left.
  void outbox.flush();
  return outbox;
}
