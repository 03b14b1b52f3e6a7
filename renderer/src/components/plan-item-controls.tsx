import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store/use-app.js';
import { TextField } from './form-fields.js';

interface PlanItemControlsProps {
  itemId: string;
  title: string;
  /** The open sprint the item is pinned to, if any. */
  pinnedTo: string | undefined;
  excluded: boolean;
  /** The open sprints' names, in calendar order: where the item can be pinned. */
  openSprints: readonly string[];
}

/** Exclusion asks for its optional note in place, so one click cannot drop an item from the plan unseen. */
function ExcludeControl({ itemId, title }: { itemId: string; title: string }) {
  const excludeItem = useApp((s) => s.excludeItem);
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const id = useId();
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-small"
        aria-label={`Exclude from plan: “${title}”`}
        onClick={() => {
          setAsking(true);
        }}
      >
        Exclude from plan
      </button>
    );
  }
  return (
    <div className="plan-item-exclude">
      <TextField id={`${id}-note`} label={`Why leave out “${title}”? (optional)`} value={note} maxLength={200} error={undefined} onChange={setNote} />
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setAsking(false);
          void excludeItem(itemId, note);
        }}
      >
        Exclude
      </button>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          setAsking(false);
        }}
      >
        Cancel
      </button>
    </div>
  );
}

/**
 * The keyboard way to do what dragging does, plus unpin and exclude: every plan action on one item. A select
 * and a button, not a select that acts on change, since arrowing through a closed select changes its value.
 */
export function PlanItemControls({ itemId, title, pinnedTo, excluded, openSprints }: PlanItemControlsProps) {
  const { pinItem, unpinItem, includeItem } = useApp(
    useShallow((s) => ({ pinItem: s.pinItem, unpinItem: s.unpinItem, includeItem: s.includeItem })),
  );
  const [target, setTarget] = useState('');
  const id = useId();
  if (excluded) {
    return (
      <div className="plan-item-controls">
        <button
          type="button"
          className="button button-small"
          aria-label={`Include “${title}” in the plan`}
          onClick={() => {
            void includeItem(itemId);
          }}
        >
          Include
        </button>
      </div>
    );
  }
  const targets = openSprints.filter((name) => name !== pinnedTo);
  return (
    <div className="plan-item-controls">
      {targets.length === 0 ? null : (
        <>
          <label className="visually-hidden" htmlFor={`${id}-pin`}>
            {`Pin “${title}” to sprint`}
          </label>
          <select
            id={`${id}-pin`}
            className="select select-small"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
            }}
          >
            <option value="">{pinnedTo === undefined ? 'Pin to sprint…' : 'Move pin to…'}</option>
            {targets.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-small"
            aria-label={`Pin “${title}” to the chosen sprint`}
            disabled={target === ''}
            onClick={() => {
              setTarget('');
              void pinItem(target, itemId);
            }}
          >
            Pin
          </button>
        </>
      )}
      {pinnedTo === undefined ? null : (
        <button
          type="button"
          className="button button-small"
          aria-label={`Unpin “${title}” from ${pinnedTo}`}
          onClick={() => {
            void unpinItem(pinnedTo, itemId);
          }}
        >
          Unpin
        </button>
      )}
      <ExcludeControl itemId={itemId} title={title} />
    </div>
  );
}
