import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SELECTION_TOOLS, type SelectionTool } from '../matrix/selection.js';
import { useApp } from '../store/use-app.js';
import { AcceptSelectionDialog } from './accept-selection-dialog.js';
import { oneOf, STATUS_LABELS } from './domain-labels.js';

const TOOL_LABELS: Readonly<Record<SelectionTool, string>> = { pan: 'Pan', box: 'Box select', lasso: 'Lasso' };
/** Statuses set straight from the bar; accepting needs a rationale and a review date, so it has a dialog. */
const SETTABLE = ['open', 'planned', 'in_progress', 'paid', 'wont_fix'] as const;

interface BulkBarProps {
  readonly tool: SelectionTool;
  readonly onToolChange: (tool: SelectionTool) => void;
}

/** What a drag on the plot does, how many items are selected, and what can be done to all of them at once. */
export function MatrixBulkBar({ tool, onToolChange }: BulkBarProps) {
  const { count, busy, bulkUpdate, clear, select, shownIds } = useApp(
    useShallow((s) => ({
      count: s.bulkSelection.size,
      busy: s.bulkBusy,
      bulkUpdate: s.bulkUpdate,
      clear: s.clearBulkSelection,
      select: s.setBulkSelection,
      shownIds: s.matrix?.columns.id,
    })),
  );
  const [status, setStatus] = useState<(typeof SETTABLE)[number]>('in_progress');
  const [accepting, setAccepting] = useState(false);
  return (
    <section className="matrix-bulk-bar" aria-label="Selection">
      <div className="view-switch" role="group" aria-label="Drag to">
        {SELECTION_TOOLS.map((t) => (
          <button
            key={t}
            type="button"
            className={t === tool ? 'button button-small view-switch-current' : 'button button-small'}
            aria-pressed={t === tool}
            onClick={() => {
              onToolChange(t);
            }}
          >
            {TOOL_LABELS[t]}
          </button>
        ))}
      </div>
      {/* Box and lasso need a pointer; with the filters narrowing the matrix, this reaches the same actions from the keyboard. */}
      <button
        type="button"
        className="button button-small"
        disabled={shownIds === undefined || shownIds.length === 0 || count === shownIds.length}
        onClick={() => {
          if (shownIds !== undefined) select(shownIds);
        }}
      >
        Select all
      </button>
      <p className="matrix-bulk-count" role="status" data-testid="bulk-count">
        {count === 0 ? 'Shift+drag, or choose Box select or Lasso, to select several items.' : `${count.toLocaleString('en')} selected`}
      </p>
      {count === 0 ? null : (
        <div className="matrix-bulk-actions">
          <label htmlFor="bulk-status">New status</label>
          <select
            id="bulk-status"
            className="select"
            value={status}
            onChange={(e) => {
              const next = oneOf(SETTABLE, e.target.value);
              if (next !== undefined) setStatus(next);
            }}
          >
            {SETTABLE.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => {
              void bulkUpdate({ status }, (n) => `Set ${n} to ${STATUS_LABELS[status]}.`);
            }}
          >
            Set status
          </button>
          <button
            type="button"
            className="button button-small button-primary"
            disabled={busy}
            onClick={() => {
              void bulkUpdate({ status: 'planned' }, (n) => `Planned ${n}.`);
            }}
          >
            Plan
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => {
              setAccepting(true);
            }}
          >
            Accept…
          </button>
          <button type="button" className="button button-small button-quiet" onClick={clear}>
            Clear selection
          </button>
        </div>
      )}
      {accepting && count > 0 ? (
        <AcceptSelectionDialog
          count={count}
          onDone={() => {
            setAccepting(false);
          }}
        />
      ) : null}
    </section>
  );
}
