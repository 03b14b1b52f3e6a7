import { z } from 'zod';
import type { DebtItem } from '../domain/debt-item.js';
import { risk } from '../scoring/scores.js';
import { PLANNABLE_STATUSES, planSprints, type PlanInput, type PlanItem } from './capacity-planner.js';
import { byCalendar, isClosed, reserveBandWarning } from './sprint.js';

/** The reserves every comparison shows: the edges and the middle of the healthy band. */
export const SCENARIO_RESERVES = [10, 15, 20] as const;

export const ScenarioSprint = z.object({
  id: z.string(),
  name: z.string(),
  /** This sprint's reserve: capacity that feature work gives up. */
  featureCapacityGivenUp: z.number().min(0),
  cumulativeFeatureCapacityGivenUp: z.number().min(0),
  /** Effort paid down so far, parts of unfinished items included. */
  cumulativePrincipal: z.number().min(0),
  /** Interest per sprint still owed after this sprint: the open items not yet fully paid. */
  remainingInterest: z.number().min(0),
  /** Risk (likelihood × impact) of the items finished so far. */
  cumulativeRiskRemoved: z.number().min(0),
});
export type ScenarioSprint = z.infer<typeof ScenarioSprint>;

export const Scenario = z.object({
  label: z.string(),
  reservePct: z.number().min(0).max(100),
  custom: z.boolean(),
  /** The healthy-band warning for this reserve, or null inside the band. */
  warning: z.string().nullable(),
  gapPct: z.number().min(0).max(100),
  unplannedItems: z.number().int().min(0),
  sprints: z.array(ScenarioSprint),
});
export type Scenario = z.infer<typeof Scenario>;

export const ScenarioComparison = z.object({
  horizon: z.number().int().min(0),
  /** Interest per sprint owed today, before any of the horizon's sprints. */
  startingInterest: z.number().min(0),
  scenarios: z.array(Scenario),
});
export type ScenarioComparison = z.infer<typeof ScenarioComparison>;

export interface ScenarioItem extends PlanItem {
  readonly item: PlanItem['item'] & Pick<DebtItem, 'interest' | 'likelihood' | 'impact'>;
}

export interface ScenarioInput extends Omit<PlanInput, 'items'> {
  readonly items: readonly ScenarioItem[];
  /** A reserve to compare with 10, 15 and 20%, 0–100. */
  readonly customReservePct?: number;
  /** How many open sprints to compare over; all of them by default. */
  readonly horizon?: number;
}

/**
 * What each reserve buys over the horizon: the same calendar, pins and exclusions with every open sprint's
 * reserve set to 10, 15, 20% (and the custom value), planned by the same planner. Excluded items keep
 * costing interest; paid, accepted and won't-fix items are outside the comparison.
 */
export function compareScenarios(input: ScenarioInput): ScenarioComparison {
  const open = input.sprints.filter((s) => !isClosed(s)).sort(byCalendar);
  const sprints = open.slice(0, input.horizon ?? open.length);
  const openItems = input.items.filter((c) => PLANNABLE_STATUSES.has(c.item.status));
  const byId = new Map(openItems.map((c) => [c.item.id, c.item]));
  const startingInterest = openItems.reduce((sum, c) => sum + c.item.interest, 0);

  const run = (reservePct: number, custom: boolean): Scenario => {
    const plan = planSprints({ ...input, sprints: sprints.map((s) => ({ ...s, reservePct })) });
    let givenUp = 0;
    let principal = 0;
    let interest = startingInterest;
    let riskRemoved = 0;
    const rows = plan.sprints.map((p): ScenarioSprint => {
      givenUp += p.reserve;
      principal += p.allocated;
      for (const part of p.items) {
        const item = part.finishes ? byId.get(part.id) : undefined;
        if (item === undefined) continue;
        interest -= item.interest;
        riskRemoved += risk(item.likelihood, item.impact);
      }
      return {
        id: p.id,
        name: p.name,
        featureCapacityGivenUp: p.reserve,
        cumulativeFeatureCapacityGivenUp: givenUp,
        cumulativePrincipal: principal,
        // Subtracting floats one by one can leave −1e-15 where nothing is owed.
        remainingInterest: Math.max(0, interest),
        cumulativeRiskRemoved: riskRemoved,
      };
    });
    return {
      label: custom ? `custom ${String(reservePct)}%` : `${String(reservePct)}%`,
      reservePct,
      custom,
      warning: reserveBandWarning(reservePct),
      gapPct: plan.gapPct,
      unplannedItems: plan.unplanned.length,
      sprints: rows,
    };
  };

  const scenarios = SCENARIO_RESERVES.map((pct) => run(pct, false));
  if (input.customReservePct !== undefined) scenarios.push(run(input.customReservePct, true));
  return { horizon: sprints.length, startingInterest, scenarios };
}
