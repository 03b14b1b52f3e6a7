import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../store/open-store.js';

/** What every handler may use; clock and id source are injectable so tests are deterministic. */
export interface HandlerContext {
  readonly store: Store;
  now(): Date;
  newId(): string;
  /** Where unexpected failures are reported; the user only ever sees a safe message. */
  logError(channel: string, error: unknown): void;
}

export function createContext(store: Store, overrides: Partial<Omit<HandlerContext, 'store'>> = {}): HandlerContext {
  return {
    store,
    now: () => new Date(),
    // Time-ordered UUIDs (RFC 9562 v7): a new id lands at the right edge of the id and audit indexes
    // instead of a random page, which keeps bulk creates and imports from thrashing SQLite's page cache.
    newId: () => uuidv7(),
    logError: (channel, error) => {
      console.error(`[paydown] ${channel} failed:`, error);
    },
    ...overrides,
  };
}
