import { fileURLToPath } from 'node:url';
import { startPreviewHost } from '../preview/preview-host.js';
import { EXIT_OK, type CliEnv } from './cli-env.js';
import { CommandFailure } from './cli-errors.js';
import { DB_OPTION } from './common-options.js';
import { parsePort } from './parse-number.js';
import { parseOptions } from './parse-options.js';
import { portfolioPath } from './portfolio-path.js';

const OPTIONS = { ...DB_OPTION, port: { type: 'string' } } as const;

/** The bundle is dist/electron/cli.mjs, so the renderer Vite built sits at dist/renderer. */
const defaultRendererDir = (): string => fileURLToPath(new URL('../renderer/', import.meta.url));

/** Resolves when `signal` aborts, or on SIGINT/SIGTERM when there is no signal. */
function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  if (signal !== undefined) {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      signal.addEventListener('abort', () => { resolve(); }, { once: true });
    });
  }
  return new Promise((resolve) => {
    const stop = (): void => {
      // A second Ctrl-C then gets Node's default handling, so a stuck shutdown can still be cut short.
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
}

export async function serve(args: readonly string[], env: CliEnv): Promise<number> {
  const values = parseOptions(args, OPTIONS, 'paydown serve');
  const port = values.port === undefined ? 0 : parsePort('--port', values.port);
  const dbPath = portfolioPath(values.db, env.env, env.cwd);
  const rendererDir = env.rendererDir ?? defaultRendererDir();
  const host = await startPreviewHost({ dbPath, rendererDir, port }).catch((error: unknown) => {
    if (isAddressInUse(error)) {
      throw new CommandFailure(`Port ${String(port)} on 127.0.0.1 is already in use. Pick another with --port, or --port 0 for any free one.`);
    }
    throw error;
  });
  const stopped = stopRequested(env.signal);
  env.stdout.write(`Paydown preview: ${host.url}\nPortfolio: ${dbPath}\nPress Ctrl-C to stop.\n`);
  try {
    env.onServing?.({ url: host.url, dbPath });
    await stopped;
  } finally {
    await host.close();
  }
  env.stdout.write('Paydown preview stopped.\n');
  return EXIT_OK;
}
