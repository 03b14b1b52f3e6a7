import type { SortField } from '../../../shared/api/contract.js';
import type { Kind, Status } from '../../../shared/domain/debt-item.js';
import type { SliceCreator } from './app-state.js';
import { firstDirection, NO_FILTERS, type ListFilters, type SortDirection } from './list-query.js';

export const PAGE_SIZES = [25, 50, 100, 250] as const;
const DEFAULT_PAGE_SIZE = 100;

export interface FiltersSlice {
  filters: ListFilters;
  sort: SortField;
  direction: SortDirection;
  offset: number;
  limit: number;
  setStatusFilter: (status: readonly Status[]) => void;
  setKindFilter: (kind: readonly Kind[]) => void;
  setOwnerFilter: (owner: string) => void;
  setTagFilter: (tag: string) => void;
  setTextFilter: (text: string) => void;
  clearFilters: () => void;
  /** Sorts by a column; asking for the current column again flips the direction. */
  sortBy: (field: SortField) => void;
  nextPage: () => void;
  previousPage: () => void;
  setPageSize: (limit: number) => void;
}

export const createFiltersSlice: SliceCreator<FiltersSlice> = (set, get) => {
  /** A new filter can shrink the result below the current page, so filtering always starts at page one. */
  const refilter = (change: Partial<ListFilters>) => {
    set((state) => ({ filters: { ...state.filters, ...change }, offset: 0 }));
    void get().loadItems();
  };
  return {
    filters: NO_FILTERS,
    sort: 'updatedAt',
    direction: 'desc',
    offset: 0,
    limit: DEFAULT_PAGE_SIZE,
    setStatusFilter(status) {
      refilter({ status: [...status] });
    },
    setKindFilter(kind) {
      refilter({ kind: [...kind] });
    },
    setOwnerFilter(owner) {
      refilter({ owner });
    },
    setTagFilter(tag) {
      refilter({ tag });
    },
    setTextFilter(text) {
      if (text === get().filters.text) return;
      refilter({ text });
    },
    clearFilters() {
      set({ filters: NO_FILTERS, offset: 0 });
      void get().loadItems();
    },
    sortBy(field) {
      const { sort, direction } = get();
      const next: SortDirection = field !== sort ? firstDirection(field) : direction === 'asc' ? 'desc' : 'asc';
      set({ sort: field, direction: next, offset: 0 });
      void get().loadItems();
    },
    nextPage() {
      const { offset, limit, total } = get();
      if (offset + limit >= total) return;
      set({ offset: offset + limit });
      void get().loadItems();
    },
    previousPage() {
      const { offset, limit } = get();
      if (offset === 0) return;
      set({ offset: Math.max(0, offset - limit) });
      void get().loadItems();
    },
    setPageSize(limit) {
      set({ limit, offset: 0 });
      void get().loadItems();
    },
  };
};
