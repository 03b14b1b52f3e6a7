import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, shell } from 'electron';
import { MENU_IPC_CHANNEL, type MenuCommand } from '../../shared/api/menu-commands.js';
import { createContext, dispatch } from '../handlers/dispatch.js';
import { DEFAULT_FILE_NAME } from '../store/default-path.js';
import { openStore } from '../store/open-store.js';
import { serveRenderer } from './app-protocol.js';
import { APP_ENTRY_URL } from './app-url.js';
import { openIfWebLink } from './external-links.js';
import { registerIpcHandlers } from './ipc.js';
import { buildMenuTemplate, README_URL } from './menu.js';
import { MISSING_ADDON_HINT, electronNativeBinding } from './native-binding.js';
import { chooseExistingPortfolio, chooseNewPortfolioPath } from './portfolio-dialogs.js';
import { PortfolioSession, describeFailedOpen, type OpenMode } from './portfolio-session.js';
import { RECENT_FILES_NAME, loadRecentFiles, saveRecentFiles, withRecentFile, withoutRecentFile } from './recent-files.js';
import { openFirstPortfolio, requestFromArgv, startupRequest, type StartupChoice } from './startup-portfolio.js';
import { createMainWindow } from './window.js';

interface AppLayout {
  /** `dist/electron/preload.cjs`. */
  readonly preloadPath: string;
  /** `dist/renderer`, served on app://paydown/. */
  readonly rendererDir: string;
  /** The project folder in development, `resources/app.asar` when packaged. */
  readonly appRoot: string;
}

const OPEN_FAILED_TITLE = 'Paydown could not open this portfolio';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Everything the running desktop app holds: the open portfolio, its window, the menu and recent files. */
export class DesktopApp {
  readonly #layout: AppLayout;
  readonly #nativeBinding: string | undefined;
  readonly #session: PortfolioSession;
  #window: BrowserWindow | undefined;
  #recentFiles: string[] = [];
  #started = false;
  /** A file the OS asked us to open (macOS 'open-file') before the app was ready. */
  #pendingFile: string | undefined;

  constructor(layout: AppLayout) {
    this.#layout = layout;
    this.#nativeBinding = electronNativeBinding({
      appRoot: layout.appRoot,
      resourcesPath: process.resourcesPath,
      exists: existsSync,
    });
    const nativeBinding = this.#nativeBinding;
    this.#session = new PortfolioSession({
      openStore: (file) => openStore(file, nativeBinding === undefined ? {} : { nativeBinding }),
      createContext: (store) => createContext(store),
      onOpened: (file) => {
        this.#portfolioOpened(file);
      },
    });
  }

  get #recentFilesPath(): string {
    return path.join(app.getPath('userData'), RECENT_FILES_NAME);
  }

  /** Runs once the app is ready: serve the renderer, wire IPC, open the first portfolio, show the window. */
  async start(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
    if (this.#nativeBinding === undefined && !app.isPackaged) console.warn(`[paydown] ${MISSING_ADDON_HINT}`);
    serveRenderer(protocol, this.#layout.rendererDir);
    registerIpcHandlers(ipcMain, () => this.#session.context(), {
      mainContents: () => this.#window?.webContents,
      dispatch,
    });
    app.setAboutPanelOptions({ applicationName: 'Paydown', applicationVersion: app.getVersion(), website: README_URL });
    this.#recentFiles = loadRecentFiles(this.#recentFilesPath);
    this.#installMenu();
    const first =
      this.#pendingFile === undefined
        ? startupRequest({ argv, env, cwd, userData: app.getPath('userData') })
        : { file: this.#pendingFile, mode: 'must-exist' as const };
    const opened = await openFirstPortfolio(this.#session, first, (message) => this.#recoverFromStartupFailure(message));
    if (!opened) {
      app.quit();
      return;
    }
    this.#started = true;
    this.showWindow();
  }

  /** Focuses the window, creating it when there is none (macOS keeps running with no windows). */
  showWindow(): void {
    if (!this.#started) return;
    if (this.#window !== undefined) {
      if (this.#window.isMinimized()) this.#window.restore();
      this.#window.focus();
      return;
    }
    const window = createMainWindow({ preloadPath: this.#layout.preloadPath, openExternal: (url) => shell.openExternal(url) });
    this.#window = window;
    window.on('closed', () => {
      this.#window = undefined;
    });
    // Our title names the open file; the page's <title> would hide which portfolio this is.
    window.on('page-title-updated', (event) => {
      event.preventDefault();
    });
    window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
      // -3 is ERR_ABORTED: this load was replaced by a newer one, which reports for itself.
      if (isMainFrame && code !== -3) dialog.showErrorBox('Paydown could not show its window', `${description} (${url})`);
    });
    window.webContents.on('render-process-gone', (_event, details) => {
      if (details.reason !== 'clean-exit') this.#offerReload(window, details.reason);
    });
    this.#updateTitle();
    this.#load(window);
  }

  /** Another launch handed us its command line: come to the front and open the file it named. */
  handleSecondInstance(argv: readonly string[], workingDirectory: string): void {
    if (!this.#started) return;
    this.showWindow();
    const request = requestFromArgv(argv, workingDirectory);
    if (request !== undefined) this.openPortfolio(request.file, request.mode);
  }

  /** macOS hands double-clicked files over with 'open-file', possibly before the app is ready. */
  openFromOs(file: string): void {
    if (this.#started) {
      this.showWindow();
      this.openPortfolio(file, 'must-exist');
    } else {
      this.#pendingFile = file;
    }
  }

  /** Switches to `file`; if it cannot be used, says why and keeps the current portfolio open. */
  openPortfolio(file: string, mode: OpenMode): void {
    const outcome = this.#session.open(file, mode);
    if (outcome.ok) return;
    if (outcome.code === 'not-found') this.#setRecentFiles(withoutRecentFile(this.#recentFiles, path.resolve(file)));
    dialog.showErrorBox(OPEN_FAILED_TITLE, describeFailedOpen(outcome, this.#session.currentPath()));
  }

  shutdown(): void {
    this.#session.close();
  }

  #portfolioOpened(file: string): void {
    this.#setRecentFiles(withRecentFile(this.#recentFiles, file));
    app.addRecentDocument(file);
    this.#updateTitle();
    if (this.#window !== undefined) this.#load(this.#window);
  }

  #load(window: BrowserWindow): void {
    window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
      // did-fail-load has already told the user; this keeps the cause in the log.
      console.error(`[paydown] Loading ${APP_ENTRY_URL} failed:`, error);
    });
  }

  #updateTitle(): void {
    const current = this.#session.currentPath();
    this.#window?.setTitle(current === undefined ? 'Paydown' : `${path.basename(current)} — Paydown`);
  }

  #offerReload(window: BrowserWindow, reason: string): void {
    dialog
      .showMessageBox(window, {
        type: 'error',
        message: "Paydown's window stopped working.",
        detail: `The page ended unexpectedly (${reason}). Every change you saved is in the portfolio file; reloading shows it again.`,
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      })
      .then(({ response }) => {
        if (response === 0) this.#load(window);
        else app.quit();
      })
      .catch((error: unknown) => {
        console.error('[paydown] Could not offer a reload:', error);
      });
  }

  #setRecentFiles(files: string[]): void {
    this.#recentFiles = files;
    try {
      saveRecentFiles(this.#recentFilesPath, files);
    } catch (error) {
      // The menu still shows the new list; only the next launch would miss it.
      console.error('[paydown] Could not save the recent-files list:', error);
    }
    this.#installMenu();
  }

  #installMenu(): void {
    const template = buildMenuTemplate(
      { platform: process.platform, isDev: !app.isPackaged, recentFiles: this.#recentFiles },
      {
        newPortfolio: () => {
          this.#runAction('create a portfolio', this.#newPortfolioFromDialog());
        },
        openPortfolio: () => {
          this.#runAction('open a portfolio', this.#openPortfolioFromDialog());
        },
        openRecent: (file) => {
          this.openPortfolio(file, 'must-exist');
        },
        clearRecent: () => {
          app.clearRecentDocuments();
          this.#setRecentFiles([]);
        },
        showAbout: () => {
          app.showAboutPanel();
        },
        openReadme: () => {
          openIfWebLink(README_URL, (url) => shell.openExternal(url));
        },
        importFile: () => {
          this.#window?.webContents.send(MENU_IPC_CHANNEL, 'import' satisfies MenuCommand);
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  #runAction(what: string, action: Promise<void>): void {
    action.catch((error: unknown) => {
      console.error(`[paydown] Could not ${what}:`, error);
      dialog.showErrorBox(`Paydown could not ${what}`, messageOf(error));
    });
  }

  get #newPortfolioDefault(): string {
    return path.join(app.getPath('documents'), DEFAULT_FILE_NAME);
  }

  async #newPortfolioFromDialog(): Promise<void> {
    const file = await chooseNewPortfolioPath(dialog, this.#window, this.#newPortfolioDefault);
    if (file !== undefined) this.openPortfolio(file, 'must-be-new');
  }

  async #openPortfolioFromDialog(): Promise<void> {
    const file = await chooseExistingPortfolio(dialog, this.#window);
    if (file !== undefined) this.openPortfolio(file, 'must-exist');
  }

  /** Before any window exists: explain the failure and let the user pick another file, a new one, or quit. */
  async #recoverFromStartupFailure(message: string): Promise<StartupChoice> {
    const hint = this.#nativeBinding === undefined && message.includes('NODE_MODULE_VERSION') ? `\n\n${MISSING_ADDON_HINT}` : '';
    for (;;) {
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'Paydown',
        message: 'Paydown could not open the portfolio.',
        detail: `${message}${hint}`,
        buttons: ['Open Another Portfolio…', 'Create New Portfolio…', 'Quit'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      if (response === 2) return { kind: 'quit' };
      const file =
        response === 0
          ? await chooseExistingPortfolio(dialog, undefined)
          : await chooseNewPortfolioPath(dialog, undefined, this.#newPortfolioDefault);
      if (file !== undefined) return { kind: response === 0 ? 'open' : 'new', file };
    }
  }
}
