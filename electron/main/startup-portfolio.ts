import path from 'node:path';
import { DEFAULT_FILE_NAME } from '../store/default-path.js';
import type { OpenMode, PortfolioSession } from './portfolio-session.js';

const PORTFOLIO_EXTENSION = '.paydown';

interface PortfolioRequest {
  readonly file: string;
  readonly mode: OpenMode;
}

/**
 * What a command line asks to open: `--db FILE` / `--db=FILE` (created when missing, like the CLI) or a
 * `.paydown` path, as the OS passes on a double-click (must exist). Other arguments (the executable,
 * the script in development, Chromium's own switches) are ignored.
 */
export function requestFromArgv(argv: readonly string[], workingDirectory: string): PortfolioRequest | undefined {
  const args = argv.slice(1);
  for (const [index, arg] of args.entries()) {
    if (arg.startsWith('--db=') && arg.length > '--db='.length) {
      return { file: path.resolve(workingDirectory, arg.slice('--db='.length)), mode: 'create-if-missing' };
    }
    const next = args[index + 1];
    if (arg === '--db' && next !== undefined && next !== '' && !next.startsWith('-')) {
      return { file: path.resolve(workingDirectory, next), mode: 'create-if-missing' };
    }
  }
  const file = args.find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith(PORTFOLIO_EXTENSION));
  return file === undefined ? undefined : { file: path.resolve(workingDirectory, file), mode: 'must-exist' };
}

interface StartupEnvironment {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** `app.getPath('userData')`, the same folder as `appDataDir()` for an app named Paydown. */
  readonly userData: string;
}

/** The command line wins, then `PAYDOWN_DB`, then `<userData>/portfolio.paydown` (created on first run). */
export function startupRequest({ argv, env, cwd, userData }: StartupEnvironment): PortfolioRequest {
  const fromArgv = requestFromArgv(argv, cwd);
  if (fromArgv !== undefined) return fromArgv;
  const fromEnv = env['PAYDOWN_DB'];
  if (fromEnv !== undefined && fromEnv !== '') return { file: path.resolve(cwd, fromEnv), mode: 'create-if-missing' };
  return { file: path.join(userData, DEFAULT_FILE_NAME), mode: 'create-if-missing' };
}

export type StartupChoice = { readonly kind: 'open' | 'new'; readonly file: string } | { readonly kind: 'quit' };

/**
 * Opens the first portfolio; when it cannot be used, asks the user what to do instead (open another,
 * create one, or quit) until something opens. Never leaves an empty window behind a failure.
 */
export async function openFirstPortfolio(
  session: Pick<PortfolioSession, 'open'>,
  first: PortfolioRequest,
  recover: (message: string) => Promise<StartupChoice>,
): Promise<boolean> {
  let request = first;
  for (;;) {
    const outcome = session.open(request.file, request.mode);
    if (outcome.ok) return true;
    const choice = await recover(outcome.message);
    if (choice.kind === 'quit') return false;
    request = { file: choice.file, mode: choice.kind === 'open' ? 'must-exist' : 'must-be-new' };
  }
}

/** Linux save dialogs do not add the extension the filter names. */
export function withPortfolioExtension(file: string): string {
  return file.toLowerCase().endsWith(PORTFOLIO_EXTENSION) ? file : `${file}${PORTFOLIO_EXTENSION}`;
}
