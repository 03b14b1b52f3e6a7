import path from 'node:path';
import { resolvePortfolioPath } from '../store/default-path.js';
import { UsageError } from './cli-errors.js';

/** `--db FILE`, else `PAYDOWN_DB`, else the per-user default; relative paths count from `cwd`. */
export function portfolioPath(dbFlag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (dbFlag === '') throw new UsageError('--db needs a file path.');
  const fromEnv = env['PAYDOWN_DB'];
  const envInCwd = fromEnv === undefined || fromEnv === '' ? env : { ...env, PAYDOWN_DB: path.resolve(cwd, fromEnv) };
  return resolvePortfolioPath(dbFlag === undefined ? undefined : path.resolve(cwd, dbFlag), envInCwd);
}
