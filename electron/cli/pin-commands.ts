import { z } from 'zod';
import type { Channel } from '../../shared/api/channels.js';
import { contract } from '../../shared/api/contract.js';
import { PlanExclusion, StoredSprint } from '../../shared/api/planning-contract.js';
import { fieldIssues } from '../../shared/api/result.js';
import { callApi, errorForFailure, type OptionForField } from './call-api.js';
import { EXIT_OK, type CliEnv } from './cli-env.js';
import { CommandFailure } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { parseOptions } from './parse-options.js';
import { requireOptions } from './required-options.js';
import { withPortfolio } from './with-portfolio.js';

const PIN_OPTIONS = { ...DB_OPTION, json: { type: 'boolean' }, name: { type: 'string' }, item: { type: 'string' }, note: { type: 'string' } } as const;
const UNPIN_OPTIONS = { ...DB_OPTION, json: { type: 'boolean' }, name: { type: 'string' }, item: { type: 'string' } } as const;
const EXCLUDE_OPTIONS = { ...DB_OPTION, json: { type: 'boolean' }, item: { type: 'string' }, note: { type: 'string' } } as const;
const INCLUDE_OPTIONS = { ...DB_OPTION, json: { type: 'boolean' }, item: { type: 'string' } } as const;

const OPTION_FOR_FIELD: Readonly<Record<string, string>> = { name: '--name', itemId: '--item', note: '--note' };
const optionFor: OptionForField = (path) => OPTION_FOR_FIELD[path] ?? null;

/** Checks the input with the channel's own schema and then runs it, so a refusal never opens (or creates) the file. */
function callChecked(channel: Channel, dbFlag: string | undefined, input: Record<string, unknown>, env: CliEnv): unknown {
  const parsed = contract[channel].input.safeParse(input);
  if (!parsed.success) throw errorForFailure({ code: 'invalid-input', message: 'Invalid input.', issues: fieldIssues(parsed.error) }, optionFor);
  return withPortfolio(dbFlag, env, (ctx) => callApi(ctx, channel, input, optionFor));
}

function writeSprint(value: unknown, channel: string, json: boolean, text: string, env: CliEnv): number {
  const sprint = StoredSprint.safeParse(value);
  if (!sprint.success) throw new CommandFailure(`The portfolio answered ${channel} in an unexpected shape.`);
  env.stdout.write(json ? `${JSON.stringify(sprint.data, null, 2)}\n` : text);
  return EXIT_OK;
}

function writeExclusions(value: unknown, channel: string, json: boolean, text: string, env: CliEnv): number {
  const exclusions = z.array(PlanExclusion).safeParse(value);
  if (!exclusions.success) throw new CommandFailure(`The portfolio answered ${channel} in an unexpected shape.`);
  const count = exclusions.data.length;
  env.stdout.write(json ? `${JSON.stringify(exclusions.data, null, 2)}\n` : `${text} ${String(count)} item(s) are excluded from the plan.\n`);
  return EXIT_OK;
}

/** `paydown sprint pin`: the planner starts the item in that sprint (a pin on another open sprint moves here). */
export function sprintPin(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, PIN_OPTIONS, 'paydown sprint pin');
  requireOptions(values, ['name', 'item']);
  const input = { name: values.name, itemId: values.item, ...(values.note === undefined ? {} : { note: values.note }) };
  const pinned = callChecked('sprints.pin', values.db, input, env);
  return writeSprint(pinned, 'sprints.pin', values.json === true, `Pinned item ${values.item ?? ''} to sprint ${values.name ?? ''}.\n`, env);
}

/** `paydown sprint unpin`: the item goes back to being planned by rank. */
export function sprintUnpin(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, UNPIN_OPTIONS, 'paydown sprint unpin');
  requireOptions(values, ['name', 'item']);
  const unpinned = callChecked('sprints.unpin', values.db, { name: values.name, itemId: values.item }, env);
  return writeSprint(unpinned, 'sprints.unpin', values.json === true, `Unpinned item ${values.item ?? ''} from sprint ${values.name ?? ''}.\n`, env);
}

/** `paydown plan exclude`: the planner leaves the item out whatever its rank or pins. */
export function planExclude(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, EXCLUDE_OPTIONS, 'paydown plan exclude');
  requireOptions(values, ['item']);
  const input = { itemId: values.item, ...(values.note === undefined ? {} : { note: values.note }) };
  const listed = callChecked('plan.exclude', values.db, input, env);
  return writeExclusions(listed, 'plan.exclude', values.json === true, `Excluded item ${values.item ?? ''} from the plan.`, env);
}

/** `paydown plan include`: lets an excluded item back into the plan. */
export function planInclude(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, INCLUDE_OPTIONS, 'paydown plan include');
  requireOptions(values, ['item']);
  const listed = callChecked('plan.include', values.db, { itemId: values.item }, env);
  return writeExclusions(listed, 'plan.include', values.json === true, `Included item ${values.item ?? ''} in the plan again.`, env);
}
