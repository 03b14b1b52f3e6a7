import { area, line, scaleLinear, scalePoint } from 'd3';
import type { ForecastAnswer, StoredSprint } from '../../../shared/api/planning-contract.js';
import { byCalendar } from '../../../shared/planning/sprint.js';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export const CHART_SIZE: ChartSize = { width: 720, height: 280, margin: { top: 16, right: 24, bottom: 36, left: 56 } };

/** One column of the fan: a past sprint's actual debt spend, or a forecast sprint's p50 and p85. */
export type FanPoint =
  | { readonly kind: 'history'; readonly name: string; readonly actual: number }
  | { readonly kind: 'forecast'; readonly name: string; readonly p50: number; readonly p85: number };

/** Closed sprints' actual debt spend, then the forecast sprints' p50/p85 debt capacity. */
export function fanPoints(sprints: readonly StoredSprint[], forecast: ForecastAnswer): FanPoint[] {
  const history = [...sprints].sort(byCalendar).flatMap((s): FanPoint[] =>
    s.actuals === undefined ? [] : [{ kind: 'history', name: s.name, actual: s.actuals.debtSpent }],
  );
  const ahead = forecast.sprints.map((s): FanPoint => ({ kind: 'forecast', name: s.name, p50: s.debtCapacity.p50, p85: s.debtCapacity.p85 }));
  return [...history, ...ahead];
}

export interface FanTick {
  readonly name: string;
  readonly x: number;
}

export interface FanGeometry {
  /** The band between p85 and p50 over the forecast sprints (and the last actual, so the fan starts from history). */
  readonly band: string;
  readonly p50: string;
  readonly p85: string;
  readonly history: string;
  readonly xTicks: readonly FanTick[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly dots: readonly { readonly name: string; readonly x: number; readonly y: number }[];
}

/** The SVG `d` strings and ticks of the fan chart; React draws them, d3 only computes (STYLE rule 12). */
export function fanGeometry(points: readonly FanPoint[], size: ChartSize = CHART_SIZE): FanGeometry {
  const { width, height, margin } = size;
  const x = scalePoint<string>(
    points.map((p) => p.name),
    [margin.left, width - margin.right],
  ).padding(0.3);
  const max = Math.max(1, ...points.map((p) => (p.kind === 'history' ? p.actual : Math.max(p.p50, p.p85))));
  const y = scaleLinear([0, max], [height - margin.bottom, margin.top]).nice();
  const xOf = (name: string): number => x(name) ?? margin.left;
  const history = points.filter((p) => p.kind === 'history');
  const lastActual = history.at(-1);
  // The fan opens from the last measured sprint, so past and forecast read as one line.
  const fan: { name: string; p50: number; p85: number }[] = [
    ...(lastActual === undefined ? [] : [{ name: lastActual.name, p50: lastActual.actual, p85: lastActual.actual }]),
    ...points.flatMap((p) => (p.kind === 'forecast' ? [{ name: p.name, p50: p.p50, p85: p.p85 }] : [])),
  ];
  type Fan = (typeof fan)[number];
  const band = area<Fan>()
    .x((d) => xOf(d.name))
    .y0((d) => y(d.p85))
    .y1((d) => y(d.p50));
  const lineOf = (value: (d: Fan) => number) =>
    line<Fan>()
      .x((d) => xOf(d.name))
      .y((d) => y(value(d)));
  const historyLine = line<{ name: string; actual: number }>()
    .x((d) => xOf(d.name))
    .y((d) => y(d.actual));
  return {
    band: fan.length > 0 ? (band(fan) ?? '') : '',
    p50: lineOf((d) => d.p50)(fan) ?? '',
    p85: lineOf((d) => d.p85)(fan) ?? '',
    history: historyLine(history) ?? '',
    xTicks: points.map((p) => ({ name: p.name, x: xOf(p.name) })),
    yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
    dots: history.map((p) => ({ name: p.name, x: xOf(p.name), y: y(p.actual) })),
  };
}

export interface SeriesLine {
  readonly label: string;
  readonly d: string;
}

/** One line per series over shared sprint names: the scenarios chart (principal paid or interest left per sprint). */
export function seriesGeometry(
  names: readonly string[],
  series: readonly { readonly label: string; readonly values: readonly number[] }[],
  size: ChartSize = CHART_SIZE,
): { lines: readonly SeriesLine[]; xTicks: readonly FanTick[]; yTicks: readonly { value: number; y: number }[] } {
  const { width, height, margin } = size;
  const x = scalePoint<string>([...names], [margin.left, width - margin.right]).padding(0.3);
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const y = scaleLinear([0, max], [height - margin.bottom, margin.top]).nice();
  const path = line<number>()
    .x((_, i) => x(names[i] ?? '') ?? margin.left)
    .y((v) => y(v));
  return {
    lines: series.map((s) => ({ label: s.label, d: path([...s.values]) ?? '' })),
    xTicks: names.map((name) => ({ name, x: x(name) ?? margin.left })),
    yTicks: y.ticks(5).map((value) => ({ value, y: y(value) })),
  };
}
