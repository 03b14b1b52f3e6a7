import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FieldIssue } from '../../../shared/api/result.js';
import type { Scenario, ScenarioComparison } from '../../../shared/planning/scenarios.js';
import { memoLast } from '../matrix/memo-last.js';
import { colourAt } from '../matrix/palette.js';
import { CHART_SIZE, seriesGeometry } from '../planning/chart-paths.js';
import { issueFor, parseAmount } from '../planning/form-numbers.js';
import { DEFAULT_CUSTOM_RESERVE } from '../store/planning-slice.js';
import { useApp } from '../store/use-app.js';
import { ChartAxes } from './chart-axes.js';
import { formatAmount } from './display-format.js';
import { NumberField, TextAreaField } from './form-fields.js';

type Measure = 'remainingInterest' | 'cumulativePrincipal';
const MEASURE_LABELS: Record<Measure, string> = {
  remainingInterest: 'Interest still owed per sprint',
  cumulativePrincipal: 'Principal paid down (cumulative)',
};

const linesOnce = memoLast((comparison: ScenarioComparison, measure: Measure) => {
  const names = comparison.scenarios[0]?.sprints.map((s) => s.name) ?? [];
  return seriesGeometry(
    names,
    comparison.scenarios.map((sc) => ({ label: sc.label, values: sc.sprints.map((s) => s[measure]) })),
  );
});

const last = (sc: Scenario) => sc.sprints.at(-1);

/** 10, 15, 20% and a custom reserve over the open sprints; "Apply" sets that reserve on every open sprint at once. */
export function ScenariosView() {
  const { items, scoring, scenarios, loadScenarios, loadPlanning, applyScenario } = useApp(
    useShallow((s) => ({
      items: s.items,
      scoring: s.scoring,
      scenarios: s.scenarios,
      loadScenarios: s.loadScenarios,
      loadPlanning: s.loadPlanning,
      applyScenario: s.applyScenario,
    })),
  );
  const [custom, setCustom] = useState(String(DEFAULT_CUSTOM_RESERVE));
  const [reason, setReason] = useState('');
  const [measure, setMeasure] = useState<Measure>('remainingInterest');
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const customPct = parseAmount(custom);

  useEffect(() => {
    void loadPlanning();
    // Keeps the custom value last compared; a new one is compared on "Compare", not on every keystroke.
    void loadScenarios();
  }, [items, scoring, loadPlanning, loadScenarios]);

  if (scenarios === null) {
    return (
      <p className="loading" role="status">
        Comparing reserve scenarios…
      </p>
    );
  }
  const chart = linesOnce(scenarios, measure);
  const { width, height } = CHART_SIZE;
  const apply = async (sc: Scenario) => {
    const outcome = await applyScenario(sc.reservePct, sc.warning === null ? '' : reason);
    setIssues(outcome.status === 'invalid' ? [...outcome.issues, { path: 'apply', message: outcome.message }] : []);
  };
  return (
    <section className="scenarios-view" aria-label="Reserve scenarios">
      <div className="matrix-controls">
        <NumberField id="scenario-custom" label="Custom reserve %" value={custom} min={0} max={100} error={undefined} onChange={setCustom} />
        <button
          type="button"
          className="button button-small"
          disabled={customPct === undefined || customPct < 0 || customPct > 100}
          onClick={() => {
            void loadScenarios(customPct);
          }}
        >
          Compare
        </button>
        <div className="field field-filter">
          <label htmlFor="scenario-measure">Chart</label>
          <select
            id="scenario-measure"
            className="select"
            value={measure}
            onChange={(e) => {
              setMeasure(e.target.value === 'cumulativePrincipal' ? 'cumulativePrincipal' : 'remainingInterest');
            }}
          >
            <option value="remainingInterest">{MEASURE_LABELS.remainingInterest}</option>
            <option value="cumulativePrincipal">{MEASURE_LABELS.cumulativePrincipal}</option>
          </select>
        </div>
      </div>
      {scenarios.horizon === 0 ? (
        <p className="sprint-card-empty">No open sprints to compare over. Add sprints in the Plan view.</p>
      ) : (
        <svg className="fan-chart" viewBox={`0 0 ${String(width)} ${String(height)}`} role="img" aria-label={`${MEASURE_LABELS[measure]} by scenario`}>
          <ChartAxes xTicks={chart.xTicks} yTicks={chart.yTicks} />
          {chart.lines.map((l, i) => (
            <path key={l.label} className="scenario-line" d={l.d} stroke={colourAt(i)} />
          ))}
        </svg>
      )}
      <ul className="chart-legend" aria-label="Scenario colours">
        {scenarios.scenarios.map((sc, i) => (
          <li key={sc.label}>
            <span className="legend-swatch" style={{ background: colourAt(i) }} aria-hidden="true" /> {sc.label}
          </li>
        ))}
      </ul>
      <table className="planning-table" aria-label="Scenario comparison">
        <thead>
          <tr>
            <th scope="col">Reserve</th>
            <th scope="col">Principal paid</th>
            <th scope="col">Interest still owed</th>
            <th scope="col">Risk removed</th>
            <th scope="col">Feature capacity given up</th>
            <th scope="col">Unplanned items</th>
            <th scope="col">
              <span className="visually-hidden">Apply</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {scenarios.scenarios.map((sc) => {
            const end = last(sc);
            return (
              <tr key={sc.label} data-testid="scenario-row">
                <th scope="row">
                  {sc.label}
                  {sc.warning === null ? null : <span className="sprint-late"> outside 10–20%</span>}
                </th>
                <td>{formatAmount(end?.cumulativePrincipal ?? 0)}</td>
                <td>{formatAmount(end?.remainingInterest ?? scenarios.startingInterest)}</td>
                <td>{formatAmount(end?.cumulativeRiskRemoved ?? 0)}</td>
                <td>{formatAmount(end?.cumulativeFeatureCapacityGivenUp ?? 0)}</td>
                <td>{String(sc.unplannedItems)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={`Apply ${sc.label} to the open sprints`}
                    onClick={() => {
                      void apply(sc);
                    }}
                  >
                    Apply
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="field-hint">“Apply” sets the reserve of every open sprint in one step, all or none (closed sprints keep theirs). Outside 10–20% it needs a reason:</p>
      <TextAreaField
        id="scenario-reason"
        label="Reason for a reserve outside 10–20%"
        value={reason}
        rows={2}
        maxLength={500}
        error={issueFor(issues, 'reserveReason') ?? issueFor(issues, 'apply')}
        onChange={setReason}
      />
    </section>
  );
}
