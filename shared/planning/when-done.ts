import { z } from 'zod';
import type { Forecast } from './forecast.js';

export const SprintRef = z.object({
  /** 1 is the first forecast sprint. */
  sprintsAhead: z.number().int().min(1),
  id: z.string(),
  name: z.string(),
  endDate: z.iso.date(),
});
export type SprintRef = z.infer<typeof SprintRef>;

export const DoneEstimate = z.object({
  id: z.string(),
  /** This item's effort plus the effort of every item before it in the list. */
  cumulativeEffort: z.number().min(0),
  /** The sprint by whose end the item is done in at least half of the trials; null beyond the forecast. */
  p50: SprintRef.nullable(),
  /** The sprint by whose end the item is done in at least 85% of the trials; never earlier than p50. */
  p85: SprintRef.nullable(),
});
export type DoneEstimate = z.infer<typeof DoneEstimate>;

/**
 * When will these items be done, paid in the order given (top-K by priority, one quadrant…)? An item is
 * done in a trial once the cumulative debt capacity covers the cumulative effort up to it. Since cumulative
 * capacity only grows, "done by sprint k in 85% of trials" is exactly "the cumulative p85 of sprint k covers
 * the effort", so the forecast's percentiles answer it without rerunning the trials.
 */
export function whenDone(forecast: Pick<Forecast, 'sprints'>, items: readonly { id: string; effort: number }[]): DoneEstimate[] {
  const sprints = forecast.sprints;
  const covering = (effort: number, pick: 'p50' | 'p85'): SprintRef | null => {
    const tolerance = 1e-9 * Math.max(1, effort);
    const k = sprints.findIndex((s) => s.cumulativeDebt[pick] >= effort - tolerance);
    const s = sprints[k];
    return s === undefined ? null : { sprintsAhead: k + 1, id: s.id, name: s.name, endDate: s.endDate };
  };
  let cumulativeEffort = 0;
  return items.map((item) => {
    cumulativeEffort += item.effort;
    return { id: item.id, cumulativeEffort, p50: covering(cumulativeEffort, 'p50'), p85: covering(cumulativeEffort, 'p85') };
  });
}
