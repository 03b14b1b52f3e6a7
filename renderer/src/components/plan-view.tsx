import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { StoredSprint } from '../../../shared/api/planning-contract.js';
import { byCalendar } from '../../../shared/planning/sprint.js';
import { memoLast } from '../matrix/memo-last.js';
import type { PlanningData } from '../store/planning-slice.js';
import { useApp } from '../store/use-app.js';
import { AddSprintsForm } from './add-sprints-form.js';
import { CloseSprintDialog } from './close-sprint-dialog.js';
import { formatAmount } from './display-format.js';
import { ErosionTable } from './erosion-table.js';
import { SprintCard } from './sprint-card.js';

/** Lookups the cards need, rebuilt only when the planning data changes. */
const indexPlan = memoLast((data: PlanningData) => ({
  sprints: [...data.sprints].sort(byCalendar),
  planned: new Map(data.plan.sprints.map((s) => [s.id, s])),
  late: new Map(data.plan.lateItems.map((l) => [l.id, l])),
}));

function UnplannedList({ data, open }: { data: PlanningData; open: readonly StoredSprint[] }) {
  const pinItem = useApp((s) => s.pinItem);
  const { unplanned } = data.plan;
  if (unplanned.length === 0) return null;
  return (
    <section className="planning-panel" aria-label="Unplanned items">
      <h2>Unplanned</h2>
      <ul className="sprint-items">
        {unplanned.map((u) => {
          const title = data.titles.get(u.id) ?? u.id;
          return (
            <li key={u.id} className="sprint-item">
              <span className="sprint-item-title">{title}</span>
              <span className="sprint-item-amount">{formatAmount(u.remaining)}</span>
              <span className="sprint-item-reason">{u.reason}</span>
              {open.length === 0 ? null : (
                <select
                  className="select select-small"
                  aria-label={`Pin “${title}” to sprint`}
                  value=""
                  onChange={(e) => {
                    if (e.target.value !== '') void pinItem(e.target.value, u.id);
                  }}
                >
                  <option value="">Pin to sprint…</option>
                  {open.map((s) => (
                    <option key={s.id} value={s.name}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
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
  const { sprints, planned, late } = indexPlan(planning);
  const open = sprints.filter((s) => s.actuals === undefined);
  const closingItems =
    closing === null
      ? []
      : (planned.get(closing.id)?.items ?? []).map((p) => ({ id: p.id, title: planning.titles.get(p.id) ?? p.id }));
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
            <SprintCard key={s.id} sprint={s} planned={planned.get(s.id)} late={late} titles={planning.titles} onClose={setClosing} />
          ))}
        </div>
      )}
      <UnplannedList data={planning} open={open} />
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
