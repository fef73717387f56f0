import { browser } from '#imports';
import { openDashboard } from '../dashboard/common/open.ts';
import { dashboardWords } from '../dashboard/common/words.ts';
import type { Api } from '../platform/api/client.ts';
import { DASHBOARD_TIMEOUT_MS } from '../platform/api/client.ts';
import { currentApi } from '../platform/api/current.ts';
import { browserLanguages, resolveLocale } from '../platform/i18n/locale.ts';
import { dueWords, type Locale } from '../platform/i18n/words.ts';
import {
  digestEnabledItem,
  digestHourItem,
  digestLastShownItem,
  digestSessionSeenItem,
  digestTiersItem,
  languageItem,
} from '../platform/storage/items.ts';
import { composeDigest, type DigestWords } from './digest.ts';
import { digestIcon } from './icon.ts';
import { nextDigestAt, shouldShowOnStartup } from './schedule.ts';
import { notificationsWords } from './words.ts';

/** The words of a digest in one language. */
const words = (locale: Locale): DigestWords => ({
  ...notificationsWords[locale],
  ...dueWords[locale],
  dashboard: dashboardWords[locale],
});

const DIGEST_ALARM = 'dossier-digest';
const DIGEST_NOTIFICATION = 'dossier-digest';

/** Builds and shows the digest now; false when switched off, not set up, unreachable or nothing is due. */
async function showDigest(
  getApi: () => Promise<Api | null> = () => currentApi(DASHBOARD_TIMEOUT_MS),
): Promise<boolean> {
  const [enabled, tiers, choice] = await Promise.all([
    digestEnabledItem.getValue(),
    digestTiersItem.getValue(),
    languageItem.getValue(),
  ]);
  if (!enabled) return false;
  const api = await getApi();
  const board = api ? await api.due('1d') : null;
  if (!board?.ok) return false;
  const locale = resolveLocale(choice, browserLanguages());
  const digest = composeDigest(board.value, words(locale), { tiers, now: new Date(), locale });
  if (!digest) return false;
  await browser.notifications.create(DIGEST_NOTIFICATION, {
    type: 'basic',
    iconUrl: await digestIcon(),
    title: digest.title,
    message: digest.message,
    priority: 1,
  });
  await digestLastShownItem.setValue(Date.now());
  return true;
}

async function schedule(): Promise<void> {
  const [enabled, hour] = await Promise.all([digestEnabledItem.getValue(), digestHourItem.getValue()]);
  await browser.alarms.clear(DIGEST_ALARM);
  if (enabled) await browser.alarms.create(DIGEST_ALARM, { when: nextDigestAt(new Date(), hour).getTime() });
}

/**
 * The daily digest (issue 6): an alarm at the chosen hour, re-armed each time it rings (so a
 * change of clock or zone is followed), the digest on browser start (unless one was shown
 * minutes ago), and a click that opens the dashboard's board.
 */
export function startNotifications(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DIGEST_ALARM) return;
    void showDigest().finally(() => void schedule());
  });
  // A browser start is the first wake-up of this browser session (session storage starts
  // empty): sturdier than runtime.onStartup, which skips extensions loaded from a folder.
  void digestSessionSeenItem.getValue().then(async (seen) => {
    if (seen) return;
    await digestSessionSeenItem.setValue(true);
    if (shouldShowOnStartup(await digestLastShownItem.getValue(), Date.now())) await showDigest();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id !== DIGEST_NOTIFICATION) return;
    void browser.notifications.clear(id);
    void openDashboard({ view: 'board' });
  });
  digestEnabledItem.watch(() => void schedule());
  digestHourItem.watch(() => void schedule());
  void browser.alarms.get(DIGEST_ALARM).then((a) => {
    if (!a) void schedule();
  });
}
