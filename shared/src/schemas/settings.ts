import { z } from 'zod';

const days = z.number().int().min(1).max(3650);
export const TierCadence = z.object({ callDays: days, visitDays: days });
export type TierCadence = z.infer<typeof TierCadence>;

/**
 * Which days are working days for due dates: the mainland calendar (weekends, public holidays
 * and their make-up working days, 调休), plain Saturday/Sunday weekends, or every day.
 */
export const Workdays = z.enum(['mainland', 'weekends', 'none']);
export type Workdays = z.infer<typeof Workdays>;
/** Days from a new file to its first call, whatever made the file (hand, capture, land result, import). */
const firstCallDays = z.number().int().min(0).max(365);
/** Seed 002: a phone or e-mail not seen or confirmed for this many months is marked "verify before calling". */
const verifyAfterMonths = z.number().int().min(1).max(120);

export const Settings = z.object({
  cadence: z.object({ A: TierCadence, B: TierCadence, C: TierCadence }),
  /** IANA zone used to decide what "today" is for the board. */
  timeZone: z.string().min(1).max(64),
  firstCallDays: firstCallDays.default(0),
  workdays: Workdays.default('mainland'),
  verifyAfterMonths: verifyAfterMonths.default(12),
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
  // A new prospect is called the day it is filed (DESIGN: a land winner's first call is due at once).
  firstCallDays: 0,
  workdays: 'mainland',
  verifyAfterMonths: 12,
};

export const SettingsPatch = z.object({
  cadence: z
    .object({ A: TierCadence.partial(), B: TierCadence.partial(), C: TierCadence.partial() })
    .partial()
    .optional(),
  timeZone: z.string().min(1).max(64).optional(),
  firstCallDays: firstCallDays.optional(),
  workdays: Workdays.optional(),
  verifyAfterMonths: verifyAfterMonths.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
