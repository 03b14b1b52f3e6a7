import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import type { OpenExternal } from './external-links.js';
import { lockDownContents, lockDownSession } from './window-security.js';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Paydown',
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    // Shown on 'ready-to-show', so the user never sees an empty frame while the page loads.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  };
}

interface MainWindowOptions {
  /** Absolute path of the bundled preload (`dist/electron/preload.cjs`). */
  readonly preloadPath: string;
  readonly openExternal: OpenExternal;
}

/** Creates the locked-down main window; the caller loads the app URL once IPC is registered. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options.preloadPath));
  lockDownContents(window.webContents, options.openExternal);
  lockDownSession(window.webContents.session);
  window.once('ready-to-show', () => {
    window.show();
  });
  return window;
}
