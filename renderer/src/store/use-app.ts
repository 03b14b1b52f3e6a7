import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppState } from './app-state.js';
import type { AppStore } from './app-store.js';

/** Provided once in main.tsx; a context rather than a module singleton keeps the store swappable. */
export const AppStoreContext = createContext<AppStore | null>(null);

/**
 * Reads from the app store. Select one value, or wrap a selector that builds an object or array in
 * `useShallow`: a fresh reference on every call makes zustand v5 re-render forever.
 */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (store === null) throw new Error('useApp must be used inside <AppStoreContext value={store}>.');
  return useStore(store, selector);
}
