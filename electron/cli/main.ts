import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

export { runCli } from './run-cli.js';
export type { CliEnv, ServingInfo } from './cli-env.js';

/** The `paydown` command: bin/paydown.mjs imports the bundle and calls this. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  process.exitCode = await runCli(argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    // argv[1] is not a file (e.g. `node -e`), so this module was imported, not run.
    return false;
  }
}

// `node dist/electron/cli.mjs …` runs the command too; importing the bundle only defines it.
if (isEntryPoint()) await main();
