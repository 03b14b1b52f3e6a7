export interface CliOutput {
  write(text: string): unknown;
  /** A terminal (not a pipe or file): worth a progress line that redraws itself. */
  readonly isTTY?: boolean;
}

export interface ServingInfo {
  readonly url: string;
  readonly dbPath: string;
}

/** Everything a command touches outside itself, so each one runs in-process in tests. */
export interface CliEnv {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly env: NodeJS.ProcessEnv;
  /** Relative `--db` and `PAYDOWN_DB` paths are resolved against this folder. */
  readonly cwd: string;
  /** `serve`: the built renderer; defaults to `dist/renderer` beside the CLI bundle. */
  readonly rendererDir?: string;
  /** `serve`: stops the preview host when aborted; without it SIGINT and SIGTERM do. */
  readonly signal?: AbortSignal;
  /** `serve`: called once the preview host listens (`npm start` opens a browser here). */
  readonly onServing?: (info: ServingInfo) => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
