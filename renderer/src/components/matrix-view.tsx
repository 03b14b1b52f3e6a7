import { useDeferredValue, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { AXIS_OPTION_LABELS, X_AXES, Y_AXES, type XAxisKey, type YAxisKey } from '../matrix/axes.js';
import { memoLast } from '../matrix/memo-last.js';
import { formatSig } from '../matrix/number-format.js';
import { COLOUR_KEYS, colourAt, type ColourBy } from '../matrix/palette.js';
import { QUADRANT_HINTS, QUADRANT_NAMES } from '../matrix/quadrants.js';
import { idsAt, indexesOf, type SelectionTool } from '../matrix/selection.js';
import { quadrantTotalsOnce } from '../matrix/view-derived.js';
import type { IdLookup } from '../../../shared/api/matrix-data.js';
import { EFFORT_UNKNOWN_TAG } from '../../../shared/domain/effort-estimate.js';
import { DEFAULT_THRESHOLDS } from '../../../shared/scoring/weights.js';
import { useApp } from '../store/use-app.js';
import { KIND_LABELS, oneOf, STATUS_LABELS } from './domain-labels.js';
import { formatCount } from './display-format.js';
import { MatrixBulkBar } from './matrix-bulk-bar.js';
import { MatrixItemPanel } from './matrix-item-panel.js';
import { MatrixPlot } from './matrix-plot.js';
import { WeightsControl } from './weights-control.js';

const indexOnce = memoLast((idIndex: IdLookup, id: string | null): number | null => (id === null ? null : (idIndex.get(id) ?? null)));
const pickedOnce = memoLast(indexesOf);
const COLOUR_BY = ['kind', 'status'] as const;

function Choice<T extends string>(props: { id: string; label: string; value: T; options: readonly T[]; labelOf: (v: T) => string; onChange: (v: T) => void }) {
  return (
    <div className="field field-filter">
      <label htmlFor={props.id}>{props.label}</label>
      <select
        id={props.id}
        className="select"
        value={props.value}
        onChange={(e) => {
          const v = oneOf(props.options, e.target.value);
          if (v !== undefined) props.onChange(v);
        }}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

function ThresholdField(props: { id: string; label: string; value: number; min: number; max: number; step: number; onChange: (v: number) => void }) {
  return (
    <div className="field field-weight">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        className="input"
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        onChange={(e) => {
          const v = e.target.valueAsNumber;
          if (Number.isFinite(v) && v >= props.min && v <= props.max) props.onChange(v);
        }}
      />
    </div>
  );
}

/** The priority matrix: risk against ROI (or another pair), with quadrant totals and the selected item's explanation. */
export function MatrixView() {
  const { items, matrix, scores, selectedId, loadMatrix, selectItem, showNotice, bulkSelection, setBulkSelection, clearBulkSelection, setTagFilter, setView, scoring, matrixLoading, setThresholds, choices, setChoices } = useApp(
    useShallow((s) => ({
      items: s.items,
      matrix: s.matrix,
      scores: s.scores,
      selectedId: s.selectedId,
      loadMatrix: s.loadMatrix,
      selectItem: s.selectItem,
      showNotice: s.showNotice,
      bulkSelection: s.bulkSelection,
      setBulkSelection: s.setBulkSelection,
      clearBulkSelection: s.clearBulkSelection,
      setTagFilter: s.setTagFilter,
      setView: s.setView,
      scoring: s.scoring,
      matrixLoading: s.matrixLoading,
      setThresholds: s.setThresholds,
      choices: s.matrixChoices,
      setChoices: s.setMatrixChoices,
    })),
  );
  const [tool, setTool] = useState<SelectionTool>('pan');
  const { x: xKey, y: yKey, colourBy } = choices;
  const thresholds = scoring?.thresholds ?? DEFAULT_THRESHOLDS;

  // The table's page reloads whenever filters or items change; the matrix follows it, so both show the same items.
  useEffect(() => {
    void loadMatrix();
  }, [items, loadMatrix]);

  // Laying out 100k points takes tens of ms; deferring the plot's data lets React commit the quadrant
  // totals first and lay out the plot in a later task, so one rescore never blocks as one long task.
  const scored = useMemo(() => (matrix === null || scores === null ? null : { columns: matrix.columns, idIndex: matrix.idIndex, scores }), [matrix, scores]);
  const deferred = useDeferredValue(scored);
  if (matrix === null || scores === null || scores.count !== matrix.columns.id.length) {
    return (
      <p className="loading" role="status">
        Loading the priority matrix…
      </p>
    );
  }
  const { quadrants, notEstimated: unestimated } = quadrantTotalsOnce(matrix.columns, scores, thresholds);
  const plotted = deferred ?? { columns: matrix.columns, idIndex: matrix.idIndex, scores };
  const selected = indexOnce(plotted.idIndex, selectedId);
  const picked = pickedOnce(plotted.idIndex, bulkSelection);
  // Escape anywhere in the view clears a bulk selection (dialogs keep their own Escape, which closes them).
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && bulkSelection.size > 0) clearBulkSelection();
  };
  const legendKeys = COLOUR_KEYS[colourBy];
  const legendLabel = (k: string) => (colourBy === 'kind' ? (KIND_LABELS as Record<string, string>)[k] : (STATUS_LABELS as Record<string, string>)[k]) ?? k;
  return (
    <section className="matrix-view" aria-label="Priority matrix" onKeyDown={onKeyDown}>
      <div className="matrix-controls">
        <Choice id="matrix-x" label="X axis" value={xKey} options={X_AXES} labelOf={(k) => AXIS_OPTION_LABELS[k]} onChange={(x: XAxisKey) => { setChoices({ x }); }} />
        <Choice id="matrix-y" label="Y axis" value={yKey} options={Y_AXES} labelOf={(k) => AXIS_OPTION_LABELS[k]} onChange={(y: YAxisKey) => { setChoices({ y }); }} />
        <Choice id="matrix-colour" label="Colour by" value={colourBy} options={COLOUR_BY} labelOf={(k) => (k === 'kind' ? 'Kind' : 'Status')} onChange={(c: ColourBy) => { setChoices({ colourBy: c }); }} />
        <ThresholdField id="threshold-risk" label="High risk from" value={thresholds.risk} min={1} max={25} step={1} onChange={(risk) => { setThresholds({ ...thresholds, risk }); }} />
        <ThresholdField id="threshold-roi" label="High ROI from" value={thresholds.roi} min={0.01} max={1000} step={0.1} onChange={(roi) => { setThresholds({ ...thresholds, roi }); }} />
      </div>
      <WeightsControl />
      <ul className="matrix-quadrants" aria-label="Quadrants">
        {quadrants.map((q) => (
          <li key={q.quadrant} className="matrix-quadrant" data-quadrant={q.quadrant}>
            <span className="matrix-quadrant-name">{QUADRANT_NAMES[q.quadrant]}</span>
            <span className="matrix-quadrant-hint">{QUADRANT_HINTS[q.quadrant]}</span>
            <span className="matrix-quadrant-count" data-testid={`count-${q.quadrant}`}>
              {formatCount(q.count)}
            </span>
            <span className="matrix-quadrant-totals">
              effort {formatSig(q.effort)} · interest {formatSig(q.interest)}/sprint
            </span>
          </li>
        ))}
        {unestimated.count > 0 ? (
          <li className="matrix-quadrant matrix-not-estimated" data-quadrant="notEstimated">
            <span className="matrix-quadrant-name">Not estimated</span>
            <span className="matrix-quadrant-hint">effort unknown, so not plotted</span>
            <span className="matrix-quadrant-count" data-testid="count-notEstimated">
              {formatCount(unestimated.count)}
            </span>
            <span className="matrix-quadrant-totals">interest {formatSig(unestimated.interest)}/sprint</span>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => {
                setTagFilter(EFFORT_UNKNOWN_TAG);
                setView('table');
              }}
            >
              Estimate them in the table
            </button>
          </li>
        ) : null}
      </ul>
      <p className="matrix-count" data-testid="matrix-count">
        {formatCount(matrix.columns.id.length)} items in the matrix
      </p>
      {/* The picture stays while a changed portfolio is read again (a second or so for 100k items): say it is about to change. */}
      <p className="matrix-updating" role="status">
        {matrixLoading ? 'Updating to the portfolio’s latest changes…' : ''}
      </p>
      <div className="matrix-body">
        <div className="matrix-main">
          <MatrixBulkBar tool={tool} onToolChange={setTool} />
          <MatrixPlot
            columns={plotted.columns}
            scores={plotted.scores}
            xKey={xKey}
            yKey={yKey}
            thresholds={thresholds}
            colourBy={colourBy}
            maxInterest={matrix.maxInterest}
            selected={selected}
            tool={tool}
            picked={picked}
            onPick={(indexes) => {
              // The box just picked these indexes: the memo is told them rather than looking 12k ids up again.
              pickedOnce.seed([plotted.idIndex, setBulkSelection(idsAt(plotted.columns.id, indexes))], indexes);
            }}
            onSelect={(i) => {
              void selectItem(i === null ? null : (plotted.columns.id[i] ?? null));
            }}
            onError={(message) => {
              showNotice('error', message);
            }}
          />
          <ul className="matrix-legend" aria-label={`Colour: ${colourBy}`}>
            {legendKeys.map((k, i) => (
              <li key={k}>
                <span className="matrix-swatch" style={{ background: colourAt(i) }} aria-hidden="true" />
                {legendLabel(k)}
              </li>
            ))}
            <li className="matrix-legend-note">Point size: interest per sprint</li>
          </ul>
          <div id="matrix-summary" className="visually-hidden">
            {quadrants.map((q) => (
              <p key={q.quadrant}>
                {QUADRANT_NAMES[q.quadrant]} ({QUADRANT_HINTS[q.quadrant]}): {q.count} items, total expected effort {formatSig(q.effort)}, total
                interest {formatSig(q.interest)} per sprint.
                {q.top.length > 0 ? ` Top: ${q.top.map((i) => matrix.columns.title[i] ?? '').join('; ')}.` : ''}
              </p>
            ))}
            {unestimated.count > 0 ? (
              <p>
                Not estimated (effort unknown, not plotted): {unestimated.count} items, interest {formatSig(unestimated.interest)} per sprint.
              </p>
            ) : null}
          </div>
        </div>
        <MatrixItemPanel />
      </div>
    </section>
  );
}
