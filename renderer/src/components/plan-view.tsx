import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StoredSprint } from '../../../shared/api/planning-contract.js';
import { byCalendar } from '../../../shared/planning/sprint.js';
import { memoLast } from '../matrix/memo-last.js';
import type { PlanningData } from '../store/planning-slice.js';
import { useApp } from '../store/use-app.js';
import { AddSprintsForm } from './add-sprints-form.js';
import { CloseSprintDialog } from './close-sprint-dialog.js';
import { startItemDrag } from '../planning/item-drag.js';
import { formatAmount } from './display-format.js';
import { ErosionTable } from './erosion-table.js';
import { PlanItemControls } from './plan-item-controls.js';
import { SprintCard } from './sprint-card.js';

/** Lookups the cards need, rebuilt only when the planning data changes. */
const indexPlan = memoLast((data: PlanningData) => {
  const sprints = [...data.sprints].sort(byCalendar);
  const open = sprints.filter((s) => s.actuals === undefined);
  const pinnedTo = new Map<string, string>();
  // The planner starts an item in its earliest open pin; closed sprints keep their pins as history only.
  for (const s of open) for (const pin of s.pins ?? []) if (!pinnedTo.has(pin.itemId)) pinnedTo.set(pin.itemId, s.name);
  return {
    sprints,
    openNames: open.map((s) => s.name),
    pinnedTo,
    excluded: new Set(data.plan.exclusions.map((e) => e.itemId)),
    planned: new Map(data.plan.sprints.map((s) => [s.id, s])),
    late: new Map(data.plan.lateItems.map((l) => [l.id, l])),
  };
});

type PlanIndex = ReturnType<typeof indexPlan>;

/** What the plan leaves out: items the reserve had no room for (draggable onto a sprint) and excluded ones. */
function UnplannedList({ data, index }: { data: PlanningData; index: PlanIndex }) {
  const { unplanned } = data.plan;
  if (unplanned.length === 0) return null;
  return (
    <section className="planning-panel" aria-label="Unplanned items">
      <h2>Unplanned</h2>
      <ul className="sprint-items">
        {unplanned.map((u) => {
          const excluded = index.excluded.has(u.id);
          return (
            <li
              key={u.id}
              className={excluded ? 'sprint-item sprint-item-excluded' : 'sprint-item sprint-item-draggable'}
              draggable={!excluded}
              onDragStart={
                excluded
                  ? undefined
                  : (e) => {
                      startItemDrag(e, u.id);
                    }
              }
            >
              <span className="sprint-item-title">
                {u.title}
                {excluded ? <span className="sprint-badge">Excluded</span> : null}
              </span>
              <span className="sprint-item-amount">{formatAmount(u.remaining)}</span>
              <span className="sprint-item-reason">{u.reason}</span>
              <PlanItemControls itemId={u.id} title={u.title} pinnedTo={index.pinnedTo.get(u.id)} excluded={excluded} openSprints={index.openNames} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Sprints in calendar order with their reserve and planned items, the add-sprints form and the erosion report. */
export function PlanView() {
  const { items, scoring, planning, loadPlanning } = useApp(
    useShallow((s) => ({ items: s.items, scoring: s.scoring, planning: s.planning, loadPlanning: s.loadPlanning })),
  );
  const [closing, setClosing] = useState<StoredSprint | null>(null);

  // The plan rests on the items and their scores: reload whenever either changes.
  useEffect(() => {
    void loadPlanning();
  }, [items, scoring, loadPlanning]);

  if (planning === null) {
    return (
      <p className="loading" role="status">
        Loading the sprint plan…
      </p>
    );
  }
  const index = indexPlan(planning);
  const { sprints, planned, late } = index;
  const closingItems = closing === null ? [] : (planned.get(closing.id)?.items ?? []).map((p) => ({ id: p.id, title: p.title }));
  return (
    <section className="plan-view" aria-label="Sprint plan">
      <AddSprintsForm hasSprints={sprints.length > 0} />
      {planning.plan.warnings.length === 0 || sprints.length === 0 ? null : (
        <ul className="planning-warnings" aria-label="Plan warnings">
          {planning.plan.warnings.map((w) => (
            <li key={w} className="planning-warning">
              {w}
            </li>
          ))}
        </ul>
      )}
      {sprints.length === 0 ? (
        <p className="sprint-card-empty">No sprints yet. Add a run of sprints above to plan the debt reserve.</p>
      ) : (
        <div className="sprint-columns">
          <h2 className="visually-hidden">Sprints</h2>
          {sprints.map((s) => (
            <SprintCard
              key={s.id}
              sprint={s}
              planned={planned.get(s.id)}
              late={late}
              pinnedTo={index.pinnedTo}
              openSprints={index.openNames}
              onClose={setClosing}
            />
          ))}
        </div>
      )}
      {index.openNames.length === 0 ? null : (
        <p className="field-hint">Drag an item onto a sprint to pin it there, or use its “Pin to sprint…” list.</p>
      )}
      <UnplannedList data={planning} index={index} />
      <section className="planning-panel" aria-label="Reserve erosion report">
        <h2>Reserve erosion</h2>
        <ErosionTable report={planning.erosion} />
      </section>
      {closing === null ? null : (
        <CloseSprintDialog
          sprint={closing}
          items={closingItems}
          onDone={() => {
            setClosing(null);
          }}
        />
      )}
    </section>
  );
}
