import path from 'node:path';

/** Where `npm run rebuild:electron` puts better-sqlite3 compiled for Electron's ABI (relative to the app root). */
export const ELECTRON_ADDON_PATH = path.join('native', 'electron', 'better_sqlite3.node');

interface AddonLocations {
  /** The app root: the project folder in development, `resources/app.asar` when packaged. */
  readonly appRoot: string;
  /** `process.resourcesPath`; packaged apps keep unpacked files in `app.asar.unpacked` beside the archive. */
  readonly resourcesPath: string;
  readonly exists: (file: string) => boolean;
}

/**
 * One better-sqlite3 build per runtime: `node_modules/better-sqlite3/build` is compiled for Node, which
 * the tests, CLI and preview host load, and an addon only loads into the runtime whose ABI it was built
 * for. Electron therefore loads its own copy through `nativeBinding`. When that copy is missing (a fresh
 * clone that has not run `npm run rebuild:electron`) the default is used, and opening a portfolio then
 * fails with better-sqlite3's NODE_MODULE_VERSION message, which the startup dialog shows.
 */
export function electronNativeBinding({ appRoot, resourcesPath, exists }: AddonLocations): string | undefined {
  const candidates = [path.join(resourcesPath, 'app.asar.unpacked', ELECTRON_ADDON_PATH), path.join(appRoot, ELECTRON_ADDON_PATH)];
  return candidates.find((file) => exists(file));
}

export const MISSING_ADDON_HINT =
  `Electron's build of better-sqlite3 (${ELECTRON_ADDON_PATH}) was not found, so the Node build is used and ` +
  'will not load in Electron. Run `npm run rebuild:electron` on a machine that can download Electron headers.';
