import { z } from 'zod';
import { FORECAST_TRIALS, MIN_CLOSED_SPRINTS, forecast } from './forecast.js';
import { byCalendar, isClosed, type Sprint } from './sprint.js';

export const BacktestRow = z.object({
  id: z.string(),
  name: z.string(),
  /** What the sprint really spent on debt (completed × actual debt share). */
  actual: z.number().min(0),
  p50: z.number().min(0),
  p85: z.number().min(0),
});
export type BacktestRow = z.infer<typeof BacktestRow>;

export const Backtest = z.object({
  /** What was forecast and compared: the debt capacity of the sprint. */
  measure: z.literal('debt capacity'),
  forecasts: z.number().int().min(0),
  /** Share of forecasts whose actual reached p50; about 0.5 when the forecast is honest. Null with no forecasts. */
  p50HitRate: z.number().min(0).max(1).nullable(),
  /** Share of forecasts whose actual reached p85; about 0.85 when the forecast is honest. */
  p85HitRate: z.number().min(0).max(1).nullable(),
  rows: z.array(BacktestRow),
});
export type Backtest = z.infer<typeof Backtest>;

export interface BacktestInput {
  /** Closed sprints, in any order (they are put in calendar order); open ones are skipped. */
  readonly sprints: readonly Sprint[];
  readonly seed: number;
  readonly trials?: number;
}

/**
 * Would our forecasts have held? For every closed sprint k from the fourth on (the first with enough history),
 * forecast sprint k from sprints 1..k−1 alone, exactly as the app would have on that day, and check whether its
 * actual debt capacity reached the forecast's p50 and p85. Each forecast gets its own seed (seed + k) so that
 * one stream's luck is not repeated across all of them.
 */
export function backtest(input: BacktestInput): Backtest {
  const closed = input.sprints.filter(isClosed).sort(byCalendar);
  const trials = input.trials ?? FORECAST_TRIALS;
  const rows: BacktestRow[] = [];
  for (let k = MIN_CLOSED_SPRINTS; k < closed.length; k++) {
    const target = closed[k];
    if (target === undefined) continue;
    const predicted = forecast({ history: closed.slice(0, k), upcoming: [target], seed: input.seed + k, trials }).sprints[0];
    if (predicted === undefined) continue;
    rows.push({
      id: target.id,
      name: target.name,
      actual: target.actuals?.debtSpent ?? 0,
      p50: predicted.debtCapacity.p50,
      p85: predicted.debtCapacity.p85,
    });
  }
  const rate = (hit: (r: BacktestRow) => boolean): number | null =>
    rows.length === 0 ? null : rows.filter(hit).length / rows.length;
  return {
    measure: 'debt capacity',
    forecasts: rows.length,
    p50HitRate: rate((r) => r.actual >= r.p50),
    p85HitRate: rate((r) => r.actual >= r.p85),
    rows,
  };
}
