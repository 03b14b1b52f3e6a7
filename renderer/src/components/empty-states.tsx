import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/use-app.js';
import { formatCount } from './display-format.js';

export function EmptyPortfolio() {
  const { openNewItem, loadSample, loadingSample } = useApp(
    useShallow((s) => ({ openNewItem: s.openNewItem, loadSample: s.loadSample, loadingSample: s.loadingSample })),
  );
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">No technical debt recorded yet</h2>
      <p>
        Write down the shortcuts, workarounds and ageing parts your team lives with. Score each by risk and cost, then
        decide together what to pay down next.
      </p>
      <p className="muted">Not ready to type? Load a sample portfolio of a web shop and look around first.</p>
      <div className="empty-actions">
        <button type="button" className="button button-primary" onClick={openNewItem}>
          Add your first debt item
        </button>
        <button
          type="button"
          className="button"
          disabled={loadingSample}
          onClick={() => {
            void loadSample();
          }}
        >
          Load sample portfolio
        </button>
      </div>
      <p className="empty-progress" role="status">
        {loadingSample ? 'Loading the sample portfolio…' : ''}
      </p>
    </section>
  );
}

export function NoMatches() {
  const { clearFilters, itemCount } = useApp(
    useShallow((s) => ({ clearFilters: s.clearFilters, itemCount: s.portfolio?.itemCount ?? 0 })),
  );
  return (
    <section className="empty-state empty-state-compact" aria-labelledby="no-matches-title">
      <h2 id="no-matches-title">No debt items match these filters</h2>
      <p>
        {itemCount > 0
          ? `The portfolio holds ${formatCount(itemCount)} items; try other filters or clear them to see all.`
          : 'Try other filters, or clear them to see every item.'}
      </p>
      <div className="empty-actions">
        <button type="button" className="button button-primary" onClick={clearFilters}>
          Clear filters
        </button>
      </div>
    </section>
  );
}
