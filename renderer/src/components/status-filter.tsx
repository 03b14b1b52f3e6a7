import { useShallow } from 'zustand/react/shallow';
import { STATUSES, type Status } from '../../../shared/domain/debt-item.js';
import { useApp } from '../store/use-app.js';
import { STATUS_LABELS } from './domain-labels.js';

/** Several statuses at once ("open or planned") is the common question, so this is a checkbox group. */
export function StatusFilter() {
  const { selected, setStatusFilter } = useApp(
    useShallow((s) => ({ selected: s.filters.status, setStatusFilter: s.setStatusFilter })),
  );
  const toggle = (status: Status, on: boolean) => {
    // Keep the canonical order so the query (and the cache key of any later page) does not depend on click order.
    setStatusFilter(STATUSES.filter((s) => (s === status ? on : selected.includes(s))));
  };
  return (
    <fieldset className="status-filter">
      <legend>Status</legend>
      <div className="chips">
        {STATUSES.map((status) => {
          const id = `filter-status-${status}`;
          return (
            <span key={status} className="chip">
              <input
                id={id}
                type="checkbox"
                checked={selected.includes(status)}
                onChange={(e) => {
                  toggle(status, e.target.checked);
                }}
              />
              <label htmlFor={id}>{STATUS_LABELS[status]}</label>
            </span>
          );
        })}
      </div>
    </fieldset>
  );
}
