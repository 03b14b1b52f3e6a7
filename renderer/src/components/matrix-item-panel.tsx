import { useShallow } from 'zustand/react/shallow';
import { effortNotEstimated } from '../../../shared/domain/effort-estimate.js';
import { NOT_ESTIMATED_NOTE } from '../../../shared/scoring/explanation.js';
import { formatBounded, formatRange, formatSig } from '../matrix/number-format.js';
import { useApp } from '../store/use-app.js';
import { UNIT_LABELS } from './domain-labels.js';

/** The selected item's score, explained term by term, as `items.explain` computes it for the whole portfolio. */
export function MatrixItemPanel() {
  const { selectedId, explanation, unit, openEditItem, selectItem } = useApp(
    useShallow((s) => ({
      selectedId: s.selectedId,
      explanation: s.explanation,
      unit: s.matrix?.unit ?? 'points',
      openEditItem: s.openEditItem,
      selectItem: s.selectItem,
    })),
  );
  if (selectedId === null) return null;
  if (explanation?.item.id !== selectedId) {
    return (
      <aside className="matrix-panel" aria-label="Selected item">
        <p role="status">Loading the explanation…</p>
      </aside>
    );
  }
  const { item, scores: s, terms } = explanation;
  const unitLabel = UNIT_LABELS[unit].toLowerCase();
  return (
    <aside className="matrix-panel" aria-labelledby="matrix-panel-title">
      <div className="matrix-panel-head">
        <h2 id="matrix-panel-title">{item.title}</h2>
        <button type="button" className="button button-quiet button-small" onClick={() => { void selectItem(null); }} aria-label="Close the item panel">
          ×
        </button>
      </div>
      {effortNotEstimated(item) ? (
        <p className="matrix-panel-warning" role="note" data-testid="effort-not-estimated">
          {NOT_ESTIMATED_NOTE}
        </p>
      ) : null}
      <dl className="matrix-facts">
        <dt>Rank</dt>
        <dd data-testid="explain-rank">
          {explanation.rank} of {explanation.of}
        </dd>
        <dt>Risk</dt>
        <dd>
          {s.risk} ({s.riskBand}) = likelihood {item.likelihood} × impact {item.impact}
        </dd>
        <dt>Expected effort</dt>
        <dd>
          {formatSig(s.expectedEffort)} {unitLabel} (PERT of {item.effort.low}/{item.effort.likely}/{item.effort.high}, σ {formatSig(s.effortSpread)})
        </dd>
        <dt>ROI</dt>
        <dd>
          {formatBounded(s.roi, 'no effort')}
          {s.roiLow === s.roiHigh ? '' : ` (range ${formatRange(s.roiLow, s.roiHigh, 'no effort')})`} over {explanation.horizonSprints} sprints
        </dd>
        <dt>Breaking point</dt>
        <dd>{s.breakingPoint === null ? 'never (no interest)' : `${formatSig(s.breakingPoint)} sprints`}</dd>
        <dt>Priority</dt>
        <dd data-testid="explain-priority">
          {formatBounded(s.priority, 'unbounded (no effort)')} = cost of delay {formatSig(s.costOfDelay)} ÷ expected effort
        </dd>
      </dl>
      <table className="matrix-terms">
        <caption>Cost of delay, term by term</caption>
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col">Input</th>
            <th scope="col">Normalised</th>
            <th scope="col">Weight</th>
            <th scope="col">Contribution</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((t) => (
            <tr key={t.key}>
              <th scope="row">{t.label}</th>
              <td>{t.input}</td>
              <td>{formatSig(t.normalised)}</td>
              <td>{formatSig(t.weight)}</td>
              <td>{formatSig(t.contribution)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button" onClick={() => { openEditItem(item); }}>
        Edit
      </button>
    </aside>
  );
}
