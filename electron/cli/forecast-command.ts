import { contract } from '../../shared/api/contract.js';
import { ForecastAnswer } from '../../shared/api/planning-contract.js';
import { fieldIssues } from '../../shared/api/result.js';
import { Backtest } from '../../shared/planning/backtest.js';
import { callApi, errorForFailure, type OptionForField } from './call-api.js';
import { EXIT_OK, type CliEnv } from './cli-env.js';
import { CommandFailure } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { parseNumber } from './parse-number.js';
import { parseOptions } from './parse-options.js';
import { columns, num, pct } from './planning-format.js';
import { withPortfolio } from './with-portfolio.js';

const FORECAST_OPTIONS = {
  ...DB_OPTION,
  json: { type: 'boolean' },
  sprints: { type: 'string' },
  trials: { type: 'string' },
  seed: { type: 'string' },
} as const;
const BACKTEST_OPTIONS = { ...DB_OPTION, json: { type: 'boolean' }, trials: { type: 'string' }, seed: { type: 'string' } } as const;

const optionFor: OptionForField = (path) => (['sprints', 'trials', 'seed'].includes(path) ? `--${path}` : null);

function queryFrom(values: { sprints?: string; trials?: string; seed?: string }): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (values.sprints !== undefined) input['sprints'] = parseNumber('--sprints', values.sprints);
  if (values.trials !== undefined) input['trials'] = parseNumber('--trials', values.trials);
  if (values.seed !== undefined) input['seed'] = parseNumber('--seed', values.seed);
  return input;
}

function check(channel: 'forecast.get' | 'forecast.backtest', input: Record<string, unknown>): void {
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) throw errorForFailure({ code: 'invalid-input', message: 'Invalid input.', issues: fieldIssues(parsed.error) }, optionFor);
}

const pair = (p: { p50: number; p85: number }): string => `${num(p.p50)} / ${num(p.p85)}`;

function forecastText(f: ForecastAnswer): string {
  const header = f.basis === 'history' ? `Forecast from ${String(f.closedSprints)} closed sprints (seed ${String(f.seed)}):` : 'Forecast from the entered capacity:';
  const lines = [header, f.message];
  if (f.sprints.length === 0) {
    lines.push('No sprints to forecast: add sprints with "paydown sprint add".');
    return `${lines.join('\n')}\n`;
  }
  const projected = new Set(f.projected);
  const rows = f.sprints.map((s) => [
    projected.has(s.name) ? `${s.name}*` : s.name,
    `${s.startDate} to ${s.endDate}`,
    pair(s.capacity),
    pair(s.debtCapacity),
    pair(s.cumulativeDebt),
  ]);
  lines.push('', columns([['Sprint', 'Dates', 'Capacity p50 / p85', 'Debt p50 / p85', 'Cumulative debt p50 / p85'], ...rows]));
  if (projected.size > 0) lines.push('* not added yet: continues the calendar with the latest sprint\'s length, capacity and reserve.');
  return `${lines.join('\n')}\n`;
}

function forecastRun(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, FORECAST_OPTIONS, 'paydown forecast');
  const input = queryFrom(values);
  check('forecast.get', input);
  const parsed = ForecastAnswer.safeParse(withPortfolio(values.db, env, (ctx) => callApi(ctx, 'forecast.get', input, optionFor)));
  if (!parsed.success) throw new CommandFailure('The portfolio answered forecast.get in an unexpected shape.');
  env.stdout.write(values.json === true ? `${JSON.stringify(parsed.data, null, 2)}\n` : forecastText(parsed.data));
  return EXIT_OK;
}

function backtestText(b: Backtest): string {
  if (b.forecasts === 0 || b.p50HitRate === null || b.p85HitRate === null) {
    return 'No forecasts to check yet: a backtest forecasts each closed sprint from the ones before it, so it needs at least 4 closed sprints.\n';
  }
  const rows = b.rows.map((r) => [r.name, num(r.actual), num(r.p50), num(r.p85), r.actual >= r.p85 ? (r.actual >= r.p50 ? 'p50 and p85' : 'p85') : 'neither']);
  return [
    `Backtest of ${String(b.forecasts)} forecast(s) of debt capacity, each from the sprints before it:`,
    `  actual reached p50 in ${pct(b.p50HitRate)} (an honest forecast: about 50%)`,
    `  actual reached p85 in ${pct(b.p85HitRate)} (an honest forecast: about 85%)`,
    '',
    columns([['Sprint', 'Actual debt', 'p50', 'p85', 'Reached'], ...rows]),
    '',
  ].join('\n');
}

function backtestRun(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, BACKTEST_OPTIONS, 'paydown forecast backtest');
  const input = queryFrom(values);
  check('forecast.backtest', input);
  const parsed = Backtest.safeParse(withPortfolio(values.db, env, (ctx) => callApi(ctx, 'forecast.backtest', input, optionFor)));
  if (!parsed.success) throw new CommandFailure('The portfolio answered forecast.backtest in an unexpected shape.');
  const b = parsed.data;
  env.stdout.write(
    values.json === true ? `${JSON.stringify({ forecasts: b.forecasts, p50HitRate: b.p50HitRate, p85HitRate: b.p85HitRate })}\n` : backtestText(b),
  );
  return EXIT_OK;
}

/** `paydown forecast [backtest]`. */
export function forecastCommand(args: readonly string[], env: CliEnv): number {
  const [first, ...rest] = args;
  return first === 'backtest' ? backtestRun(rest, env) : forecastRun(args, env);
}
