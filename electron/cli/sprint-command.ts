import { z } from 'zod';
import { contract } from '../../shared/api/contract.js';
import { StoredSprint } from '../../shared/api/planning-contract.js';
import { fieldIssues } from '../../shared/api/result.js';
import { ErosionReport } from '../../shared/planning/erosion.js';
import { endDate, reserveCapacity } from '../../shared/planning/sprint.js';
import { callApi, errorForFailure, type OptionForField } from './call-api.js';
import { EXIT_OK, type CliEnv } from './cli-env.js';
import { CommandFailure, UsageError } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { parseNumber } from './parse-number.js';
import { parseOptions } from './parse-options.js';
import { sprintPin, sprintUnpin } from './pin-commands.js';
import { columns, num, pct } from './planning-format.js';
import { requireOptions } from './required-options.js';
import { withPortfolio } from './with-portfolio.js';

const ADD_OPTIONS = {
  ...DB_OPTION,
  json: { type: 'boolean' },
  name: { type: 'string' },
  start: { type: 'string' },
  days: { type: 'string' },
  capacity: { type: 'string' },
  availability: { type: 'string' },
  reserve: { type: 'string' },
  reason: { type: 'string' },
} as const;

const CLOSE_OPTIONS = {
  ...DB_OPTION,
  json: { type: 'boolean' },
  name: { type: 'string' },
  completed: { type: 'string' },
  debt: { type: 'string' },
  paid: { type: 'string', multiple: true },
} as const;

const LIST_OPTIONS = { ...DB_OPTION, json: { type: 'boolean' } } as const;

const OPTION_FOR_FIELD: Readonly<Record<string, string>> = {
  name: '--name',
  startDate: '--start',
  lengthDays: '--days',
  capacity: '--capacity',
  availabilityPct: '--availability',
  reservePct: '--reserve',
  reserveReason: '--reason',
  completed: '--completed',
  debtSpent: '--debt',
  paidItemIds: '--paid',
};

const optionFor: OptionForField = (path) => OPTION_FOR_FIELD[path.split('.', 1)[0] ?? ''] ?? null;

/** Checks the input with the channel's own schema before the file is opened, so a refusal writes nothing. */
function checked(channel: 'sprints.create' | 'sprints.close', input: Record<string, unknown>): void {
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) throw errorForFailure({ code: 'invalid-input', message: 'Invalid input.', issues: fieldIssues(parsed.error) }, optionFor);
}

function parseSprint(value: unknown, channel: string): StoredSprint {
  const parsed = StoredSprint.safeParse(value);
  if (!parsed.success) throw new CommandFailure(`The portfolio answered ${channel} in an unexpected shape.`);
  return parsed.data;
}

function describeSprint(s: StoredSprint): string {
  const reason = s.reserveReason === undefined ? '' : ` (${s.reserveReason})`;
  return `${s.name}: ${s.startDate} to ${endDate(s)}, capacity ${num(s.capacity)}, availability ${num(s.availabilityPct)}%, reserve ${num(s.reservePct)}%${reason} = ${num(reserveCapacity(s))} for debt`;
}

function sprintAdd(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, ADD_OPTIONS, 'paydown sprint add');
  requireOptions(values, ['name', 'start', 'capacity']);
  const input: Record<string, unknown> = {
    name: values.name,
    startDate: values.start,
    capacity: parseNumber('--capacity', values.capacity ?? ''),
  };
  if (values.days !== undefined) input['lengthDays'] = parseNumber('--days', values.days);
  if (values.availability !== undefined) input['availabilityPct'] = parseNumber('--availability', values.availability);
  if (values.reserve !== undefined) input['reservePct'] = parseNumber('--reserve', values.reserve);
  if (values.reason !== undefined) input['reserveReason'] = values.reason;
  checked('sprints.create', input);
  const created = withPortfolio(values.db, env, (ctx) => callApi(ctx, 'sprints.create', input, optionFor));
  const [sprint] = z.array(StoredSprint).safeParse(created).data ?? [];
  if (sprint === undefined) throw new CommandFailure('The sprint was saved, but the portfolio answered in an unexpected shape.');
  env.stdout.write(values.json === true ? `${JSON.stringify(sprint, null, 2)}\n` : `Added sprint ${describeSprint(sprint)}.\n`);
  return EXIT_OK;
}

function sprintClose(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, CLOSE_OPTIONS, 'paydown sprint close');
  requireOptions(values, ['name', 'completed', 'debt']);
  const input = {
    name: values.name,
    completed: parseNumber('--completed', values.completed ?? ''),
    debtSpent: parseNumber('--debt', values.debt ?? ''),
    // --paid takes ids one per option or several separated by commas.
    paidItemIds: (values.paid ?? []).flatMap((ids) => ids.split(',')).map((id) => id.trim()).filter((id) => id !== ''),
  };
  checked('sprints.close', input);
  const [closedValue, erosionValue] = withPortfolio(values.db, env, (ctx) => [
    callApi(ctx, 'sprints.close', input, optionFor),
    callApi(ctx, 'erosion.get', {}),
  ]);
  const closed = parseSprint(closedValue, 'sprints.close');
  if (values.json === true) {
    env.stdout.write(`${JSON.stringify(closed, null, 2)}\n`);
    return EXIT_OK;
  }
  const share = input.completed > 0 ? ` (${pct(input.debtSpent / input.completed)} of the work)` : '';
  const paid = input.paidItemIds.length === 0 ? '' : `; ${String(closed.actuals?.paidItemIds.length ?? 0)} item(s) marked paid`;
  env.stdout.write(`Closed sprint ${closed.name}: completed ${num(input.completed)}, debt ${num(input.debtSpent)}${share}${paid}.\n`);
  const warning = ErosionReport.safeParse(erosionValue).data?.warning;
  if (typeof warning === 'string') env.stdout.write(`Warning: ${warning}\n`);
  return EXIT_OK;
}

function sprintList(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, LIST_OPTIONS, 'paydown sprint list');
  const listedValue = withPortfolio(values.db, env, (ctx) => callApi(ctx, 'sprints.list', {}));
  const parsed = z.array(StoredSprint).safeParse(listedValue);
  if (!parsed.success) throw new CommandFailure('The portfolio answered sprints.list in an unexpected shape.');
  if (values.json === true) {
    env.stdout.write(`${JSON.stringify(parsed.data, null, 2)}\n`);
    return EXIT_OK;
  }
  if (parsed.data.length === 0) {
    env.stdout.write('No sprints yet. Add one with "paydown sprint add --name S1 --start YYYY-MM-DD --capacity N".\n');
    return EXIT_OK;
  }
  const header = ['Name', 'Start', 'End', 'Capacity', 'Available', 'Reserve', 'For debt', 'Status'];
  const rows = parsed.data.map((s) => [
    s.name,
    s.startDate,
    endDate(s),
    num(s.capacity),
    `${num(s.availabilityPct)}%`,
    `${num(s.reservePct)}%`,
    num(reserveCapacity(s)),
    s.actuals === undefined ? 'open' : `closed: completed ${num(s.actuals.completed)}, debt ${num(s.actuals.debtSpent)}`,
  ]);
  env.stdout.write(`${columns([header, ...rows])}\n${String(parsed.data.length)} sprint(s).\n`);
  return EXIT_OK;
}

/** `paydown sprint add|close|list|pin|unpin`. */
export function sprintCommand(args: readonly string[], env: CliEnv): number {
  const [sub, ...options] = args;
  if (sub === 'add') return sprintAdd(options, env);
  if (sub === 'close') return sprintClose(options, env);
  if (sub === 'list') return sprintList(options, env);
  if (sub === 'pin') return sprintPin(options, env);
  if (sub === 'unpin') return sprintUnpin(options, env);
  const use = 'add, close, list, pin or unpin';
  throw new UsageError(sub === undefined ? `"paydown sprint" needs ${use}.` : `"paydown sprint" has no subcommand "${sub}"; use ${use}.`);
}
