import type { DebtItem } from '../../../shared/domain/debt-item.js';
import type { SliceCreator } from './app-state.js';

export type EditorTarget = { readonly mode: 'create' } | { readonly mode: 'edit'; readonly item: DebtItem };

export interface EditorSlice {
  /** The item open in the editor dialog, or null when it is closed. */
  editor: EditorTarget | null;
  /** The item waiting for the user to confirm its deletion. */
  deleteTarget: DebtItem | null;
  openNewItem: () => void;
  openEditItem: (item: DebtItem) => void;
  closeEditor: () => void;
  askToDelete: (item: DebtItem) => void;
  cancelDelete: () => void;
}

export const createEditorSlice: SliceCreator<EditorSlice> = (set) => ({
  editor: null,
  deleteTarget: null,
  openNewItem() {
    set({ editor: { mode: 'create' }, deleteTarget: null });
  },
  openEditItem(item) {
    set({ editor: { mode: 'edit', item }, deleteTarget: null });
  },
  closeEditor() {
    set({ editor: null });
  },
  askToDelete(item) {
    set({ deleteTarget: item, editor: null });
  },
  cancelDelete() {
    set({ deleteTarget: null });
  },
});
