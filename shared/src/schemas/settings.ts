import { z } from 'zod';

const days = z.number().int().min(1).max(3650);
export const TierCadence = z.object({ callDays: days, visitDays: days });
export type TierCadence = z.infer<typeof TierCadence>;

export const Settings = z.object({
  cadence: z.object({ A: TierCadence, B: TierCadence, C: TierCadence }),
  /** IANA zone used to decide what "today" is for the board. */
  timeZone: z.string().min(1).max(64),
});
export type Settings = z.infer<typeof Settings>;

/** Seed 000: A weekly call / visit every 2 months, B weekly / 3 months, C fortnightly / 4 months. */
export const DEFAULT_SETTINGS: Settings = {
  cadence: {
    A: { callDays: 7, visitDays: 60 },
    B: { callDays: 7, visitDays: 90 },
    C: { callDays: 14, visitDays: 120 },
  },
  timeZone: 'Asia/Shanghai',
};

export const SettingsPatch = z.object({
  cadence: z
    .object({ A: TierCadence.partial(), B: TierCadence.partial(), C: TierCadence.partial() })
    .partial()
    .optional(),
  timeZone: z.string().min(1).max(64).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
