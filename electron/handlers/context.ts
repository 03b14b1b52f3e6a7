import type { ImportProgress } from '../../shared/import/import-progress.js';
import type { Store } from '../store/open-store.js';
import { ImportJobs } from './import-jobs.js';
import { timeOrderedId } from './time-ordered-id.js';

/** What every handler may use; clock and id source are injectable so tests are deterministic. */
export interface HandlerContext {
  readonly store: Store;
  now(): Date;
  newId(): string;
  /** Where unexpected failures are reported; the user only ever sees a safe message. */
  logError(channel: string, error: unknown): void;
  /** Background imports on this portfolio (`import.start`, `import.status`, `import.cancel`). */
  readonly importJobs: ImportJobs;
  /** Told each step of a synchronous `import.run`: the CLI draws a progress line on a terminal. */
  onImportProgress?: (progress: ImportProgress) => void;
}

export function createContext(store: Store, overrides: Partial<Omit<HandlerContext, 'store'>> = {}): HandlerContext {
  return {
    store,
    importJobs: new ImportJobs(),
    now: () => new Date(),
    newId: timeOrderedId,
    logError: (channel, error) => {
      console.error(`[paydown] ${channel} failed:`, error);
    },
    ...overrides,
  };
}
