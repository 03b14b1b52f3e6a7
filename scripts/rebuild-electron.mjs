// Builds better-sqlite3 for Electron's ABI into native/electron/better_sqlite3.node (STYLE.md rule 20).
// node_modules/better-sqlite3/build stays the Node build that tests, CLI and preview host load: the
// package is copied to a temp folder and compiled there against Electron's headers, never in place.
// Usage: node scripts/rebuild-electron.mjs [--force] [--arch=x64|arm64|…]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

const HEADERS_URL = 'https://electronjs.org/headers';
const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'native', 'electron');
const addonName = 'better_sqlite3.node';
const require = createRequire(path.join(root, 'package.json'));

/** A failure the user can act on; reported without a stack trace. */
class RebuildError extends Error {}

function fail(message) {
  throw new RebuildError(message);
}

/** node-gyp's default header cache (env-paths' cache folder for 'node-gyp'). */
function nodeGypCacheDir() {
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local'), 'node-gyp', 'Cache');
  if (process.platform === 'darwin') return path.join(homedir(), 'Library', 'Caches', 'node-gyp');
  return path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'), 'node-gyp');
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const force = process.argv.includes('--force');
const arch = process.argv.find((arg) => arg.startsWith('--arch='))?.slice('--arch='.length) ?? process.arch;

async function main() {
  const electronDir = path.dirname(require.resolve('electron/package.json'));
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const buildInfo = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch };
  const infoFile = path.join(outDir, 'build-info.json');

  if (!force && existsSync(path.join(outDir, addonName)) && existsSync(infoFile)) {
    const previous = readJson(infoFile);
    if (Object.entries(buildInfo).every(([key, value]) => previous[key] === value)) {
      console.log(`native/electron/${addonName} is already built for Electron ${electronVersion} (${arch}); use --force to rebuild.`);
      return;
    }
  }

  // node-gyp caches headers per version in its devdir; without a cached copy it must download them.
  const devDir = process.env.npm_config_devdir ?? nodeGypCacheDir();
  const cachedHeaders = existsSync(path.join(devDir, electronVersion, 'include', 'node', 'node.h'));
  if (!cachedHeaders) {
    const url = `${HEADERS_URL}/v${electronVersion}/node-v${electronVersion}-headers.tar.gz`;
    let problem;
    try {
      const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(15_000) });
      if (!response.ok) problem = `the server answered ${response.status} ${response.statusText}`;
    } catch (error) {
      problem = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    if (problem !== undefined) {
      fail(
        `cannot download Electron ${electronVersion}'s headers from ${url} (${problem}).\n` +
          'Compiling better-sqlite3 for Electron needs them. Run `npm run rebuild:electron` on a machine that can\n' +
          'reach electronjs.org (same OS and architecture), then copy native/electron/ here. Nothing was changed.',
      );
    }
  }

  let nodeGyp;
  try {
    nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
  } catch {
    fail('node-gyp is not in node_modules (electron-builder installs it). Run `npm ci` first.');
  }

  const work = mkdtempSync(path.join(tmpdir(), 'paydown-electron-sqlite-'));
  try {
    const pkgCopy = path.join(work, 'better-sqlite3');
    const skip = [path.join(sqliteDir, 'build'), path.join(sqliteDir, 'node_modules')];
    cpSync(sqliteDir, pkgCopy, { recursive: true, filter: (src) => !skip.some((dir) => src === dir || src.startsWith(dir + path.sep)) });

    // .npmrc's nodedir=/usr reaches node-gyp as npm_config_nodedir and would make it compile against
    // Node's headers while reporting success; drop it so --target/--dist-url pick Electron's.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir'));
    console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${arch}) in ${pkgCopy} …`);
    const result = spawnSync(
      process.execPath,
      [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${HEADERS_URL}`, '--runtime=electron'],
      { cwd: pkgCopy, env, stdio: 'inherit' },
    );
    if (result.error !== undefined) fail(`could not run node-gyp: ${result.error.message}`);
    if (result.status !== 0) {
      fail(`node-gyp exited with ${result.status ?? result.signal}; its output is above. node_modules/better-sqlite3 was not touched.`);
    }
    const built = path.join(pkgCopy, 'build', 'Release', addonName);
    if (!existsSync(built)) fail(`node-gyp reported success but ${built} does not exist.`);
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, path.join(outDir, addonName));
    writeFileSync(infoFile, `${JSON.stringify({ ...buildInfo, abi: readFileSync(path.join(electronDir, 'abi_version'), 'utf8').trim() }, null, 2)}\n`);
    console.log(`Wrote native/electron/${addonName}; Electron loads it through better-sqlite3's nativeBinding.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof RebuildError)) throw error;
  console.error(`\nrebuild:electron: ${error.message}\n`);
  process.exitCode = 1;
}
