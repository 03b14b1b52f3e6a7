#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, otherwise the same app in a
// browser through the preview host. Arguments (--db FILE, --port N) are passed on to either.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

/** @param {string} relative a path from the project root */
const root = (relative) => fileURLToPath(new URL(`../${relative}`, import.meta.url));
const args = process.argv.slice(2);
const NOT_BUILT = 'Paydown is not built yet: run `npm run build` first (npm install does this for you).';

/** The Electron executable, or null when its download never happened (path.txt is written after it). */
function electronBinary() {
  const pathFile = root('node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  if (relative === '') return null;
  const binary = root(`node_modules/electron/dist/${relative}`);
  return existsSync(binary) ? binary : null;
}

/** @param {string} binary */
function runElectron(binary) {
  const main = root('dist/electron/main.mjs');
  if (!existsSync(main)) {
    console.error(NOT_BUILT);
    process.exitCode = 1;
    return;
  }
  const child = spawn(binary, [main, ...args], { stdio: 'inherit' });
  // Ctrl-C reaches Electron through the terminal too; the app decides how to close, and we wait for it.
  /** @param {NodeJS.Signals} signal */
  const forward = (signal) => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`Could not start Electron (${binary}): ${error.message}`);
    process.exitCode = 1;
  });
  child.on('exit', (code, signal) => {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
    process.exitCode = code ?? 128 + (signal === null ? 0 : constants.signals[signal]);
  });
}

/**
 * The command that opens a URL in the default browser, or null when there is no desktop to open it on.
 * @param {string} url
 * @returns {[string, string[]] | null}
 */
function browserCommand(url) {
  if (process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false') return null;
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; the empty "" is its window title, so the URL is not taken for one.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  const hasDisplay = [process.env.DISPLAY, process.env.WAYLAND_DISPLAY].some((v) => v !== undefined && v !== '');
  return hasDisplay ? ['xdg-open', [url]] : null;
}

/** @param {string} url */
function openBrowser(url) {
  /** @param {string} why */
  const hint = (why) => console.log(`${why} Open the URL above in your browser.`);
  const command = browserCommand(url);
  if (command === null) {
    hint('No browser to open here (CI or no display).');
    return;
  }
  const [program, programArgs] = command;
  const child = spawn(program, programArgs, { detached: true, stdio: 'ignore' });
  child.on('error', (error) => hint(`Could not open a browser (${program}: ${error.message}).`));
  child.on('exit', (code) => {
    if (code !== 0) hint(`Could not open a browser (${program} exited with ${String(code)}).`);
  });
  child.unref();
}

async function runPreview() {
  const cli = new URL('../dist/electron/cli.mjs', import.meta.url);
  if (!existsSync(cli)) {
    console.error(NOT_BUILT);
    process.exitCode = 1;
    return;
  }
  console.log(
    "Electron's binary is not installed on this machine (it could not be downloaded), so Paydown opens in your browser through the preview host instead.",
  );
  const { runCli } = await import(cli.href);
  process.exitCode = await runCli(['serve', ...args], {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    /** @param {{ url: string }} info */
    onServing: (info) => {
      openBrowser(info.url);
    },
  });
}

const binary = electronBinary();
if (binary === null) await runPreview();
else runElectron(binary);
