import { useShallow } from 'zustand/react/shallow';
import { PAGE_SIZES } from '../store/filters-slice.js';
import { useApp } from '../store/use-app.js';
import { pageSummary } from './display-format.js';

export function Pager() {
  const { offset, limit, total, count, previousPage, nextPage, setPageSize } = useApp(
    useShallow((s) => ({
      offset: s.offset,
      limit: s.limit,
      total: s.total,
      count: s.items.length,
      previousPage: s.previousPage,
      nextPage: s.nextPage,
      setPageSize: s.setPageSize,
    })),
  );
  return (
    <nav className="pager" aria-label="Pages">
      <p className="pager-summary" aria-live="polite">
        {pageSummary(offset, count, total)}
      </p>
      <div className="pager-size">
        <label htmlFor="page-size">Rows per page</label>
        <select
          id="page-size"
          className="select select-compact"
          value={String(limit)}
          onChange={(e) => {
            setPageSize(Number(e.target.value));
          }}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={String(size)}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="pager-buttons">
        <button type="button" className="button" disabled={offset === 0} onClick={previousPage}>
          Previous
        </button>
        <button type="button" className="button" disabled={offset + limit >= total} onClick={nextPage}>
          Next
        </button>
      </div>
    </nav>
  );
}
