import { contract } from '../../shared/api/contract.js';
import { PlanAnswer } from '../../shared/api/planning-contract.js';
import { fieldIssues } from '../../shared/api/result.js';
import { callApi, errorForFailure, type OptionForField } from './call-api.js';
import { EXIT_OK, type CliEnv } from './cli-env.js';
import { CommandFailure } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { parseNumber } from './parse-number.js';
import { parseOptions } from './parse-options.js';
import { planExclude, planInclude } from './pin-commands.js';
import { num } from './planning-format.js';
import { withPortfolio } from './with-portfolio.js';

const OPTIONS = { ...DB_OPTION, json: { type: 'boolean' }, reserve: { type: 'string' }, sprints: { type: 'string' } } as const;

const optionFor: OptionForField = (path) => (path === 'reservePct' ? '--reserve' : path === 'sprints' ? '--sprints' : null);

/**
 * The plan as `paydown plan --json` prints it: `{sprints: [{name, reserve, allocated, items: [{id, amount}]}],
 * unplanned: [id]}`, the names scripts rely on, with dates, reasons and warnings added beside them.
 */
function planJson(plan: PlanAnswer): unknown {
  return {
    sprints: plan.sprints.map((s) => ({
      name: s.name,
      reserve: s.reserve,
      allocated: s.allocated,
      items: s.items.map((p) => ({ id: p.id, amount: p.amount, title: p.title, reason: p.reason, pinned: p.pinned, finishes: p.finishes })),
      startDate: s.startDate,
      endDate: s.endDate,
    })),
    unplanned: plan.unplanned.map((u) => u.id),
    gapPct: plan.gapPct,
    warnings: plan.warnings,
  };
}

function planText(plan: PlanAnswer, override: number | undefined): string {
  const lines: string[] = [];
  const basis = override === undefined ? "each sprint's own reserve" : `a what-if reserve of ${num(override)}% (the sprints are unchanged)`;
  if (plan.sprints.length > 0) lines.push(`Plan for ${String(plan.sprints.length)} open sprint(s), with ${basis}:`);
  for (const s of plan.sprints) {
    lines.push('', `${s.name}  ${s.startDate} to ${s.endDate}  reserve ${num(s.reserve)}  allocated ${num(s.allocated)}`);
    if (s.items.length === 0) lines.push('  (nothing planned)');
    for (const p of s.items) lines.push(`  ${num(p.amount).padStart(6)}  ${p.title}  [${p.id}]  ${p.reason}`);
  }
  if (plan.unplanned.length > 0) {
    lines.push('', `Not planned (${String(plan.unplanned.length)}):`);
    for (const u of plan.unplanned) lines.push(`  ${num(u.remaining).padStart(6)}  ${u.title}  [${u.id}]  ${u.reason}`);
  }
  for (const late of plan.lateItems) {
    const when = late.plannedFinish === null ? 'is not finished by then' : `is planned to finish on ${late.plannedFinish}`;
    lines.push(`Late: ${late.title} is due ${late.dueDate} but ${when}.`);
  }
  if (plan.sprints.length > 0) lines.push('', `Plan value is ${num(100 - plan.gapPct)}% of the best any plan could reach.`);
  for (const w of plan.warnings) lines.push(`Warning: ${w}`);
  return `${lines.join('\n').trimStart()}\n`;
}

/** `paydown plan`: the open items, ranked, poured into the open sprints' debt reserves; `plan exclude|include`. */
export function planCommand(args: readonly string[], env: CliEnv): number {
  const [sub, ...rest] = args;
  if (sub === 'exclude') return planExclude(rest, env);
  if (sub === 'include') return planInclude(rest, env);
  const values = parseOptions(args, OPTIONS, 'paydown plan');
  const input: Record<string, unknown> = {};
  if (values.reserve !== undefined) input['reservePct'] = parseNumber('--reserve', values.reserve);
  if (values.sprints !== undefined) input['sprints'] = parseNumber('--sprints', values.sprints);
  const checked = contract['plan.get'].input.safeParse(input);
  if (!checked.success) throw errorForFailure({ code: 'invalid-input', message: 'Invalid input.', issues: fieldIssues(checked.error) }, optionFor);
  const plan = PlanAnswer.safeParse(withPortfolio(values.db, env, (ctx) => callApi(ctx, 'plan.get', input, optionFor)));
  if (!plan.success) throw new CommandFailure('The portfolio answered plan.get in an unexpected shape.');
  if (values.json === true) {
    env.stdout.write(`${JSON.stringify(planJson(plan.data), null, 2)}\n`);
    return EXIT_OK;
  }
  env.stdout.write(planText(plan.data, checked.data.reservePct));
  return EXIT_OK;
}
