import type { ListItemsQuery, SortField } from '../../../shared/api/contract.js';
import type { Kind, Status } from '../../../shared/domain/debt-item.js';

export type SortDirection = 'asc' | 'desc';

export interface ListFilters {
  readonly status: readonly Status[];
  readonly kind: readonly Kind[];
  readonly owner: string;
  readonly tag: string;
  readonly text: string;
}

export interface ListView {
  readonly filters: ListFilters;
  readonly sort: SortField;
  readonly direction: SortDirection;
  readonly offset: number;
  readonly limit: number;
}

export const NO_FILTERS: ListFilters = { status: [], kind: [], owner: '', tag: '', text: '' };

/** Matches ListItemsQuery's `text` limit, so a long paste is cut here rather than refused by the host. */
export const MAX_SEARCH_LENGTH = 200;

export function hasActiveFilters(filters: ListFilters): boolean {
  return (
    filters.status.length > 0 ||
    filters.kind.length > 0 ||
    filters.owner !== '' ||
    filters.tag !== '' ||
    filters.text.trim() !== ''
  );
}

/** The `items.list` input for a view; empty filters are left out so the host applies none. */
export function listQueryOf(view: ListView): ListItemsQuery {
  const { filters } = view;
  const text = filters.text.trim();
  return {
    sort: view.sort,
    direction: view.direction,
    offset: view.offset,
    limit: view.limit,
    ...(filters.status.length > 0 ? { status: [...filters.status] } : {}),
    ...(filters.kind.length > 0 ? { kind: [...filters.kind] } : {}),
    ...(filters.owner !== '' ? { owner: filters.owner } : {}),
    ...(filters.tag !== '' ? { tag: filters.tag } : {}),
    ...(text !== '' ? { text: text.slice(0, MAX_SEARCH_LENGTH) } : {}),
  };
}

/**
 * Names and dates read best A→Z and soonest first; numbers (risk, effort, interest) and timestamps
 * are most useful biggest or newest first.
 */
const ASCENDING_FIRST: ReadonlySet<SortField> = new Set(['title', 'kind', 'status', 'owner', 'area', 'dueDate']);

export function firstDirection(field: SortField): SortDirection {
  return ASCENDING_FIRST.has(field) ? 'asc' : 'desc';
}

/** The offset of the last page that still holds items, for when deletions empty the current one. */
export function lastPageOffset(total: number, limit: number): number {
  return total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
}
