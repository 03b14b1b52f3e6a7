import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

/** Placeholder until the project publishes its repository; Help → Paydown README opens it in the browser. */
export const README_URL = 'https://github.com/paydown/paydown#readme';

export interface MenuActions {
  readonly newPortfolio: () => void;
  readonly openPortfolio: () => void;
  readonly openRecent: (file: string) => void;
  readonly clearRecent: () => void;
  readonly showAbout: () => void;
  readonly openReadme: () => void;
  /** Opens the import wizard in the window, as its Import… button does. */
  readonly importFile: () => void;
}

export interface MenuState {
  readonly platform: NodeJS.Platform;
  /** Developer tools appear only in an unpackaged build. */
  readonly isDev: boolean;
  readonly recentFiles: readonly string[];
}

function recentItems(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const files: MenuItemConstructorOptions[] = state.recentFiles.map((file) => ({
    label: `${path.basename(file)} — ${path.dirname(file)}`,
    click: () => {
      actions.openRecent(file);
    },
  }));
  const empty: MenuItemConstructorOptions[] = [{ label: 'No Recent Portfolios', enabled: false }];
  return [
    ...(files.length === 0 ? empty : files),
    { type: 'separator' },
    { label: 'Clear Recently Opened', enabled: files.length > 0, click: actions.clearRecent },
  ];
}

/** The whole application menu as plain data: no Electron calls, so tests can read it. */
export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = state.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Paydown',
          submenu: [
            { label: 'About Paydown', click: actions.showAbout },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  // On macOS Quit lives in the app menu instead.
  const quit: MenuItemConstructorOptions[] = isMac ? [] : [{ type: 'separator' }, { role: 'quit' }];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Portfolio…', accelerator: 'CmdOrCtrl+N', click: actions.newPortfolio },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: actions.openPortfolio },
      { label: 'Open Recent', submenu: recentItems(state, actions) },
      { type: 'separator' },
      { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: actions.importFile },
      ...quit,
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  const devTools: MenuItemConstructorOptions[] = state.isDev ? [{ role: 'forceReload' }, { role: 'toggleDevTools' }] : [];
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...devTools,
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const about: MenuItemConstructorOptions[] = isMac ? [] : [{ label: 'About Paydown', click: actions.showAbout }];
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [...about, { label: 'Paydown README', click: actions.openReadme }],
  };
  return [...appMenu, file, edit, view, help];
}
