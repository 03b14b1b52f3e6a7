import { useShallow } from 'zustand/react/shallow';
import type { SortField } from '../../../shared/api/contract.js';
import { useApp } from '../store/use-app.js';
import { ItemRow } from './item-row.js';
import { SortHeader } from './sort-header.js';

interface Column {
  readonly field: SortField;
  readonly label: string;
  readonly numeric: boolean;
}

const COLUMNS: readonly Column[] = [
  { field: 'title', label: 'Title', numeric: false },
  { field: 'kind', label: 'Kind', numeric: false },
  { field: 'status', label: 'Status', numeric: false },
  { field: 'owner', label: 'Owner', numeric: false },
  { field: 'risk', label: 'Risk', numeric: true },
  { field: 'effort', label: 'Effort', numeric: true },
  { field: 'interest', label: 'Interest/sprint', numeric: true },
  { field: 'dueDate', label: 'Due', numeric: false },
  { field: 'updatedAt', label: 'Updated', numeric: false },
];

export function ItemsTable() {
  const { items, loading, today, sort, direction, sortBy, openEditItem, askToDelete } = useApp(
    useShallow((s) => ({
      items: s.items,
      loading: s.loading,
      today: s.today,
      sort: s.sort,
      direction: s.direction,
      sortBy: s.sortBy,
      openEditItem: s.openEditItem,
      askToDelete: s.askToDelete,
    })),
  );
  return (
    <div className="table-scroll">
      <table className="items-table" aria-busy={loading}>
        <caption className="visually-hidden">Debt items</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader key={column.field} {...column} sort={sort} direction={direction} onSort={sortBy} />
            ))}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ItemRow key={item.id} item={item} today={today} onEdit={openEditItem} onDelete={askToDelete} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
