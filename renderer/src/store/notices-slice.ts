import type { SliceCreator } from './app-state.js';

export type NoticeTone = 'error' | 'success' | 'info';

export interface Notice {
  readonly id: number;
  readonly tone: NoticeTone;
  readonly message: string;
}

export interface NoticesSlice {
  notices: readonly Notice[];
  showNotice: (tone: NoticeTone, message: string) => void;
  dismissNotice: (id: number) => void;
}

/** A few notices are useful; a wall of them hides the newest, so older ones fall off. */
export const MAX_NOTICES = 5;

export const createNoticesSlice: SliceCreator<NoticesSlice> = (set) => {
  let nextId = 1;
  return {
    notices: [],
    showNotice(tone, message) {
      const notice: Notice = { id: nextId++, tone, message };
      // A repeated message moves to the end instead of stacking up, e.g. the same failure on every retry.
      set((state) => ({
        notices: [...state.notices.filter((n) => n.message !== message), notice].slice(-MAX_NOTICES),
      }));
    },
    dismissNotice(id) {
      set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
    },
  };
};
