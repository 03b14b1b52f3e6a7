import { UsageError } from './cli-errors.js';

/** Refuses a command line that leaves out required options, naming all of them at once. */
export function requireOptions(values: Readonly<Record<string, unknown>>, names: readonly string[]): void {
  const missing = names.filter((name) => values[name] === undefined).map((name) => `--${name}`);
  if (missing.length > 0) throw new UsageError(`Missing required ${missing.length === 1 ? 'option' : 'options'} ${missing.join(', ')}.`);
}
