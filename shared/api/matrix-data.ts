import { z } from 'zod';
import { KINDS, STATUSES } from '../domain/debt-item.js';
import { Unit } from '../domain/settings.js';
import { ScoringSettings } from '../scoring/weights.js';

/**
 * Every matching item as parallel arrays: index i of each column is one item. Columns instead of objects
 * keep 100k items a few MB of JSON and let the scorer run over plain arrays. Absent values are null.
 */
export const MatrixColumns = z.object({
  id: z.array(z.string()),
  title: z.array(z.string()),
  kind: z.array(z.enum(KINDS)),
  status: z.array(z.enum(STATUSES)),
  owner: z.array(z.string()),
  tags: z.array(z.array(z.string())),
  likelihood: z.array(z.number()),
  impact: z.array(z.number()),
  effortLow: z.array(z.number()),
  effortLikely: z.array(z.number()),
  effortHigh: z.array(z.number()),
  interest: z.array(z.number()),
  dueDate: z.array(z.string().nullable()),
  outcome: z.array(z.string().nullable()),
  /** The version each item was read at: bulk changes send it back, so a stale item refuses the change. */
  version: z.array(z.number().int().min(1)),
});
export type MatrixColumns = z.infer<typeof MatrixColumns>;

export const MatrixData = z.object({
  columns: MatrixColumns,
  /** Items in the whole portfolio, and its highest interest: scores are judged portfolio-wide, as `items.explain` does. */
  portfolioCount: z.number().int().min(0),
  maxInterest: z.number().min(0),
  scoring: ScoringSettings,
  sprintLengthDays: z.number().int().min(1),
  unit: Unit,
  /** The host's local date (YYYY-MM-DD) the time criticality is measured from. */
  today: z.iso.date(),
});
export type MatrixData = z.infer<typeof MatrixData>;
