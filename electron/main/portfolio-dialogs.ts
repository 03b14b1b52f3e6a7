import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { withPortfolioExtension } from './startup-portfolio.js';

const PORTFOLIO_FILTERS = [{ name: 'Paydown portfolio', extensions: ['paydown'] }];

type Dialogs = Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;

/** Asks for an existing `.paydown` file; undefined when the user cancels. */
export async function chooseExistingPortfolio(dialog: Dialogs, parent: BrowserWindow | undefined): Promise<string | undefined> {
  const options: OpenDialogOptions = { title: 'Open Portfolio', filters: PORTFOLIO_FILTERS, properties: ['openFile'] };
  const result = await (parent === undefined ? dialog.showOpenDialog(options) : dialog.showOpenDialog(parent, options));
  return result.canceled ? undefined : result.filePaths[0];
}

/** Asks where to create a new portfolio; undefined when the user cancels. */
export async function chooseNewPortfolioPath(
  dialog: Dialogs,
  parent: BrowserWindow | undefined,
  defaultPath: string,
): Promise<string | undefined> {
  const options: SaveDialogOptions = {
    title: 'New Portfolio',
    buttonLabel: 'Create',
    defaultPath,
    filters: PORTFOLIO_FILTERS,
    // No overwrite prompt where we control it (Linux): an existing file is refused, never replaced.
    properties: ['createDirectory'],
  };
  const result = await (parent === undefined ? dialog.showSaveDialog(options) : dialog.showSaveDialog(parent, options));
  return result.canceled || result.filePath === '' ? undefined : withPortfolioExtension(result.filePath);
}
