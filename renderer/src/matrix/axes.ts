import { scaleLinear, scaleLog } from 'd3';
import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import type { ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { Extent, ScoredColumns } from './chunked-scoring.js';

export const X_AXES = ['roi', 'effort', 'interest', 'breakingPoint'] as const;
export type XAxisKey = (typeof X_AXES)[number];
export const Y_AXES = ['risk', 'priority'] as const;
export type YAxisKey = (typeof Y_AXES)[number];
export type AxisKey = XAxisKey | YAxisKey;

export type Domain = readonly [number, number];

export interface AxisSpec {
  readonly key: AxisKey;
  readonly label: string;
  readonly kind: 'log' | 'linear';
  /** Where values ≤ 0 go on a log axis, and what the strip at that end is called. */
  readonly zeroLabel: string;
  /** Where Infinity goes (no effort, never breaks even), or null when the value is always finite. */
  readonly infiniteLabel: string | null;
}

export const AXES: Readonly<Record<AxisKey, AxisSpec>> = {
  roi: { key: 'roi', label: 'ROI (carrying cost ÷ expected effort)', kind: 'log', zeroLabel: '0', infiniteLabel: 'no effort' },
  effort: { key: 'effort', label: 'Expected effort (PERT)', kind: 'log', zeroLabel: '0', infiniteLabel: null },
  interest: { key: 'interest', label: 'Interest per sprint', kind: 'log', zeroLabel: '0', infiniteLabel: null },
  breakingPoint: { key: 'breakingPoint', label: 'Breaking point (sprints)', kind: 'log', zeroLabel: '0', infiniteLabel: 'never' },
  risk: { key: 'risk', label: 'Risk (likelihood × impact)', kind: 'linear', zeroLabel: '', infiniteLabel: null },
  priority: { key: 'priority', label: 'Priority (cost of delay ÷ effort)', kind: 'log', zeroLabel: '0', infiniteLabel: '∞' },
};

export const AXIS_OPTION_LABELS: Readonly<Record<AxisKey, string>> = {
  roi: 'ROI',
  effort: 'Expected effort',
  interest: 'Interest',
  breakingPoint: 'Breaking point',
  risk: 'Risk',
  priority: 'Priority',
};

/** The value of item i on an axis; Infinity and 0 are kept, the axis gives them a place. */
export function axisValues(key: AxisKey, columns: MatrixColumns, scores: ColumnScores): ArrayLike<number> {
  switch (key) {
    case 'roi':
      return scores.roi;
    case 'effort':
      return scores.expectedEffort;
    case 'interest':
      return columns.interest;
    case 'breakingPoint':
      return scores.breakingPoint;
    case 'risk':
      return scores.risk;
    case 'priority':
      return scores.priority;
  }
}

/** Risk is 1–25; half a step beyond each end keeps the extreme points off the frame. */
const RISK_DOMAIN: Domain = [0.5, 25.5];

/** The smallest and largest finite positive values; min > max when there are none. */
function extentOf(values: ArrayLike<number>): Extent {
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (v > 0 && Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max };
}

/** The extent the sliced scoring pass found for an axis's values. */
export function axisExtent(key: AxisKey, scores: ScoredColumns): Extent {
  if (key === 'risk') return { min: 1, max: 25 }; // a linear axis with a fixed domain: no pass needed
  return key === 'effort' ? scores.extents.expectedEffort : scores.extents[key];
}

/**
 * The whole-data view of an axis: for log axes, the powers of ten around every finite positive value
 * (and `include`, e.g. a quadrant threshold, so its line is always on screen).
 */
export function defaultDomain(spec: AxisSpec, values: ArrayLike<number>, include?: number): Domain {
  return spec.kind === 'linear' ? RISK_DOMAIN : domainOfExtent(spec, extentOf(values), include);
}

/** defaultDomain from an extent found beforehand, so no render loops over every value. */
export function domainOfExtent(spec: AxisSpec, extent: Extent, include?: number): Domain {
  if (spec.kind === 'linear') return RISK_DOMAIN;
  let { min, max } = extent;
  if (include !== undefined && include > 0) {
    min = Math.min(min, include);
    max = Math.max(max, include);
  }
  if (max === 0) return [0.1, 10];
  const lo = 10 ** Math.floor(Math.log10(min));
  let hi = 10 ** Math.ceil(Math.log10(max));
  if (hi <= lo) hi = lo * 10;
  return [lo, hi];
}

/** Pixels kept at each end of a log axis for the values it cannot place: 0 at the start, ∞ at the end. */
export const EDGE_PX = 18;

export interface Projection {
  /** Pixel of a value; 0 (and below) and ∞ land in the edge strips. */
  readonly at: (v: number) => number;
  /** The value at a pixel of the inner (scaled) range. */
  readonly invert: (px: number) => number;
  /** The pixel span where scaled values fall; points outside it are off screen. */
  readonly inner: Domain;
  readonly zeroPx: number | null;
  readonly infinityPx: number | null;
  readonly ticks: readonly { readonly value: number; readonly px: number; readonly label: string }[];
}

const tickFormat = (v: number): string => (v >= 1000 || v < 0.01 ? v.toExponential(0) : String(Number(v.toPrecision(2))));

/** Maps an axis's domain onto [start, end] pixels (end < start for a y axis, which grows upwards). */
export function project(spec: AxisSpec, domain: Domain, start: number, end: number): Projection {
  if (spec.kind === 'linear') {
    const s = scaleLinear(domain, [start, end]);
    // Plain arithmetic rather than the d3 scale: `at` runs for every point on every zoom frame.
    const k = (end - start) / (domain[1] - domain[0]);
    const d0 = domain[0];
    return {
      at: (v) => start + (v - d0) * k,
      invert: (px) => s.invert(px),
      inner: [start, end],
      zeroPx: null,
      infinityPx: null,
      ticks: s.ticks(6).map((value) => ({ value, px: s(value), label: String(value) })),
    };
  }
  const dir = end >= start ? 1 : -1;
  const innerStart = start + EDGE_PX * dir;
  const innerEnd = spec.infiniteLabel === null ? end : end - EDGE_PX * dir;
  const s = scaleLog(domain, [innerStart, innerEnd]);
  const zeroPx = start + (EDGE_PX / 2) * dir;
  const infinityPx = spec.infiniteLabel === null ? null : end - (EDGE_PX / 2) * dir;
  const all = s.ticks();
  // Across several decades only the powers of ten are labelled; 2…9 in each would overlap.
  const ticks = all.length > 8 ? all.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9) : all;
  const l0 = Math.log(domain[0]);
  const k = (innerEnd - innerStart) / (Math.log(domain[1]) - l0);
  return {
    at: (v) => {
      if (v <= 0) return zeroPx;
      if (v === Number.POSITIVE_INFINITY) return infinityPx ?? innerEnd;
      return innerStart + (Math.log(v) - l0) * k;
    },
    invert: (px) => s.invert(px),
    inner: [innerStart, innerEnd],
    zeroPx,
    infinityPx,
    ticks: ticks.map((value) => ({ value, px: s(value), label: tickFormat(value) })),
  };
}

const toT = (kind: AxisSpec['kind'], v: number) => (kind === 'log' ? Math.log10(v) : v);
const fromT = (kind: AxisSpec['kind'], t: number) => (kind === 'log' ? 10 ** t : t);

/**
 * Zooms a domain by `factor` (>1 zooms in) around `anchor`, which stays where it is on screen. On a
 * log axis the maths runs on log10 of the values, so zooming treats every decade alike.
 */
export function zoomDomain(kind: AxisSpec['kind'], domain: Domain, anchor: number, factor: number): Domain {
  const a = toT(kind, anchor);
  const [t0, t1] = [toT(kind, domain[0]), toT(kind, domain[1])];
  return [fromT(kind, a + (t0 - a) / factor), fromT(kind, a + (t1 - a) / factor)];
}

/** Shifts a domain by a fraction of its span (a drag of `fraction` × the axis length). */
export function panDomain(kind: AxisSpec['kind'], domain: Domain, fraction: number): Domain {
  const [t0, t1] = [toT(kind, domain[0]), toT(kind, domain[1])];
  const shift = (t1 - t0) * fraction;
  return [fromT(kind, t0 + shift), fromT(kind, t1 + shift)];
}

/**
 * Moves and scales a domain at once, as two fingers do: the value under pixel `from` of the inner range
 * [inner[0], inner[1]] ends up under pixel `to`, and the span shrinks by `factor` (>1 zooms in). With
 * from = to this is zoomDomain around that pixel's value; with factor 1, a pan by to − from pixels.
 */
export function pinchDomain(kind: AxisSpec['kind'], domain: Domain, inner: Domain, from: number, to: number, factor: number): Domain {
  const [t0, t1] = [toT(kind, domain[0]), toT(kind, domain[1])];
  const pixels = inner[1] - inner[0];
  const anchor = t0 + ((from - inner[0]) / pixels) * (t1 - t0);
  const span = (t1 - t0) / factor;
  const start = anchor - ((to - inner[0]) / pixels) * span;
  return [fromT(kind, start), fromT(kind, start + span)];
}
