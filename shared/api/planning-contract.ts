// The schemas of the sprint, plan and forecast channels; `contract.ts` spreads them into the one contract.
import { z } from 'zod';
import { ItemId } from '../domain/debt-item.js';
import { Backtest } from '../planning/backtest.js';
import { ErosionReport } from '../planning/erosion.js';
import { Forecast } from '../planning/forecast.js';
import { PlanningSettings, PlanningSettingsPatch } from '../planning/planning-settings.js';
import { ScenarioComparison } from '../planning/scenarios.js';
import { Sprint, SprintActuals, reserveBandWarning } from '../planning/sprint.js';
import { LateItem, PlannedPart, PlannedSprint, SprintPlan, UnplannedItem } from '../planning/sprint-plan.js';


const percent = (label: string) =>
  z
    .number({ error: `${label} must be a number from 0 to 100.` })
    .min(0, { error: `${label} cannot be below 0%.` })
    .max(100, { error: `${label} cannot be above 100%.` });

const SprintName = Sprint.shape.name;
const MAX_RUN = 52;
const MAX_TRIALS = 100_000;

/** Outside the healthy band a reserve needs a reason; checked here too, so a refused change writes nothing. */
function requireReason(ctx: z.core.ParsePayload<{ reservePct?: number | undefined; reserveReason?: string | undefined }>): void {
  const { reservePct, reserveReason } = ctx.value;
  if (reservePct === undefined || reserveReason !== undefined) return;
  const warning = reserveBandWarning(reservePct);
  if (warning === null) return;
  ctx.issues.push({
    code: 'custom',
    input: ctx.value,
    path: ['reserveReason'],
    message: `${warning} Give a reason to keep it, or choose 10–20%.`,
  });
}

/** A sprint as the store keeps it: the planning schema's fields, and when it was closed. */
export const StoredSprint = z.object({ ...Sprint.shape, closedAt: z.iso.datetime().optional() });
export type StoredSprint = z.infer<typeof StoredSprint>;

/**
 * One sprint (`name`, `startDate` and `capacity` required), or with `count` a run of sprints named prefix + number
 * that continues after the latest one and repeats its length, capacity and reserve unless told otherwise.
 */
const CreateSprints = z
  .object({
    name: SprintName.optional(),
    count: z.number().int().min(1).max(MAX_RUN, { error: `A run has at most ${String(MAX_RUN)} sprints.` }).optional(),
    prefix: z.string().trim().min(1).max(20).optional(),
    startDate: Sprint.shape.startDate.optional(),
    lengthDays: Sprint.shape.lengthDays.optional(),
    capacity: Sprint.shape.capacity.optional(),
    availabilityPct: percent('Availability').optional(),
    reservePct: percent('The debt reserve').optional(),
    reserveReason: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .check((ctx) => {
    const v = ctx.value;
    const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', input: v, path: [path], message });
    if (v.count === undefined) {
      if (v.name === undefined) issue('name', 'Give the sprint a name.');
      if (v.startDate === undefined) issue('startDate', 'Give the sprint a start date (YYYY-MM-DD).');
      if (v.capacity === undefined) issue('capacity', "Give the sprint's capacity.");
      if (v.prefix !== undefined) issue('prefix', 'A prefix names a run of sprints: give a count too.');
    } else if (v.name !== undefined) {
      issue('name', 'A run of sprints is named by its prefix and a number; leave out the name or the count.');
    }
    requireReason(ctx);
  });

/** Changes an open sprint; a new reserve drops the old reason, which was about the old value. */
const UpdateSprint = z
  .object({
    name: SprintName,
    capacity: Sprint.shape.capacity.optional(),
    availabilityPct: percent('Availability').optional(),
    reservePct: percent('The debt reserve').optional(),
    reserveReason: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .check(requireReason);

const CloseSprint = z
  .object({
    name: SprintName,
    completed: SprintActuals.shape.completed,
    debtSpent: SprintActuals.shape.debtSpent,
    paidItemIds: z.array(ItemId).max(1000).default([]),
  })
  .strict()
  .check((ctx) => {
    if (ctx.value.debtSpent > ctx.value.completed) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['debtSpent'],
        message: 'Debt spend is part of the completed work, so it cannot be more than it.',
      });
    }
  });

const Note = z.string().trim().min(1).max(200);
const PinItem = z.object({ name: SprintName, itemId: ItemId, note: Note.optional() }).strict();
const UnpinItem = z.object({ name: SprintName, itemId: ItemId }).strict();

/** An item the planner leaves out whatever its rank, and why. */
export const PlanExclusion = z.object({ itemId: ItemId, note: Note.optional() });
export type PlanExclusion = z.infer<typeof PlanExclusion>;
const ExcludeItem = PlanExclusion.strict();
const IncludeItem = z.object({ itemId: ItemId }).strict();

/** A scenario's reserve for every open sprint; outside 10–20% it needs a reason, as `sprints.update` does. */
const ApplyScenario = z
  .object({ reservePct: percent('The debt reserve'), reserveReason: z.string().trim().min(1).max(500).optional() })
  .strict()
  .check(requireReason);

const sprintCount = z.number().int().min(1).max(MAX_RUN, { error: `At most ${String(MAX_RUN)} sprints.` });

const PlanQuery = z
  .object({
    /** A what-if reserve for every planned sprint; the stored reserves are not changed. */
    reservePct: percent('The debt reserve').optional(),
    /** Plan only the first N open sprints. */
    sprints: sprintCount.optional(),
  })
  .strict()
  .default({});

const Titled = { title: z.string() };

/**
 * The plan with each item's title beside its id, so a view can show any portfolio's plan without listing the
 * items; the stored exclusions; and what a planner should see first: band warnings for the override and erosion.
 */
export const PlanAnswer = z.object({
  ...SprintPlan.shape,
  sprints: z.array(PlannedSprint.extend({ items: z.array(PlannedPart.extend(Titled)) })),
  unplanned: z.array(UnplannedItem.extend(Titled)),
  lateItems: z.array(LateItem.extend(Titled)),
  exclusions: z.array(PlanExclusion.extend(Titled)),
  warnings: z.array(z.string()),
});
export type PlanAnswer = z.infer<typeof PlanAnswer>;

const ForecastQuery = z
  .object({
    /** How many sprints ahead; beyond the open ones the calendar is continued (sprints marked `projected`). */
    sprints: sprintCount.optional(),
    trials: z.number().int().min(1).max(MAX_TRIALS, { error: `At most ${String(MAX_TRIALS)} trials.` }).optional(),
    /** The same seed on the same data gives the same forecast; 1 by default. */
    seed: z.number().int().min(0).max(0xffff_ffff).default(1),
  })
  .strict()
  .default({ seed: 1 });

export const ForecastAnswer = z.object({ ...Forecast.shape, projected: z.array(z.string()) });
export type ForecastAnswer = z.infer<typeof ForecastAnswer>;

const BacktestQuery = z
  .object({
    trials: z.number().int().min(1).max(MAX_TRIALS).optional(),
    seed: z.number().int().min(0).max(0xffff_ffff).default(1),
  })
  .strict()
  .default({ seed: 1 });

const ScenarioQuery = z
  .object({
    /** A reserve to compare with 10, 15 and 20%. */
    customReservePct: percent('The custom reserve').optional(),
    horizon: sprintCount.optional(),
  })
  .strict()
  .default({});

const NoInput = z.object({}).strict().default({});

export const planningContract = {
  'sprints.list': { input: NoInput, output: z.array(StoredSprint) },
  'sprints.create': { input: CreateSprints, output: z.array(StoredSprint) },
  'sprints.update': { input: UpdateSprint, output: StoredSprint },
  'sprints.close': { input: CloseSprint, output: StoredSprint },
  'sprints.pin': { input: PinItem, output: StoredSprint },
  'sprints.unpin': { input: UnpinItem, output: StoredSprint },
  'planning.get': { input: NoInput, output: PlanningSettings },
  'planning.set': { input: PlanningSettingsPatch, output: PlanningSettings },
  'plan.get': { input: PlanQuery, output: PlanAnswer },
  'plan.exclude': { input: ExcludeItem, output: z.array(PlanExclusion) },
  'plan.include': { input: IncludeItem, output: z.array(PlanExclusion) },
  'forecast.get': { input: ForecastQuery, output: ForecastAnswer },
  'forecast.backtest': { input: BacktestQuery, output: Backtest },
  'erosion.get': { input: NoInput, output: ErosionReport },
  'scenarios.get': { input: ScenarioQuery, output: ScenarioComparison },
  'scenarios.apply': { input: ApplyScenario, output: z.array(StoredSprint) },
} as const;
