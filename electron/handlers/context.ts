import { randomUUID } from 'node:crypto';
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
    newId: () => randomUUID(),
    logError: (channel, error) => {
      console.error(`[paydown] ${channel} failed:`, error);
    },
    ...overrides,
  };
}
