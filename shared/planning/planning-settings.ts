import { z } from 'zod';
import { DEFAULT_RESERVE_PCT } from './sprint.js';

/** How the portfolio plans: stored under the `planning` settings key, apart from the basic settings. */
export const PlanningSettings = z.object({
  /** Off: an item is planned whole or not at all. */
  allowSplit: z.boolean({ error: 'allowSplit must be true or false.' }),
  /** The reserve a new sprint gets when none is given. */
  defaultReservePct: z
    .number({ error: 'The default reserve must be a number from 0 to 100.' })
    .min(0, { error: 'The default reserve cannot be below 0%.' })
    .max(100, { error: 'The default reserve cannot be above 100%.' }),
});
export type PlanningSettings = z.infer<typeof PlanningSettings>;

export const PlanningSettingsPatch = PlanningSettings.partial().strict();
export type PlanningSettingsPatch = z.infer<typeof PlanningSettingsPatch>;

export const DEFAULT_PLANNING: PlanningSettings = { allowSplit: true, defaultReservePct: DEFAULT_RESERVE_PCT };
