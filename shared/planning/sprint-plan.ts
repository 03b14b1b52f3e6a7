import { z } from 'zod';

/**
 * The planner's options as a store or a CLI receives them. Pins map an item id to the sprint it must start in;
 * excluded items are never planned; with `allowSplit` off an item is planned whole or not at all.
 */
export const PlanOptions = z.object({
  pins: z.record(z.string(), z.string()).default({}),
  exclusions: z.array(z.string()).default([]),
  allowSplit: z.boolean().default(true),
});
export type PlanOptions = z.infer<typeof PlanOptions>;

/** One item's share of one sprint's reserve. */
export const PlannedPart = z.object({
  id: z.string(),
  amount: z.number().min(0),
  /** Why it is here, for people: "priority rank 3", "priority rank 3; pinned", "continues from S2"… */
  reason: z.string(),
  pinned: z.boolean(),
  /** True for every part after an item's first. */
  continuation: z.boolean(),
  /** True for the part that completes the item. */
  finishes: z.boolean(),
});
export type PlannedPart = z.infer<typeof PlannedPart>;

export const PlannedSprint = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  reserve: z.number().min(0),
  allocated: z.number().min(0),
  /** Value (priority × effort) of the items finished by the end of this sprint. */
  valueByEnd: z.number().min(0),
  /** The most value any plan could finish by then: the fractional knapsack over the reserve so far. */
  upperBoundByEnd: z.number().min(0),
  items: z.array(PlannedPart),
});
export type PlannedSprint = z.infer<typeof PlannedSprint>;

export const UnplannedItem = z.object({
  id: z.string(),
  /** Effort left outside the plan: all of it, or the rest of an item split across the last sprints. */
  remaining: z.number().min(0),
  reason: z.string(),
});
export type UnplannedItem = z.infer<typeof UnplannedItem>;

export const LateItem = z.object({
  id: z.string(),
  dueDate: z.iso.date(),
  /** The end of the sprint that finishes the item; null when the plan does not finish it by its due date at all. */
  plannedFinish: z.iso.date().nullable(),
});
export type LateItem = z.infer<typeof LateItem>;

export const SprintPlan = z.object({
  sprints: z.array(PlannedSprint),
  unplanned: z.array(UnplannedItem),
  lateItems: z.array(LateItem),
  /** Σ over sprints of `valueByEnd`: finishing valuable items early counts in every later sprint. */
  value: z.number().min(0),
  /** Σ over sprints of `upperBoundByEnd`. */
  upperBound: z.number().min(0),
  /** How far the plan falls short of the bound, 0–100; pins and "don't split" are what usually cost. */
  gapPct: z.number().min(0).max(100),
});
export type SprintPlan = z.infer<typeof SprintPlan>;
