import { useState, type DragEvent } from 'react';
import type { PlanAnswer, StoredSprint } from '../../../shared/api/planning-contract.js';
import type { FieldIssue } from '../../../shared/api/result.js';
import type { LateItem } from '../../../shared/planning/sprint-plan.js';
import { endDate, reserveBandWarning, reserveCapacity } from '../../../shared/planning/sprint.js';
import { issueFor, parseAmount } from '../planning/form-numbers.js';
import { carriesItem, droppedItem, startItemDrag } from '../planning/item-drag.js';
import { reserveBar } from '../planning/reserve-bar.js';
import { useApp } from '../store/use-app.js';
import { formatAmount, formatDay } from './display-format.js';
import { NumberField, TextAreaField } from './form-fields.js';
import { PlanItemControls } from './plan-item-controls.js';

type PlannedSprint = PlanAnswer['sprints'][number];

interface SprintCardProps {
  sprint: StoredSprint;
  planned: PlannedSprint | undefined;
  late: ReadonlyMap<string, LateItem>;
  /** Item id → the open sprint it is pinned to. */
  pinnedTo: ReadonlyMap<string, string>;
  /** The open sprints' names in calendar order. */
  openSprints: readonly string[];
  onClose: (sprint: StoredSprint) => void;
}

function ReserveEditor({ sprint }: { sprint: StoredSprint }) {
  const updateReserve = useApp((s) => s.updateReserve);
  const [pct, setPct] = useState(String(sprint.reservePct));
  const [reason, setReason] = useState(sprint.reserveReason ?? '');
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const value = parseAmount(pct);
  const warning = value === undefined ? null : reserveBandWarning(value);
  const id = `reserve-${sprint.id}`;

  const save = async () => {
    if (value === undefined) {
      setIssues([{ path: 'reservePct', message: 'Enter the reserve as a number from 0 to 100.' }]);
      return;
    }
    setBusy(true);
    const outcome = await updateReserve(sprint.name, value, warning === null ? '' : reason);
    setBusy(false);
    setIssues(outcome.status === 'invalid' ? outcome.issues : []);
  };

  return (
    <div className="sprint-reserve-editor">
      <NumberField id={id} label="Debt reserve %" value={pct} min={0} max={100} error={issueFor(issues, 'reservePct')} onChange={setPct} />
      {warning === null ? null : (
        <>
          <p className="planning-warning" data-testid="reserve-warning">
            {warning}
          </p>
          <TextAreaField
            id={`${id}-reason`}
            label="Reason for this reserve"
            value={reason}
            rows={2}
            maxLength={500}
            required
            error={issueFor(issues, 'reserveReason')}
            onChange={setReason}
          />
        </>
      )}
      <button
        type="button"
        className="button button-small"
        disabled={busy || value === sprint.reservePct}
        onClick={() => {
          void save();
        }}
      >
        Save reserve
      </button>
    </div>
  );
}

/**
 * One sprint: dates, reserve bar, planned items with the planner's reasons; open sprints can be edited and closed,
 * and an item dropped on one is pinned to it.
 */
export function SprintCard({ sprint, planned, late, pinnedTo, openSprints, onClose }: SprintCardProps) {
  const pinItem = useApp((s) => s.pinItem);
  const [dropping, setDropping] = useState(false);
  const { actuals } = sprint;
  const closed = actuals !== undefined;
  const reserve = planned?.reserve ?? reserveCapacity(sprint);
  const allocated = planned?.allocated ?? 0;
  const spent = actuals?.debtSpent ?? null;
  const bar = reserveBar(reserve, closed ? 0 : allocated, spent);
  const className = ['sprint-card', closed ? 'sprint-card-closed' : null, dropping ? 'sprint-card-drop' : null].filter(Boolean).join(' ');
  const dropTarget = closed
    ? {}
    : {
        onDragOver: (e: DragEvent<HTMLElement>) => {
          if (!carriesItem(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          setDropping(true);
        },
        onDragLeave: (e: DragEvent<HTMLElement>) => {
          // Leaving for a child of the card is still over the card.
          if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setDropping(false);
        },
        onDrop: (e: DragEvent<HTMLElement>) => {
          setDropping(false);
          const itemId = droppedItem(e);
          if (itemId === null) return;
          e.preventDefault();
          // Pinning again where it is already pinned would only drop the pin's note.
          if (pinnedTo.get(itemId) !== sprint.name) void pinItem(sprint.name, itemId);
        },
      };
  return (
    <section className={className} aria-label={`Sprint ${sprint.name}`} data-testid={`sprint-${sprint.name}`} {...dropTarget}>
      <header className="sprint-card-header">
        <h3>{sprint.name}</h3>
        <span className="sprint-card-dates">
          {formatDay(sprint.startDate)} – {formatDay(endDate(sprint))}
        </span>
        {closed ? <span className="sprint-badge">Closed</span> : null}
      </header>
      <p className="sprint-card-meta">
        Capacity {formatAmount(sprint.capacity)} at {String(sprint.availabilityPct)}% · reserve {String(sprint.reservePct)}% ={' '}
        {formatAmount(reserve)}
        {sprint.reserveReason === undefined ? null : <span className="sprint-reason"> ({sprint.reserveReason})</span>}
      </p>
      <div
        className="reserve-bar"
        role="img"
        aria-label={
          closed
            ? `Reserve ${formatAmount(reserve)}, spent on debt ${formatAmount(spent ?? 0)}`
            : `Reserve ${formatAmount(reserve)}, allocated ${formatAmount(allocated)}`
        }
      >
        {closed ? (
          <span className="reserve-bar-spent" style={{ width: `${String(bar.spentPct ?? 0)}%` }} />
        ) : (
          <span className={bar.over ? 'reserve-bar-allocated reserve-bar-over' : 'reserve-bar-allocated'} style={{ width: `${String(bar.allocatedPct)}%` }} />
        )}
        <span className="reserve-bar-marker" style={{ left: `${String(bar.reservePct)}%` }} />
      </div>
      {actuals !== undefined ? (
        <p className="sprint-card-meta" data-testid="sprint-actuals">
          Completed {formatAmount(actuals.completed)}, of which debt {formatAmount(actuals.debtSpent)}
        </p>
      ) : (
        <>
          {planned === undefined || planned.items.length === 0 ? (
            <p className="sprint-card-empty">Nothing planned.</p>
          ) : (
            <ul className="sprint-items" aria-label={`Items planned in ${sprint.name}`}>
              {planned.items.map((part) => {
                const lateItem = part.finishes ? late.get(part.id) : undefined;
                // A continuation is moved, pinned or excluded through the item's first part.
                const first = !part.continuation;
                return (
                  <li
                    key={part.id}
                    className={first ? 'sprint-item sprint-item-draggable' : 'sprint-item'}
                    draggable={first}
                    onDragStart={
                      first
                        ? (e) => {
                            startItemDrag(e, part.id);
                          }
                        : undefined
                    }
                  >
                    <span className="sprint-item-title">
                      {part.title}
                      {part.pinned && first ? <span className="sprint-badge sprint-badge-pinned">Pinned</span> : null}
                    </span>
                    <span className="sprint-item-amount">{formatAmount(part.amount)}</span>
                    <span className="sprint-item-reason">{part.reason}</span>
                    {lateItem === undefined ? null : (
                      <span className="sprint-late" title={`Due ${formatDay(lateItem.dueDate)}`}>
                        Late: due {formatDay(lateItem.dueDate)}
                      </span>
                    )}
                    {first ? (
                      <PlanItemControls itemId={part.id} title={part.title} pinnedTo={pinnedTo.get(part.id)} excluded={false} openSprints={openSprints} />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          )}
          <ReserveEditor key={`${sprint.id}-${String(sprint.reservePct)}`} sprint={sprint} />
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              onClose(sprint);
            }}
          >
            Close sprint
          </button>
        </>
      )}
    </section>
  );
}
