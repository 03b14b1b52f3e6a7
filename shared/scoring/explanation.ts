import { z } from 'zod';
import { DebtItem } from '../domain/debt-item.js';
import { EFFORT_UNKNOWN_TAG, effortNotEstimated } from '../domain/effort-estimate.js';
import { RISK_BANDS, type ItemScores } from './scores.js';
import { ScoreWeights } from './weights.js';

/**
 * Scores as they cross a boundary. JSON has no Infinity, so "unbounded" is null and named: ROI and
 * priority are null when the fix takes no effort; the breaking point is null when the debt costs nothing.
 */
export const PublicScores = z.object({
  risk: z.number().int().min(1).max(25),
  riskBand: z.enum(RISK_BANDS),
  expectedEffort: z.number().min(0),
  effortSpread: z.number().min(0),
  carryingCost: z.number().min(0),
  roi: z.number().min(0).nullable(),
  roiLow: z.number().min(0).nullable(),
  roiHigh: z.number().min(0).nullable(),
  breakingPoint: z.number().min(0).nullable(),
  costOfDelay: z.number().min(0),
  priority: z.number().min(0).nullable(),
});
export type PublicScores = z.infer<typeof PublicScores>;

const finiteOrNull = (n: number): number | null => (Number.isFinite(n) ? n : null);

export function publicScores(s: ItemScores): PublicScores {
  return {
    risk: s.risk,
    riskBand: s.riskBand,
    expectedEffort: s.expectedEffort,
    effortSpread: s.effortSpread,
    carryingCost: s.carryingCost,
    roi: finiteOrNull(s.roi),
    roiLow: finiteOrNull(s.roiLow),
    roiHigh: finiteOrNull(s.roiHigh),
    breakingPoint: s.breakingPoint,
    costOfDelay: s.costOfDelay,
    priority: finiteOrNull(s.priority),
  };
}

export const ScoreTerm = z.object({
  key: ScoreWeights.keyof(),
  label: z.string(),
  input: z.string(),
  normalised: z.number(),
  weight: z.number(),
  contribution: z.number(),
});

export const ItemExplanation = z.object({
  item: DebtItem,
  scores: PublicScores,
  terms: z.array(ScoreTerm),
  /** 1 is the highest priority in the portfolio. */
  rank: z.number().int().min(1),
  of: z.number().int().min(1),
  today: z.iso.date(),
  horizonSprints: z.number().int().min(1),
});
export type ItemExplanation = z.infer<typeof ItemExplanation>;

function formatNumber(n: number | null, unbounded: string): string {
  if (n === null) return unbounded;
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** What every view that explains the score of an item for which effortNotEstimated() holds says about it. */
export const NOT_ESTIMATED_NOTE = `Effort not estimated yet (imported without one, tagged “${EFFORT_UNKNOWN_TAG}”): ROI and priority count it as free to fix, so it ranks after every estimated item, and the matrix and the plan leave it out until you estimate it.`;

/** The explanation as lines a person reads: the CLI prints them, reports can quote them. */
export function explanationLines(e: ItemExplanation, unit: string): string[] {
  const s = e.scores;
  const roiRange =
    s.roiLow === s.roiHigh ? '' : ` (range ${formatNumber(s.roiLow, 'no effort')}–${formatNumber(s.roiHigh, 'no effort')})`;
  return [
    e.item.title,
    ...(effortNotEstimated(e.item) ? [NOT_ESTIMATED_NOTE] : []),
    `Priority rank ${String(e.rank)} of ${String(e.of)}; priority ${formatNumber(s.priority, 'unbounded (no effort)')} = cost of delay ${formatNumber(s.costOfDelay, '')} / expected effort ${formatNumber(s.expectedEffort, '')} ${unit}`,
    `Risk ${String(s.risk)} (${s.riskBand}) = likelihood ${String(e.item.likelihood)} × impact ${String(e.item.impact)}`,
    `Expected effort ${formatNumber(s.expectedEffort, '')} ${unit} (PERT of ${String(e.item.effort.low)}/${String(e.item.effort.likely)}/${String(e.item.effort.high)}, σ ${formatNumber(s.effortSpread, '')})`,
    `Carrying cost over ${String(e.horizonSprints)} sprints: ${formatNumber(s.carryingCost, '')} ${unit}; ROI ${formatNumber(s.roi, 'no effort')}${roiRange}`,
    `Breaking point: ${s.breakingPoint === null ? 'never (no interest)' : `${formatNumber(s.breakingPoint, '')} sprints`}`,
    'Cost of delay:',
    ...e.terms.map(
      (t) => `  ${t.label.padEnd(17)} ${t.input}: ${t.normalised.toFixed(2)} × weight ${String(t.weight)} = ${t.contribution.toFixed(2)}`,
    ),
  ];
}
