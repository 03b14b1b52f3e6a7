// Entry point of the desktop app (bundled to dist/electron/main.mjs).
import path from 'node:path';
import { app, dialog, protocol } from 'electron';
import { registerAppScheme } from './app-protocol.js';
import { DesktopApp } from './desktop-app.js';
import { claimSingleInstance } from './single-instance.js';

const APP_NAME = 'Paydown';
// This file runs as dist/electron/main.mjs: the preload sits beside it, the renderer in dist/renderer.
const here = import.meta.dirname;

app.setName(APP_NAME);
// Fixed before anything reads it (the single-instance lock lives there too), so it matches appDataDir()
// for the CLI. PAYDOWN_USER_DATA gives e2e runs a folder of their own.
const userDataOverride = process.env['PAYDOWN_USER_DATA'];
app.setPath(
  'userData',
  userDataOverride !== undefined && userDataOverride !== ''
    ? path.resolve(userDataOverride)
    : path.join(app.getPath('appData'), APP_NAME),
);

const desktop = new DesktopApp({
  preloadPath: path.join(here, 'preload.cjs'),
  rendererDir: path.join(here, '..', 'renderer'),
  appRoot: path.join(here, '..', '..'),
});

const isFirstInstance = claimSingleInstance(app, (argv, workingDirectory) => {
  desktop.handleSecondInstance(argv, workingDirectory);
});

if (isFirstInstance) {
  registerAppScheme(protocol);
  app.on('open-file', (event, file) => {
    event.preventDefault();
    desktop.openFromOs(file);
  });
  app.on('activate', () => {
    desktop.showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    desktop.shutdown();
  });
  app
    .whenReady()
    .then(() => desktop.start(process.argv, process.cwd(), process.env))
    .catch((error: unknown) => {
      console.error('[paydown] Startup failed:', error);
      dialog.showErrorBox('Paydown could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
