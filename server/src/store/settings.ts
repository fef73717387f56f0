import type { Settings } from '@dossier/shared';

export interface SettingsStore {
  /** The settings as saved, or the defaults. */
  read(): Promise<Settings>;
  save(value: Settings): Promise<void>;
}
