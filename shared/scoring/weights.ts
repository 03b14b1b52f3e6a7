import { z } from 'zod';

const weight = z
  .number({ error: 'A weight must be a number.' })
  .min(0, { error: 'A weight cannot be negative.' })
  .max(10, { error: 'A weight can be at most 10.' });

/** How much each part of the cost of delay counts; all zero would make every priority 0. */
export const ScoreWeights = z
  .object({ risk: weight, interest: weight, timeCriticality: weight, outcome: weight })
  .refine((w) => w.risk + w.interest + w.timeCriticality + w.outcome > 0, {
    error: 'At least one weight must be above 0.',
  });
export type ScoreWeights = z.infer<typeof ScoreWeights>;

export const WEIGHT_PRESETS = {
  balanced: { label: 'Balanced (WSJF)', weights: { risk: 1, interest: 1, timeCriticality: 1, outcome: 1 } },
  riskFirst: { label: 'Risk first', weights: { risk: 3, interest: 1, timeCriticality: 1, outcome: 0.5 } },
  roiFirst: { label: 'ROI first', weights: { risk: 1, interest: 3, timeCriticality: 0.5, outcome: 0.5 } },
} as const satisfies Record<string, { label: string; weights: ScoreWeights }>;
export type WeightPreset = keyof typeof WEIGHT_PRESETS;

/**
 * Where the priority matrix splits high from low, as the team agreed it: risk at or above `risk` is high, and
 * ROI (how many times the fix pays back within the horizon) at or above `roi`.
 */
export const QuadrantThresholds = z
  .object({
    risk: z
      .number({ error: 'The risk threshold must be a number.' })
      .int({ error: 'The risk threshold is a whole number from 1 to 25.' })
      .min(1, { error: 'The risk threshold is a whole number from 1 to 25.' })
      .max(25, { error: 'The risk threshold is a whole number from 1 to 25.' }),
    roi: z
      .number({ error: 'The ROI threshold must be a number.' })
      .min(0.01, { error: 'The ROI threshold is at least 0.01.' })
      .max(1000, { error: 'The ROI threshold is at most 1000.' }),
  })
  .strict();
export type QuadrantThresholds = z.infer<typeof QuadrantThresholds>;

/** Risk 10 is where the High band starts; ROI 1 means the fix pays for itself within the horizon. */
export const DEFAULT_THRESHOLDS: QuadrantThresholds = { risk: 10, roi: 1 };

export const ScoringSettings = z.object({
  /** Planning horizon H, in sprints: carrying cost and time criticality look this far ahead. */
  horizonSprints: z
    .number()
    .int({ error: 'The horizon is a whole number of sprints.' })
    .min(1, { error: 'The horizon is at least 1 sprint.' })
    .max(104, { error: 'The horizon is at most 104 sprints.' }),
  weights: ScoreWeights,
  /** Optional so scores can be computed without them (they split the matrix, they do not score); stored answers carry them. */
  thresholds: QuadrantThresholds.optional(),
});
export type ScoringSettings = z.infer<typeof ScoringSettings>;

export const ScoringSettingsPatch = z
  .object({ horizonSprints: ScoringSettings.shape.horizonSprints, weights: ScoreWeights, thresholds: QuadrantThresholds })
  .partial()
  .strict();
export type ScoringSettingsPatch = z.infer<typeof ScoringSettingsPatch>;

export const DEFAULT_SCORING: ScoringSettings = { horizonSprints: 12, weights: WEIGHT_PRESETS.balanced.weights, thresholds: DEFAULT_THRESHOLDS };
