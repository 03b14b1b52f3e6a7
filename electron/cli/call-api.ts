import type { Channel } from '../../shared/api/channels.js';
import type { ApiError, FieldIssue } from '../../shared/api/result.js';
import { dispatch, type HandlerContext } from '../handlers/dispatch.js';
import { CommandFailure, UsageError } from './cli-errors.js';

/** Names the CLI option behind a field path (`effort.low` → `--effort`), or null for fields without one. */
export type OptionForField = (path: string) => string | null;

const noOptions: OptionForField = () => null;

function describeIssue(issue: FieldIssue, optionFor: OptionForField): string {
  const option = optionFor(issue.path);
  if (option !== null) return `${option}: ${issue.message}`;
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/**
 * What the API refused, as the error the CLI reports: wrong input is a usage error (exit 2) naming
 * each wrong option, anything else exits 1 with the API's message.
 */
export function errorForFailure(error: ApiError, optionFor: OptionForField = noOptions): UsageError | CommandFailure {
  if (error.code !== 'invalid-input') return new CommandFailure(error.message);
  const lines = (error.issues ?? []).map((issue) => describeIssue(issue, optionFor));
  const [only] = lines;
  if (lines.length === 0) return new UsageError(error.message);
  if (lines.length === 1 && only !== undefined) return new UsageError(only);
  return new UsageError(`${String(lines.length)} problems:\n${lines.map((line) => `  ${line}`).join('\n')}`);
}

/** Runs one action through the shared `dispatch` and answers its value, or throws what it refused. */
export function callApi(ctx: HandlerContext, channel: Channel, input: unknown, optionFor?: OptionForField): unknown {
  const result = dispatch(ctx, channel, input);
  if (result.ok) return result.value;
  throw errorForFailure(result.error, optionFor);
}
