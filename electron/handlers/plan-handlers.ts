import type { Output, ParsedInput } from '../../shared/api/contract.js';
import type { PlanExclusion } from '../../shared/api/planning-contract.js';
import { backtest } from '../../shared/planning/backtest.js';
import { planItemsFrom, planSprints } from '../../shared/planning/capacity-planner.js';
import { erosionReport } from '../../shared/planning/erosion.js';
import { forecast } from '../../shared/planning/forecast.js';
import { compareScenarios } from '../../shared/planning/scenarios.js';
import { continueSprints, isClosed, pinsFromSprints, reserveBandWarning } from '../../shared/planning/sprint.js';
import { effortNotEstimated } from '../../shared/domain/effort-estimate.js';
import { scorePortfolio, type ScoredItem } from '../../shared/scoring/score-portfolio.js';
import type { SprintPlan } from '../../shared/planning/sprint-plan.js';
import { allItems } from '../store/debt-items-repo.js';
import { excludeItem, includeItem, listExclusions } from '../store/plan-exclusions-repo.js';
import { readPlanning } from '../store/planning-settings-repo.js';
import { readScoring, readSettings } from '../store/settings-repo.js';
import { listSprints } from '../store/sprints-repo.js';
import type { HandlerContext } from './context.js';
import { localDate } from './scoring-handlers.js';

/** With no open sprints, a forecast looks this many sprints past the latest one. */
const DEFAULT_FORECAST_SPRINTS = 6;

/** The open items ranked as the table ranks them: `scorePortfolio` with the stored scoring settings, today. */
function rankedItems(ctx: HandlerContext): ScoredItem[] {
  const db = ctx.store.db;
  return scorePortfolio(allItems(db), readScoring(db), readSettings(db).sprintLengthDays, localDate(ctx.now()));
}

const NOT_ESTIMATED_REASON = 'not estimated: give it an effort estimate to plan it';

/**
 * Items imported without an effort estimate (effort 0, tagged effort-unknown). Scored as free to fix, they would
 * fill the first sprint at no cost and hide real work, so the plan leaves them out, saying why, until estimated.
 */
function notEstimatedIds(ranked: readonly ScoredItem[]): ReadonlySet<string> {
  return new Set(ranked.filter((r) => effortNotEstimated(r.item)).map((r) => r.item.id));
}

/** The stored exclusions and the items not yet estimated: what the planner leaves out. */
function leftOut(exclusions: readonly PlanExclusion[], notEstimated: ReadonlySet<string>): ReadonlySet<string> {
  return new Set([...exclusions.map((e) => e.itemId), ...notEstimated]);
}

/**
 * The planner's answer with every item's title beside its id, read from the same item list the plan was made
 * from, an excluded item's note in its reason, and an item left out for want of an estimate saying so.
 */
function titledPlan(
  plan: SprintPlan,
  titles: ReadonlyMap<string, string>,
  exclusions: readonly PlanExclusion[],
  notEstimated: ReadonlySet<string>,
): Omit<Output<'plan.get'>, 'warnings'> {
  const title = (id: string): string => titles.get(id) ?? id;
  const notes = new Map(exclusions.map((e) => [e.itemId, e.note]));
  const reasonOf = (id: string, reason: string): string => {
    if (notes.has(id)) {
      const note = notes.get(id);
      return note === undefined ? reason : `${reason}: ${note}`;
    }
    return notEstimated.has(id) ? NOT_ESTIMATED_REASON : reason;
  };
  return {
    ...plan,
    sprints: plan.sprints.map((s) => ({ ...s, items: s.items.map((p) => ({ ...p, title: title(p.id) })) })),
    unplanned: plan.unplanned.map((u) => ({ ...u, title: title(u.id), reason: reasonOf(u.id, u.reason) })),
    lateItems: plan.lateItems.map((l) => ({ ...l, title: title(l.id) })),
    exclusions: exclusions.map((e) => ({ ...e, title: title(e.itemId) })),
  };
}

/**
 * The plan for the open sprints (the first `sprints` of them), filled with the ranked open items, leaving out the
 * excluded ones. A `reservePct` is a what-if for every planned sprint: the stored reserves stay as they are.
 */
export function getPlanHandler(ctx: HandlerContext, input: ParsedInput<'plan.get'>): Output<'plan.get'> {
  const db = ctx.store.db;
  const all = listSprints(db);
  const open = all.filter((s) => !isClosed(s));
  const chosen = (input.sprints === undefined ? open : open.slice(0, input.sprints)).map((s) =>
    input.reservePct === undefined ? s : { ...s, reservePct: input.reservePct },
  );
  const ranked = rankedItems(ctx);
  const exclusions = listExclusions(db);
  const notEstimated = notEstimatedIds(ranked);
  const plan = planSprints({
    items: planItemsFrom(ranked),
    sprints: chosen,
    pins: pinsFromSprints(all),
    exclusions: leftOut(exclusions, notEstimated),
    allowSplit: readPlanning(db).allowSplit,
  });
  const warnings: string[] = [];
  if (open.length === 0) warnings.push('There are no open sprints to plan: add some with "paydown sprint add".');
  const band = input.reservePct === undefined ? null : reserveBandWarning(input.reservePct);
  if (band !== null) warnings.push(band);
  const erosion = erosionReport(all).warning;
  if (erosion !== null) warnings.push(erosion);
  const titles = new Map(ranked.map((r) => [r.item.id, r.item.title]));
  return { ...titledPlan(plan, titles, exclusions, notEstimated), warnings };
}

export function excludeItemHandler(ctx: HandlerContext, input: ParsedInput<'plan.exclude'>): Output<'plan.exclude'> {
  return excludeItem(ctx.store.db, input.itemId, input.note, ctx.now().toISOString());
}

export function includeItemHandler(ctx: HandlerContext, input: ParsedInput<'plan.include'>): Output<'plan.include'> {
  return includeItem(ctx.store.db, input.itemId, ctx.now().toISOString());
}

/**
 * Capacity and debt capacity of the next `sprints` sprints. Past the open ones the calendar is continued as
 * the store would continue it (same length, capacity and reserve); those sprints are listed in `projected`.
 */
export function getForecastHandler(ctx: HandlerContext, input: ParsedInput<'forecast.get'>): Output<'forecast.get'> {
  const all = listSprints(ctx.store.db);
  const open = all.filter((s) => !isClosed(s));
  const wanted = input.sprints ?? (open.length > 0 ? open.length : DEFAULT_FORECAST_SPRINTS);
  const upcoming = open.slice(0, wanted);
  const missing = wanted - upcoming.length;
  const more = missing > 0 && all.length > 0 ? continueSprints(all, { count: missing, idFor: (name) => `projected-${name}` }) : [];
  const result = forecast({
    history: all,
    upcoming: [...upcoming, ...more],
    seed: input.seed,
    ...(input.trials === undefined ? {} : { trials: input.trials }),
  });
  return { ...result, projected: more.map((s) => s.name) };
}

export function backtestHandler(ctx: HandlerContext, input: ParsedInput<'forecast.backtest'>): Output<'forecast.backtest'> {
  return backtest({
    sprints: listSprints(ctx.store.db),
    seed: input.seed,
    ...(input.trials === undefined ? {} : { trials: input.trials }),
  });
}

export function erosionHandler(ctx: HandlerContext): Output<'erosion.get'> {
  return erosionReport(listSprints(ctx.store.db));
}

/** What 10, 15 and 20% (and a custom reserve) buy over the open sprints, with the stored pins, exclusions and split rule. */
export function scenariosHandler(ctx: HandlerContext, input: ParsedInput<'scenarios.get'>): Output<'scenarios.get'> {
  const db = ctx.store.db;
  const all = listSprints(db);
  const ranked = rankedItems(ctx);
  return compareScenarios({
    items: planItemsFrom(ranked),
    sprints: all,
    pins: pinsFromSprints(all),
    exclusions: leftOut(listExclusions(db), notEstimatedIds(ranked)),
    allowSplit: readPlanning(db).allowSplit,
    ...(input.customReservePct === undefined ? {} : { customReservePct: input.customReservePct }),
    ...(input.horizon === undefined ? {} : { horizon: input.horizon }),
  });
}
