import { z } from 'zod';

export const UNITS = ['points', 'hours', 'days'] as const;
export const Unit = z.enum(UNITS);
export type Unit = z.infer<typeof Unit>;

export const Settings = z.object({
  name: z
    .string({ error: 'The portfolio name must be text.' })
    .trim()
    .min(1, { error: 'Give the portfolio a name.' })
    .max(100, { error: 'The portfolio name can be at most 100 characters.' }),
  unit: Unit,
  sprintLengthDays: z
    .number({ error: 'Sprint length must be a whole number of days.' })
    .int({ error: 'Sprint length must be a whole number of days.' })
    .min(1, { error: 'A sprint lasts at least 1 day.' })
    .max(90, { error: 'A sprint lasts at most 90 days.' }),
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = Settings.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Settings = { name: 'My portfolio', unit: 'points', sprintLengthDays: 14 };
