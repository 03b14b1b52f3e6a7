import { quadtree, type Quadtree } from 'd3';
import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import type { ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { Projection } from './axes.js';
import { COLOUR_KEYS, type ColourBy } from './palette.js';

export const MIN_RADIUS = 3;
export const MAX_RADIUS = 12;

/** Where each item is drawn, as typed arrays indexed like the columns; `visible` lists the on-screen ones. */
export interface PointLayout {
  readonly px: Float32Array;
  readonly py: Float32Array;
  readonly radius: Float32Array;
  /** Index into the colour key list (kinds or statuses). */
  readonly colour: Uint8Array;
  readonly visible: readonly number[];
}

/** How each item is drawn whatever the view: size from interest, colour from kind or status. */
export interface PointStyle {
  readonly radius: Float32Array;
  /** Index into the colour key list (kinds or statuses). */
  readonly colour: Uint8Array;
}

/** Computed once per data and colour choice, so zooming and panning only move points. */
export function stylePoints(columns: MatrixColumns, colourBy: ColourBy, maxInterest: number): PointStyle {
  const n = columns.id.length;
  const radius = new Float32Array(n);
  const colour = new Uint8Array(n);
  const colourIndex = new Map<string, number>(COLOUR_KEYS[colourBy].map((key, k) => [key, k]));
  const category: readonly string[] = colourBy === 'kind' ? columns.kind : columns.status;
  for (let i = 0; i < n; i++) {
    // A clamped sqrt scale from [0, maxInterest] to [MIN_RADIUS, MAX_RADIUS], so area grows with interest.
    const share = maxInterest > 0 ? Math.min(1, Math.max(0, (columns.interest[i] ?? 0) / maxInterest)) : 0;
    radius[i] = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(share);
    colour[i] = colourIndex.get(category[i] ?? '') ?? 0;
  }
  return { radius, colour };
}

/** A test for "on screen": in the scaled range, or 0/∞ in an edge strip (which stays put when zooming). */
function placement(p: Projection): (v: number, px: number) => boolean {
  const lo = Math.min(p.inner[0], p.inner[1]);
  const hi = Math.max(p.inner[0], p.inner[1]);
  const zeroStrip = p.zeroPx !== null;
  const infinityStrip = p.infinityPx !== null;
  return (v, px) => (v <= 0 && zeroStrip) || (v === Number.POSITIVE_INFINITY && infinityStrip) || (px >= lo && px <= hi);
}

export function layoutPoints(
  count: number,
  x: { values: ArrayLike<number>; projection: Projection },
  y: { values: ArrayLike<number>; projection: Projection },
  style: PointStyle,
): PointLayout {
  const px = new Float32Array(count);
  const py = new Float32Array(count);
  const xPlaced = placement(x.projection);
  const yPlaced = placement(y.projection);
  const visible: number[] = [];
  for (let i = 0; i < count; i++) {
    const xv = x.values[i] ?? 0;
    const yv = y.values[i] ?? 0;
    const cx = x.projection.at(xv);
    const cy = y.projection.at(yv);
    px[i] = cx;
    py[i] = cy;
    if (xPlaced(xv, cx) && yPlaced(yv, cy)) visible.push(i);
  }
  return { px, py, radius: style.radius, colour: style.colour, visible };
}

/** A quadtree of the visible points' indexes, for hit-testing the canvas. */
export function indexPoints(layout: PointLayout): Quadtree<number> {
  return quadtree<number>()
    .x((i) => layout.px[i] ?? 0)
    .y((i) => layout.py[i] ?? 0)
    .addAll([...layout.visible]);
}

/** The point nearest (x, y) within `radius` pixels, or null. */
export function hitTest(index: Quadtree<number>, x: number, y: number, radius: number): number | null {
  return index.find(x, y, radius) ?? null;
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The visible point to move to from `from` with an arrow key: among points lying in that direction
 * (the main axis distance positive and at least the sideways one), the closest, counting sideways
 * distance double so the move follows the arrow. Null when nothing lies that way.
 */
export function neighbour(layout: PointLayout, from: number, direction: Direction): number | null {
  const fx = layout.px[from] ?? 0;
  const fy = layout.py[from] ?? 0;
  let best: number | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const i of layout.visible) {
    if (i === from) continue;
    const dx = (layout.px[i] ?? 0) - fx;
    const dy = (layout.py[i] ?? 0) - fy;
    let main: number;
    let side: number;
    switch (direction) {
      case 'right':
        [main, side] = [dx, dy];
        break;
      case 'left':
        [main, side] = [-dx, dy];
        break;
      case 'down':
        [main, side] = [dy, dx];
        break;
      case 'up':
        [main, side] = [-dy, dx];
        break;
    }
    // Points drawn on the same pixel are reached by moving right/down, in index order, so none is unreachable.
    const samePlace = main === 0 && side === 0;
    if (samePlace ? !((direction === 'right' || direction === 'down') && i > from) : main <= 0 || Math.abs(side) > main) continue;
    const cost = main + 2 * Math.abs(side) + (samePlace ? i * 1e-9 : 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  }
  return best;
}

/** The point a keyboard user starts from: the highest priority visible one. */
export function firstPoint(layout: PointLayout, scores: ColumnScores): number | null {
  let best: number | null = null;
  for (const i of layout.visible) {
    if (best === null || (scores.priority[i] ?? 0) > (scores.priority[best] ?? 0)) best = i;
  }
  return best;
}
