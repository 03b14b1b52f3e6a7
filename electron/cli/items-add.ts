import { z } from 'zod';
import { contract } from '../../shared/api/contract.js';
import { fieldIssues } from '../../shared/api/result.js';
import type { DebtItemDraftInput } from '../../shared/domain/debt-item.js';
import { createContext } from '../handlers/dispatch.js';
import { openStore } from '../store/open-store.js';
import { callApi, errorForFailure, type OptionForField } from './call-api.js';
import { EXIT_OK, type CliEnv } from './cli-env.js';
import { CommandFailure, UsageError } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { parseEffort, parseNumber } from './parse-number.js';
import { parseOptions, type OptionValues } from './parse-options.js';
import { portfolioPath } from './portfolio-path.js';

const OPTIONS = {
  ...DB_OPTION,
  json: { type: 'boolean' },
  title: { type: 'string' },
  likelihood: { type: 'string' },
  impact: { type: 'string' },
  effort: { type: 'string' },
  interest: { type: 'string' },
  kind: { type: 'string' },
  owner: { type: 'string' },
  area: { type: 'string' },
  status: { type: 'string' },
  due: { type: 'string' },
  tag: { type: 'string', multiple: true },
  description: { type: 'string' },
  rationale: { type: 'string' },
} as const;

const REQUIRED = ['title', 'likelihood', 'impact', 'effort', 'interest'] as const;

/** The option that sets each draft field, so the API's field errors name what the user typed. */
const OPTION_FOR_FIELD: Readonly<Record<string, string>> = {
  title: '--title',
  description: '--description',
  kind: '--kind',
  area: '--area',
  owner: '--owner',
  tags: '--tag',
  status: '--status',
  likelihood: '--likelihood',
  impact: '--impact',
  effort: '--effort',
  interest: '--interest',
  dueDate: '--due',
  acceptance: '--rationale',
};

const optionFor: OptionForField = (path) => OPTION_FOR_FIELD[path.split('.', 1)[0] ?? ''] ?? null;

/** Turns argv into the draft the API takes; only the shape is decided here, never whether it is valid. */
function draftFromOptions(values: OptionValues<typeof OPTIONS>): DebtItemDraftInput {
  const missing = REQUIRED.filter((name) => values[name] === undefined).map((name) => `--${name}`);
  if (missing.length > 0) {
    throw new UsageError(`Missing required ${missing.length === 1 ? 'option' : 'options'} ${missing.join(', ')}.`);
  }
  const { title = '', likelihood = '', impact = '', effort = '', interest = '' } = values;
  const draft: DebtItemDraftInput = {
    title,
    likelihood: parseNumber('--likelihood', likelihood),
    impact: parseNumber('--impact', impact),
    effort: parseEffort('--effort', effort),
    interest: parseNumber('--interest', interest),
  };
  // The API checks these against its enums; the casts only hand the text on unchanged.
  if (values.kind !== undefined) draft.kind = values.kind as DebtItemDraftInput['kind'];
  if (values.status !== undefined) draft.status = values.status as DebtItemDraftInput['status'];
  if (values.owner !== undefined) draft.owner = values.owner;
  if (values.area !== undefined) draft.area = values.area;
  if (values.due !== undefined) draft.dueDate = values.due;
  if (values.tag !== undefined) draft.tags = values.tag;
  if (values.description !== undefined) draft.description = values.description;
  if (values.rationale !== undefined) draft.acceptance = { rationale: values.rationale };
  return draft;
}

const CreatedId = z.object({ id: z.string() });

export function itemsAdd(args: readonly string[], env: CliEnv): number {
  const values = parseOptions(args, OPTIONS, 'paydown items add');
  const draft = draftFromOptions(values);
  // The contract's own schema, checked before the file is opened: opening creates a missing
  // portfolio, and a refused draft must leave nothing behind. dispatch checks it again.
  const checked = contract['items.create'].input.safeParse(draft);
  if (!checked.success) {
    throw errorForFailure({ code: 'invalid-input', message: 'The item is not valid.', issues: fieldIssues(checked.error) }, optionFor);
  }
  const store = openStore(portfolioPath(values.db, env.env, env.cwd));
  let created: unknown;
  try {
    created = callApi(createContext(store), 'items.create', draft, optionFor);
  } finally {
    store.close();
  }
  if (values.json === true) {
    env.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
    return EXIT_OK;
  }
  const id = CreatedId.safeParse(created);
  if (!id.success) throw new CommandFailure('The item was saved, but the portfolio answered without its id.');
  env.stdout.write(`${id.data.id}\n`);
  return EXIT_OK;
}
