import type { Settings, SettingsPatch } from '@dossier/shared';
import { ApiError } from '../lib/errors.ts';
import { isValidTimeZone } from '../lib/time.ts';
import type { Store } from '../store/store.ts';
import type { Viewer } from './visibility.ts';

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const cadence = { ...current.cadence };
  for (const tier of ['A', 'B', 'C'] as const) {
    cadence[tier] = { ...cadence[tier], ...(patch.cadence?.[tier] ?? {}) };
  }
  return {
    ...current,
    ...(patch.timeZone ? { timeZone: patch.timeZone } : {}),
    ...(patch.firstCallDays !== undefined ? { firstCallDays: patch.firstCallDays } : {}),
    ...(patch.workdays ? { workdays: patch.workdays } : {}),
    ...(patch.verifyAfterMonths !== undefined ? { verifyAfterMonths: patch.verifyAfterMonths } : {}),
    cadence,
  };
}

/** A manager's change of cadence or time zone; every file's due dates follow in the same write. */
export async function changeSettings(store: Store, patch: SettingsPatch, viewer: Viewer): Promise<Settings> {
  if (viewer.role !== 'manager') throw new ApiError('forbidden', 'only a manager changes the cadence');
  if (patch.timeZone && !isValidTimeZone(patch.timeZone)) {
    throw new ApiError('invalid_request', `unknown time zone ${patch.timeZone}`, [{ path: 'timeZone' }]);
  }
  // Read and written in one transaction: two managers' changes made together both count.
  return store.transaction(async (tx) => {
    const next = mergeSettings(await tx.settings.read(), patch);
    await tx.settings.save(next);
    await tx.due.refreshAll(next);
    return next;
  });
}
