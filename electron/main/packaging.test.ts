import { execFile } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// An offline `electron-builder --dir` run (STACK.md): a stand-in Electron folder replaces the download,
// and the real config and files list produce a real app.asar that we then inspect.
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const BUILT = ['dist/electron/main.mjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
const RUNTIME_PACKAGES = new Set(['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

async function runOrExplain(what: string, file: string, args: string[]): Promise<void> {
  try {
    await run(file, args, { cwd: root, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
  } catch (error) {
    const output =
      error instanceof Error && 'stdout' in error && 'stderr' in error ? `${String(error.stdout)}\n${String(error.stderr)}` : String(error);
    throw new Error(`${what} failed:\n${output}`);
  }
}

// Until the renderer's source exists there is nothing to build into dist/renderer; from then on a
// failing build fails this test.
const rendererWritten = existsSync(path.join(root, 'renderer', 'index.html'));

let temp: string;
let resources: string;
let asar: string;
let entries: Set<string>;

beforeAll(async () => {
  if (!rendererWritten) return;
  temp = mkdtempSync(path.join(tmpdir(), 'paydown-packaging-'));
  if (BUILT.some((file) => !existsSync(path.join(root, file)))) {
    await runOrExplain('node scripts/build.mjs', process.execPath, ['scripts/build.mjs']);
  }
  const electronDist = path.join(temp, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary"\n', { mode: 0o755 });
  const electronPackage: unknown = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'));
  if (typeof electronPackage !== 'object' || electronPackage === null || !('version' in electronPackage) || typeof electronPackage.version !== 'string') {
    throw new Error('node_modules/electron/package.json has no version');
  }
  writeFileSync(path.join(electronDist, 'version'), electronPackage.version);
  const output = path.join(temp, 'release');
  await runOrExplain('electron-builder --dir', process.execPath, [
    path.join(root, 'node_modules', 'electron-builder', 'cli.js'),
    '--dir',
    '--linux',
    '--publish',
    'never',
    '-c.npmRebuild=false',
    `-c.electronDist=${electronDist}`,
    `-c.directories.output=${output}`,
  ]);
  resources = path.join(output, 'linux-unpacked', 'resources');
  asar = path.join(resources, 'app.asar');
  // listPackage answers paths with a leading separator, in the platform's style.
  entries = new Set(listPackage(asar, { isPack: false }).map((entry) => entry.split(path.sep).join('/').replace(/^\//, '')));
}, 240_000);

afterAll(() => {
  if (rendererWritten) rmSync(temp, { recursive: true, force: true });
});

describe.skipIf(!rendererWritten)('the packaged app (electron-builder --dir, offline; skipped while renderer/index.html does not exist)', () => {
  it('holds the bundled main process, preload and renderer', () => {
    for (const file of BUILT) expect(entries, file).toContain(file);
  });

  it('starts from dist/electron/main.mjs', () => {
    const packageJson: unknown = JSON.parse(extractFile(asar, 'package.json').toString('utf8'));
    expect(packageJson).toMatchObject({ name: 'paydown', main: 'dist/electron/main.mjs' });
  });

  it('unpacks better-sqlite3’s native addon beside the archive', () => {
    expect(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
  });

  it('ships what better-sqlite3 requires at run time and none of the bundled packages', () => {
    for (const needed of ['node_modules/better-sqlite3/lib/index.js', 'node_modules/bindings/bindings.js', 'node_modules/file-uri-to-path/index.js']) {
      expect(entries, needed).toContain(needed);
    }
    for (const bundled of ['react', 'react-dom', 'd3', 'zod', 'zustand', 'prebuild-install']) {
      expect(entries, bundled).not.toContain(`node_modules/${bundled}`);
    }
    expect(entries).not.toContain('dist/electron/cli.mjs');
    expect(entries).not.toContain('node_modules/better-sqlite3/deps');
  });

  it('needs no package at run time beyond electron, better-sqlite3 and Node built-ins', () => {
    const main = extractFile(asar, 'dist/electron/main.mjs').toString('utf8');
    const imported = [...main.matchAll(/(?:^|\n)\s*import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["']|\brequire\(["']([^"']+)["']\)/g)].map(
      (match) => match[1] ?? match[2] ?? '',
    );
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !name.startsWith('.') && !RUNTIME_PACKAGES.has(name))).toEqual([]);
  });

  it('bundles the sandboxed preload into one file that requires only electron', () => {
    const preload = extractFile(asar, 'dist/electron/preload.cjs').toString('utf8');
    expect([...preload.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('has an app icon electron-builder can turn into every platform’s (a PNG of at least 512×512 in build/)', () => {
    const png = readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height are the big-endian words at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16));
  });
});
