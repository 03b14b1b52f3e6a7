import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ForecastAnswer, StoredSprint } from '../../../shared/api/planning-contract.js';
import { memoLast } from '../matrix/memo-last.js';
import { CHART_SIZE, fanGeometry, fanPoints } from '../planning/chart-paths.js';
import { useApp } from '../store/use-app.js';
import { ChartAxes } from './chart-axes.js';
import { formatAmount } from './display-format.js';

const geometryOnce = memoLast((sprints: readonly StoredSprint[], forecast: ForecastAnswer) => fanGeometry(fanPoints(sprints, forecast)));

const rate = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(0)}%`);

/** The fan chart of debt capacity for the next sprints, from the closed sprints' history when there is enough. */
export function ForecastView() {
  const { items, scoring, planning, forecast, backtest, loadPlanning, loadForecast } = useApp(
    useShallow((s) => ({
      items: s.items,
      scoring: s.scoring,
      planning: s.planning,
      forecast: s.forecast,
      backtest: s.backtest,
      loadPlanning: s.loadPlanning,
      loadForecast: s.loadForecast,
    })),
  );
  useEffect(() => {
    void loadPlanning();
    void loadForecast();
  }, [items, scoring, loadPlanning, loadForecast]);

  if (forecast === null || planning === null) {
    return (
      <p className="loading" role="status">
        Loading the forecast…
      </p>
    );
  }
  const g = geometryOnce(planning.sprints, forecast);
  const { width, height } = CHART_SIZE;
  return (
    <section className="forecast-view" aria-label="Forecast">
      <p className={forecast.basis === 'history' ? 'forecast-basis' : 'forecast-basis planning-warning planning-warning-strong'} data-testid="forecast-basis">
        {forecast.message}
      </p>
      <p className="forecast-meta">
        Seed {String(forecast.seed)} · {String(forecast.closedSprints)} closed sprint{forecast.closedSprints === 1 ? '' : 's'} ·{' '}
        {forecast.trials === 0 ? 'no trials (entered capacity)' : `${String(forecast.trials)} trials`}
      </p>
      {forecast.sprints.length === 0 ? (
        <p className="sprint-card-empty">No sprints to forecast. Add sprints in the Plan view.</p>
      ) : (
        <svg className="fan-chart" viewBox={`0 0 ${String(width)} ${String(height)}`} role="img" aria-label="Fan chart of debt capacity: p50 and p85 per sprint">
          <ChartAxes xTicks={g.xTicks} yTicks={g.yTicks} />
          <path className="fan-band" d={g.band} data-testid="fan-band" />
          <path className="fan-p85" d={g.p85} />
          <path className="fan-p50" d={g.p50} />
          <path className="fan-history" d={g.history} />
          {g.dots.map((d) => (
            <circle key={d.name} className="fan-dot" cx={d.x} cy={d.y} r={4} />
          ))}
        </svg>
      )}
      <p className="chart-legend">
        <span className="legend-swatch fan-p50-swatch" aria-hidden="true" /> p50 (as likely as not){' '}
        <span className="legend-swatch fan-p85-swatch" aria-hidden="true" /> p85 (85% sure of at least this){' '}
        <span className="legend-swatch fan-history-swatch" aria-hidden="true" /> actual debt spend
      </p>
      <table className="planning-table" aria-label="Forecast debt capacity">
        <thead>
          <tr>
            <th scope="col">Sprint</th>
            <th scope="col">Debt capacity p50</th>
            <th scope="col">Debt capacity p85</th>
            <th scope="col">Cumulative p50</th>
            <th scope="col">Cumulative p85</th>
          </tr>
        </thead>
        <tbody>
          {forecast.sprints.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                {s.name}
                {forecast.projected.includes(s.id) ? ' (projected)' : ''}
              </th>
              <td>{formatAmount(s.debtCapacity.p50)}</td>
              <td>{formatAmount(s.debtCapacity.p85)}</td>
              <td>{formatAmount(s.cumulativeDebt.p50)}</td>
              <td>{formatAmount(s.cumulativeDebt.p85)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="planning-panel" aria-label="Backtest">
        <h2>Backtest</h2>
        {backtest === null || backtest.forecasts === 0 ? (
          <p className="sprint-card-empty">A backtest needs at least 4 closed sprints: each is forecast from the ones before it.</p>
        ) : (
          <p data-testid="backtest-rates">
            Over {String(backtest.forecasts)} past sprints, actual debt spend reached p50 in {rate(backtest.p50HitRate)} (honest: about 50%) and p85 in{' '}
            {rate(backtest.p85HitRate)} (honest: about 85%).
          </p>
        )}
      </section>
    </section>
  );
}
