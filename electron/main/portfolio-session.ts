import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../shared/api/result.js';
import type { HandlerContext } from '../handlers/dispatch.js';
import type { Store } from '../store/open-store.js';
import { StoreError } from '../store/store-error.js';

/**
 * `create-if-missing` for the default file and `--db`/`PAYDOWN_DB`; `must-exist` for Open… and recent
 * files (a moved file must not silently come back empty); `must-be-new` for New Portfolio….
 */
export type OpenMode = 'create-if-missing' | 'must-exist' | 'must-be-new';

export type OpenOutcome = { ok: true; path: string } | { ok: false; code: ErrorCode; message: string };

export interface PortfolioSessionDeps {
  readonly openStore: (file: string) => Store;
  readonly createContext: (store: Store) => HandlerContext;
  readonly exists?: (file: string) => boolean;
  /** Runs after a switch, once the previous store is closed: reload the window, update recent files. */
  readonly onOpened?: (file: string) => void;
}

interface Current {
  readonly store: Store;
  readonly context: HandlerContext;
}

/** Owns the one open portfolio. A file that fails to open leaves the current one open and untouched. */
export class PortfolioSession {
  #current: Current | undefined;
  readonly #deps: PortfolioSessionDeps;

  constructor(deps: PortfolioSessionDeps) {
    this.#deps = deps;
  }

  context(): HandlerContext | undefined {
    return this.#current?.context;
  }

  currentPath(): string | undefined {
    return this.#current?.store.path;
  }

  open(file: string, mode: OpenMode): OpenOutcome {
    const absolute = path.resolve(file);
    if (this.#current?.store.path === absolute) return { ok: true, path: absolute };
    if (this.#current?.context.importJobs.writing === true) {
      // Closing the connection now would roll the import back halfway through, with no word to the wizard.
      return {
        ok: false,
        code: 'busy',
        message: 'An import is writing to the open portfolio. Wait until it finishes (or cancel it), then open the other one.',
      };
    }
    const exists = (this.#deps.exists ?? existsSync)(absolute);
    if (mode === 'must-exist' && !exists) {
      return { ok: false, code: 'not-found', message: `“${absolute}” no longer exists. It may have been moved, renamed or deleted.` };
    }
    if (mode === 'must-be-new' && exists) {
      return {
        ok: false,
        code: 'conflict',
        message: `“${absolute}” already exists. Open it with File → Open…, or choose another name for the new portfolio.`,
      };
    }
    let store: Store;
    try {
      store = this.#deps.openStore(absolute);
    } catch (error) {
      if (error instanceof StoreError) return { ok: false, code: error.code, message: error.message };
      console.error(`[paydown] Opening ${absolute} failed unexpectedly:`, error);
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, code: 'internal', message: `Paydown could not open “${absolute}”: ${detail}` };
    }
    const previous = this.#current;
    this.#current = { store, context: this.#deps.createContext(store) };
    if (previous !== undefined) closeQuietly(previous.store);
    this.#deps.onOpened?.(store.path);
    return { ok: true, path: store.path };
  }

  close(): void {
    if (this.#current !== undefined) closeQuietly(this.#current.store);
    this.#current = undefined;
  }
}

/** The old file is already replaced; a failed close must not undo the switch, but it is reported. */
function closeQuietly(store: Store): void {
  try {
    store.close();
  } catch (error) {
    console.error(`[paydown] Closing ${store.path} failed:`, error);
  }
}

/** The text of the error box for a failed switch, saying which portfolio is still open. */
export function describeFailedOpen(outcome: { message: string }, stillOpen: string | undefined): string {
  return stillOpen === undefined
    ? outcome.message
    : `${outcome.message}\n\n“${path.basename(stillOpen)}” is still open.`;
}
