import type { ApiError } from '../../../shared/api/result.js';
import type { DebtItem, DebtItemDraft, DebtItemPatch } from '../../../shared/domain/debt-item.js';
import type { PaydownBridge } from '../../../shared/api/contract.js';
import type { AppState, SliceCreator } from './app-state.js';
import { callBridge } from './call-bridge.js';
import { failureMessage } from './failure-message.js';
import { lastPageOffset, listQueryOf } from './list-query.js';
import { FAILED, SAVED, type SaveOutcome } from './save-outcome.js';

export interface ItemsSlice {
  /** The current page of items, in the order the host sorted them. */
  items: readonly DebtItem[];
  /** How many items match the filters, across all pages. */
  total: number;
  loading: boolean;
  /** False until the first page arrives, so the empty state does not flash before it. */
  loaded: boolean;
  /** The last load failed (the notice says why); before any page arrived, the view offers a retry. */
  loadFailed: boolean;
  /** The local date (YYYY-MM-DD) when the page was loaded; overdue marks compare against it. */
  today: string;
  loadItems: () => Promise<void>;
  createItem: (draft: DebtItemDraft) => Promise<SaveOutcome>;
  updateItem: (item: DebtItem, changes: DebtItemPatch) => Promise<SaveOutcome>;
  deleteItem: (item: DebtItem) => Promise<void>;
}

export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Form-level answers go back to the form; everything else is the store's to report. */
function rejected(error: ApiError): SaveOutcome {
  return { status: 'invalid', message: error.message, issues: error.issues ?? [] };
}

export const createItemsSlice =
  (bridge: PaydownBridge): SliceCreator<ItemsSlice> =>
  (set, get) => {
    // Typing in the search box fires several loads; only the newest may fill the table.
    let latestLoad = 0;

    const replaceItem = (fresh: DebtItem) => {
      set((state) => ({ items: state.items.map((i) => (i.id === fresh.id ? fresh : i)) }));
    };

    const afterChange = async () => {
      await Promise.all([get().loadItems(), get().refreshPortfolio()]);
    };

    const reportGone = async (state: AppState, item: DebtItem) => {
      if (state.editor?.mode === 'edit' && state.editor.item.id === item.id) state.closeEditor();
      state.showNotice('error', `“${item.title}” no longer exists; someone else deleted it. The list has been reloaded.`);
      await afterChange();
    };

    /** After a conflict: fetch the current version so the editor shows what the other person saved. */
    const reloadAfterConflict = async (item: DebtItem) => {
      const fresh = await callBridge(bridge, 'items.get', { id: item.id });
      if (!fresh.ok) {
        if (fresh.error.code === 'not-found') {
          await reportGone(get(), item);
          return;
        }
        get().showNotice('error', failureMessage(`Could not reload “${item.title}”.`, fresh.error));
        return;
      }
      replaceItem(fresh.value);
      const { editor, openEditItem } = get();
      if (editor?.mode === 'edit' && editor.item.id === item.id) openEditItem(fresh.value);
    };

    return {
      items: [],
      total: 0,
      loading: false,
      loaded: false,
      loadFailed: false,
      today: localDate(new Date()),

      async loadItems() {
        const request = ++latestLoad;
        set({ loading: true });
        const result = await callBridge(bridge, 'items.list', listQueryOf(get()));
        if (request !== latestLoad) return;
        if (!result.ok) {
          set({ loading: false, loadFailed: true });
          get().showNotice('error', failureMessage('Could not load the debt items.', result.error));
          return;
        }
        const page = result.value;
        set({
          items: page.items,
          total: page.total,
          loading: false,
          loaded: true,
          loadFailed: false,
          today: localDate(new Date()),
        });
        const { offset, limit } = get();
        // Deleting the last items of the last page leaves it past the end; show the last real page instead.
        const lastOffset = lastPageOffset(page.total, limit);
        if (page.items.length === 0 && offset >= page.total && lastOffset < offset) {
          set({ offset: lastOffset });
          await get().loadItems();
        }
      },

      async createItem(draft) {
        const result = await callBridge(bridge, 'items.create', draft);
        if (!result.ok) {
          if (result.error.code === 'invalid-input') return rejected(result.error);
          get().showNotice('error', failureMessage(`Could not add “${draft.title}”.`, result.error));
          return FAILED;
        }
        get().closeEditor();
        get().showNotice('success', `Added “${result.value.title}”.`);
        await afterChange();
        return SAVED;
      },

      async updateItem(item, changes) {
        const result = await callBridge(bridge, 'items.update', { id: item.id, version: item.version, changes });
        if (!result.ok) {
          switch (result.error.code) {
            case 'invalid-input':
              return rejected(result.error);
            case 'conflict':
              get().showNotice(
                'error',
                `Someone else changed “${item.title}” while you were editing it, so your changes were not saved. ` +
                  'Their version is now loaded; make your changes again and save.',
              );
              await reloadAfterConflict(item);
              return FAILED;
            case 'not-found':
              await reportGone(get(), item);
              return FAILED;
            default:
              get().showNotice('error', failureMessage(`Could not save “${item.title}”.`, result.error));
              return FAILED;
          }
        }
        replaceItem(result.value);
        get().closeEditor();
        get().showNotice('success', `Saved “${result.value.title}”.`);
        await afterChange();
        return SAVED;
      },

      async deleteItem(item) {
        const result = await callBridge(bridge, 'items.delete', { id: item.id, version: item.version });
        get().cancelDelete();
        if (!result.ok) {
          switch (result.error.code) {
            case 'conflict':
              get().showNotice(
                'error',
                `“${item.title}” was changed by someone else, so it was not deleted. Check the reloaded item and delete it again if you still want to.`,
              );
              await afterChange();
              return;
            case 'not-found':
              get().showNotice('info', `“${item.title}” was already deleted.`);
              await afterChange();
              return;
            default:
              get().showNotice('error', failureMessage(`Could not delete “${item.title}”.`, result.error));
              return;
          }
        }
        get().showNotice('success', `Deleted “${item.title}”.`);
        await afterChange();
      },
    };
  };
