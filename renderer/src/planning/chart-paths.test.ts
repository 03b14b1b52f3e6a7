import { describe, expect, test } from 'vitest';
import type { ForecastAnswer, StoredSprint } from '../../../shared/api/planning-contract.js';
import { CHART_SIZE, fanGeometry, fanPoints, seriesGeometry, type FanPoint } from './chart-paths.js';

const sprint = (name: string, startDate: string, debtSpent?: number): StoredSprint => ({
  id: name,
  name,
  startDate,
  lengthDays: 14,
  capacity: 40,
  availabilityPct: 100,
  reservePct: 15,
  ...(debtSpent === undefined ? {} : { actuals: { completed: 40, debtSpent, paidItemIds: [] } }),
});

const ahead = (name: string, p50: number, p85: number) => ({
  id: name,
  name,
  startDate: '2026-03-02',
  endDate: '2026-03-15',
  capacity: { p50: 40, p85: 30 },
  debtCapacity: { p50, p85 },
  cumulativeDebt: { p50, p85 },
});

const numbersIn = (d: string): number[] => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);

describe('the fan chart', () => {
  test('puts closed sprints first in calendar order, then the forecast ones', () => {
    const forecast: ForecastAnswer = {
      basis: 'entered-capacity',
      message: 'Only 2 closed sprints',
      closedSprints: 2,
      trials: 0,
      seed: 1,
      sprints: [ahead('S3', 6, 4.2)],
      projected: [],
    };
    const points = fanPoints([sprint('S3', '2026-02-02'), sprint('S2', '2026-01-19', 1), sprint('S1', '2026-01-05', 2)], forecast);
    expect(points.map((p) => p.name)).toEqual(['S1', 'S2', 'S3']);
    expect(points.map((p) => p.kind)).toEqual(['history', 'history', 'forecast']);
  });

  test('opens the band from the last actual and keeps every point inside the plot', () => {
    const points: FanPoint[] = [
      { kind: 'history', name: 'S1', actual: 4 },
      { kind: 'forecast', name: 'S2', p50: 6, p85: 3 },
      { kind: 'forecast', name: 'S3', p50: 8, p85: 2 },
    ];
    const g = fanGeometry(points);
    expect(g.band).toMatch(/^M/);
    expect(g.p50).toMatch(/^M/);
    expect(g.history).toMatch(/^M/);
    expect(g.xTicks.map((t) => t.name)).toEqual(['S1', 'S2', 'S3']);
    const { width, height, margin } = CHART_SIZE;
    for (const n of numbersIn(g.band)) expect(n).toBeGreaterThanOrEqual(0);
    for (const t of g.xTicks) expect(t.x).toBeGreaterThanOrEqual(margin.left);
    for (const t of g.xTicks) expect(t.x).toBeLessThanOrEqual(width - margin.right);
    for (const t of g.yTicks) expect(t.y).toBeLessThanOrEqual(height - margin.bottom);
    // p85 is never above p50, so its line is drawn lower (a larger y) at every forecast sprint.
    const yP50 = numbersIn(g.p50).filter((_, i) => i % 2 === 1);
    const yP85 = numbersIn(g.p85).filter((_, i) => i % 2 === 1);
    yP50.forEach((y, i) => {
      expect(yP85[i]).toBeGreaterThanOrEqual(y);
    });
  });

  test('draws no band and no history line when there is nothing to draw', () => {
    const g = fanGeometry([]);
    expect(g).toMatchObject({ band: '', p50: '', p85: '', history: '', dots: [] });
  });
});

describe('the scenario lines', () => {
  test('one path per series over the same sprints, on a scale from zero', () => {
    const g = seriesGeometry(['S1', 'S2'], [
      { label: '10%', values: [5, 3] },
      { label: '20%', values: [5, 1] },
    ]);
    expect(g.lines.map((l) => l.label)).toEqual(['10%', '20%']);
    for (const l of g.lines) expect(l.d).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
    expect(g.yTicks[0]?.value).toBe(0);
  });
});
