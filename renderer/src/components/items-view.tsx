import { useShallow } from 'zustand/react/shallow';
import { hasActiveFilters } from '../store/list-query.js';
import { useApp } from '../store/use-app.js';
import { EmptyPortfolio, NoMatches } from './empty-states.js';
import { FilterBar } from './filter-bar.js';
import { ForecastView } from './forecast-view.js';
import { ItemsTable } from './items-table.js';
import { MatrixView } from './matrix-view.js';
import { Pager } from './pager.js';
import { PlanView } from './plan-view.js';
import { ScenariosView } from './scenarios-view.js';
import { ViewSwitch } from './view-switch.js';

/** The main area: the first-run empty state, or filters over the table (or "no matches"). */
export function ItemsView() {
  const { loaded, loadFailed, total, filtered, loadItems, view } = useApp(
    useShallow((s) => ({
      view: s.view,
      loaded: s.loaded,
      loadFailed: s.loadFailed,
      total: s.total,
      filtered: hasActiveFilters(s.filters),
      loadItems: s.loadItems,
    })),
  );
  if (!loaded && loadFailed) {
    return (
      <section className="empty-state empty-state-compact" aria-labelledby="load-failed-title">
        <h2 id="load-failed-title">The debt items could not be loaded</h2>
        <p>The message at the bottom of the window says why. Fix the cause, then try again.</p>
        <div className="empty-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              void loadItems();
            }}
          >
            Try again
          </button>
        </div>
      </section>
    );
  }
  if (!loaded) {
    return (
      <p className="loading" role="status">
        Loading debt items…
      </p>
    );
  }
  if (total === 0 && !filtered) return <EmptyPortfolio />;
  // The planning views cover the whole portfolio, so the table's filters do not apply to them.
  if (view === 'plan' || view === 'forecast' || view === 'scenarios') {
    return (
      <>
        <ViewSwitch />
        {view === 'plan' ? <PlanView /> : view === 'forecast' ? <ForecastView /> : <ScenariosView />}
      </>
    );
  }
  return (
    <>
      <ViewSwitch />
      <FilterBar />
      {total === 0 ? (
        <NoMatches />
      ) : view === 'matrix' ? (
        <MatrixView />
      ) : (
        <>
          <ItemsTable />
          <Pager />
        </>
      )}
    </>
  );
}
