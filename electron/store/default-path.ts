import { homedir } from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Paydown';
export const DEFAULT_FILE_NAME = 'portfolio.paydown';

/**
 * The per-user app-data folder, the same one Electron's `app.getPath('userData')` gives for an app
 * named Paydown, so the desktop app, the CLI and the preview host open the same file by default.
 */
export function appDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const base = env['APPDATA'] ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(base, APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg = env['XDG_CONFIG_HOME'];
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
  return path.posix.join(base, APP_DIR_NAME);
}

export function defaultPortfolioPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  return flavour.join(appDataDir(env, platform, home), DEFAULT_FILE_NAME);
}

/** `--db FILE` wins, then `PAYDOWN_DB`, then the per-user default. */
export function resolvePortfolioPath(dbFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (dbFlag !== undefined && dbFlag !== '') return path.resolve(dbFlag);
  const fromEnv = env['PAYDOWN_DB'];
  if (fromEnv !== undefined && fromEnv !== '') return path.resolve(fromEnv);
  return defaultPortfolioPath(env);
}
