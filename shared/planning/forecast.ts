import { z } from 'zod';
import { percentilesInPlace } from './percentiles.js';
import { createRandom, randomIndex } from './random.js';
import { byCalendar, endDate, isClosed, reserveCapacity, type Sprint } from './sprint.js';

export const FORECAST_TRIALS = 10_000;
/** Fewer closed sprints than this say too little about a team's pace to resample them. */
export const MIN_CLOSED_SPRINTS = 3;
/** Without history, the entered capacity is taken as ±30%: wide on purpose, since nothing has been measured yet. */
export const ENTERED_CAPACITY_RANGE = 0.3;

/**
 * The convention for every percentile here: pXX is the value reached or exceeded in XX% of trials. p85 is
 * therefore the cautious figure ("85% sure of at least this") and never above p50.
 */
export const Percentiles = z.object({ p50: z.number().min(0), p85: z.number().min(0) });
export type Percentiles = z.infer<typeof Percentiles>;

export const SprintForecast = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  /** All work the team completes in the sprint. */
  capacity: Percentiles,
  /** The part spent on debt: completed work × the debt share. */
  debtCapacity: Percentiles,
  /** Debt capacity summed from the first forecast sprint to this one (percentiles of the sum, not sums of percentiles). */
  cumulativeDebt: Percentiles,
});
export type SprintForecast = z.infer<typeof SprintForecast>;

export const ForecastBasis = z.enum(['history', 'entered-capacity']);
export const Forecast = z.object({
  basis: ForecastBasis,
  message: z.string(),
  closedSprints: z.number().int().min(0),
  /** 0 when the basis is the entered capacity. */
  trials: z.number().int().min(0),
  seed: z.number(),
  sprints: z.array(SprintForecast),
});
export type Forecast = z.infer<typeof Forecast>;

export interface ForecastInput {
  /** Past sprints in any order; only closed ones (with actuals) count. */
  readonly history: readonly Sprint[];
  /** The sprints to forecast, in any order (they are forecast in calendar order). */
  readonly upcoming: readonly Sprint[];
  readonly seed: number;
  readonly trials?: number;
}

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/**
 * Capacity and debt capacity of the upcoming sprints. From 3 closed sprints on: a Monte Carlo bootstrap
 * that draws, for each trial and sprint, a past sprint's completed work and (independently) a past sprint's
 * debt share. Completed work is scaled by availability — a past sprint at 80% that completed 32 counts as 40
 * at full strength, and an upcoming sprint at 50% gets half of that — so holidays in the calendar show in
 * the forecast. With fewer closed sprints, the entered capacity and reserve with a stated ±30% range.
 */
export function forecast(input: ForecastInput): Forecast {
  // Calendar order, so the same sprints in another order (as a store may list them) draw the same trials.
  const closed = input.history.filter(isClosed).sort(byCalendar);
  const trials = input.trials ?? FORECAST_TRIALS;
  if (!Number.isInteger(trials) || trials < 1) throw new RangeError('A forecast needs a whole number of trials, at least 1.');
  if (closed.length < MIN_CLOSED_SPRINTS) return fromEnteredCapacity(closed.length, input);

  const pace = Float64Array.from(closed, (s) => {
    const done = s.actuals?.completed ?? 0;
    return s.availabilityPct > 0 ? (done * 100) / s.availabilityPct : done;
  });
  const shares = Float64Array.from(
    closed.filter((s) => (s.actuals?.completed ?? 0) > 0),
    (s) => (s.actuals?.debtSpent ?? 0) / (s.actuals?.completed ?? 1),
  );
  const random = createRandom(input.seed);
  const capacity = new Float64Array(trials);
  const debt = new Float64Array(trials);
  const running = new Float64Array(trials);
  const cumulative = new Float64Array(trials);
  const sprints = [...input.upcoming].sort(byCalendar).map((s): SprintForecast => {
    const availability = s.availabilityPct / 100;
    for (let t = 0; t < trials; t++) {
      const c = (pace[randomIndex(random, pace.length)] ?? 0) * availability;
      // A history where nothing was ever completed has no share to draw: its debt capacity is 0.
      const share = shares.length > 0 ? (shares[randomIndex(random, shares.length)] ?? 0) : 0;
      capacity[t] = c;
      debt[t] = c * share;
      running[t] = (running[t] ?? 0) + c * share;
    }
    cumulative.set(running);
    return {
      id: s.id,
      name: s.name,
      startDate: s.startDate,
      endDate: endDate(s),
      capacity: percentilesInPlace(capacity),
      debtCapacity: percentilesInPlace(debt),
      cumulativeDebt: percentilesInPlace(cumulative),
    };
  });
  return {
    basis: 'history',
    message: `Bootstrap over ${plural(closed.length, 'closed sprint')}, ${plural(trials, 'trial')}. p85 is the value reached or exceeded in 85% of trials, so it is never above p50.`,
    closedSprints: closed.length,
    trials,
    seed: input.seed,
    sprints,
  };
}

function fromEnteredCapacity(closedSprints: number, input: ForecastInput): Forecast {
  const low = 1 - ENTERED_CAPACITY_RANGE;
  let cumulative = 0;
  const sprints = [...input.upcoming].sort(byCalendar).map((s): SprintForecast => {
    const capacity = (s.capacity * s.availabilityPct) / 100;
    const debt = reserveCapacity(s);
    cumulative += debt;
    return {
      id: s.id,
      name: s.name,
      startDate: s.startDate,
      endDate: endDate(s),
      capacity: { p50: capacity, p85: capacity * low },
      debtCapacity: { p50: debt, p85: debt * low },
      cumulativeDebt: { p50: cumulative, p85: cumulative * low },
    };
  });
  const range = `±${String(ENTERED_CAPACITY_RANGE * 100)}%`;
  return {
    basis: 'entered-capacity',
    message: `Only ${plural(closedSprints, 'closed sprint')}; a forecast from history needs ${String(MIN_CLOSED_SPRINTS)}. Until then it uses the entered capacity and reserve with a ${range} range: p50 is the entered figure, p85 its low end. Close sprints with their actuals to get an honest forecast.`,
    closedSprints,
    trials: 0,
    seed: input.seed,
    sprints,
  };
}
