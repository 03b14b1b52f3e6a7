import type { SortField } from '../../../shared/api/contract.js';
import type { SortDirection } from '../store/list-query.js';

interface SortHeaderProps {
  field: SortField;
  label: string;
  numeric: boolean;
  sort: SortField;
  direction: SortDirection;
  onSort: (field: SortField) => void;
}

/** A column header that sorts; `aria-sort` sits only on the sorted column, as the ARIA table pattern asks. */
export function SortHeader({ field, label, numeric, sort, direction, onSort }: SortHeaderProps) {
  const active = field === sort;
  return (
    <th
      scope="col"
      className={numeric ? 'numeric' : undefined}
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button
        type="button"
        className={active ? 'sort-button sort-active' : 'sort-button'}
        onClick={() => {
          onSort(field);
        }}
      >
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {active ? (direction === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
