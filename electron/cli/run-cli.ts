import { StoreError } from '../store/store-error.js';
import { defaultPortfolioPath } from '../store/default-path.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, type CliEnv } from './cli-env.js';
import { CommandFailure, UsageError } from './cli-errors.js';
import { forecastCommand } from './forecast-command.js';
import { importCommand } from './import-command.js';
import { itemsAdd } from './items-add.js';
import { itemsExplain } from './items-explain.js';
import { itemsList } from './items-list.js';
import { planCommand } from './plan-command.js';
import { serve } from './serve.js';
import { sprintCommand } from './sprint-command.js';
import { usageText } from './usage.js';

const HELP_FLAGS = new Set(['--help', '-h']);

/** `--help` anywhere before a `--` terminator asks for help, whatever else is on the line. */
function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => HELP_FLAGS.has(arg));
}

async function runCommand(argv: readonly string[], env: CliEnv): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || wantsHelp(argv)) {
    env.stdout.write(usageText(defaultPortfolioPath(env.env)));
    return EXIT_OK;
  }
  if (command === 'serve') return serve(rest, env);
  if (command === 'import') return importCommand(rest, env);
  if (command === 'sprint') return sprintCommand(rest, env);
  if (command === 'plan') return planCommand(rest, env);
  if (command === 'forecast') return forecastCommand(rest, env);
  if (command === 'items') {
    const [sub, ...options] = rest;
    if (sub === 'list') return itemsList(options, env);
    if (sub === 'add') return itemsAdd(options, env);
    if (sub === 'explain') return itemsExplain(options, env);
    throw new UsageError(
      sub === undefined ? '"paydown items" needs list, add or explain.' : `"paydown items" has no subcommand "${sub}"; use list, add or explain.`,
    );
  }
  throw new UsageError(`Unknown command "${command}".`);
}

/**
 * Runs one `paydown` command line and answers its exit code: 0 done, 1 the portfolio or host could
 * not be used, 2 wrong arguments. Output goes to `env.stdout` / `env.stderr` only.
 */
export async function runCli(argv: readonly string[], env: CliEnv): Promise<number> {
  try {
    return await runCommand(argv, env);
  } catch (error) {
    if (error instanceof UsageError) {
      env.stderr.write(`paydown: ${error.message}\nRun "paydown --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof StoreError || error instanceof CommandFailure) {
      env.stderr.write(`paydown: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    env.stderr.write(`paydown: unexpected error: ${detail}\n`);
    return EXIT_FAILURE;
  }
}
