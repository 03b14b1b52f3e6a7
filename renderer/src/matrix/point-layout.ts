import { quadtree, type Quadtree } from 'd3';
import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import type { ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { Projection } from './axes.js';
import type { ColourBy } from './palette.js';
import { runInSlices, type SliceOptions } from './time-slices.js';

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
  /** 1 where an item is in `visible`: a lookup by index, for marking a set of items without searching the list. */
  readonly onScreen: Uint8Array;
}

/** How each item is drawn whatever the view: size from interest, colour from kind or status. */
export interface PointStyle {
  readonly radius: Float32Array;
  /** Index into the colour key list (kinds or statuses). */
  readonly colour: Uint8Array;
  /** 1 where an item is counted but not plotted: its effort was never estimated, so it has no place on the ROI axis. */
  readonly hidden?: Uint8Array;
}

/** Computed once per data and colour choice, so zooming and panning only move points. */
export function stylePoints(columns: MatrixColumns, colourBy: ColourBy, maxInterest: number): PointStyle {
  const n = columns.count;
  const radius = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    // A clamped sqrt scale from [0, maxInterest] to [MIN_RADIUS, MAX_RADIUS], so area grows with interest.
    const share = maxInterest > 0 ? Math.min(1, Math.max(0, (columns.interest[i] ?? 0) / maxInterest)) : 0;
    radius[i] = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(share);
  }
  // Kind and status arrive as indexes into KINDS and STATUSES, the colour key lists themselves.
  return { radius, colour: colourBy === 'kind' ? columns.kind : columns.status, hidden: columns.notEstimated };
}

/** A test for "on screen": in the scaled range, or 0/∞ in an edge strip (which stays put when zooming). */
function placement(p: Projection): (v: number, px: number) => boolean {
  const lo = Math.min(p.inner[0], p.inner[1]);
  const hi = Math.max(p.inner[0], p.inner[1]);
  const zeroStrip = p.zeroPx !== null;
  const infinityStrip = p.infinityPx !== null;
  return (v, px) => (v <= 0 && zeroStrip) || (v === Number.POSITIVE_INFINITY && infinityStrip) || (px >= lo && px <= hi);
}

interface Axis {
  readonly values: ArrayLike<number>;
  readonly projection: Projection;
}

/** The arrays a layout fills: one routine fills them for both ways of laying out. */
interface LayoutTarget {
  readonly px: Float32Array;
  readonly py: Float32Array;
  readonly visible: number[];
  readonly onScreen: Uint8Array;
}

const layoutTarget = (count: number): LayoutTarget => ({ px: new Float32Array(count), py: new Float32Array(count), visible: [], onScreen: new Uint8Array(count) });

/** Fills px/py for items [from, to) and marks the on-screen ones in `visible` and `onScreen`. */
function layoutRange(x: Axis, y: Axis, hidden: Uint8Array | undefined, into: LayoutTarget, from: number, to: number): void {
  const { px, py, visible, onScreen } = into;
  const xPlaced = placement(x.projection);
  const yPlaced = placement(y.projection);
  const xAt = x.projection.at;
  const yAt = y.projection.at;
  for (let i = from; i < to; i++) {
    const xv = x.values[i] ?? 0;
    const yv = y.values[i] ?? 0;
    const cx = xAt(xv);
    const cy = yAt(yv);
    px[i] = cx;
    py[i] = cy;
    if (xPlaced(xv, cx) && yPlaced(yv, cy) && hidden?.[i] !== 1) {
      visible.push(i);
      onScreen[i] = 1;
    }
  }
}

export function layoutPoints(count: number, x: Axis, y: Axis, style: PointStyle): PointLayout {
  const into = layoutTarget(count);
  layoutRange(x, y, style.hidden, into, 0, count);
  return { ...into, radius: style.radius, colour: style.colour };
}

/**
 * The same layout as `layoutPoints`, computed in time slices (see `runInSlices`) so laying out 100k
 * points never blocks input for long; null when `isCurrent` turned false first.
 */
export async function layoutPointsInSlices(count: number, x: Axis, y: Axis, style: PointStyle, options: SliceOptions = {}): Promise<PointLayout | null> {
  const into = layoutTarget(count);
  const done = await runInSlices(
    count,
    (from, to) => {
      layoutRange(x, y, style.hidden, into, from, to);
    },
    { step: 10_000, ...options },
  );
  return done ? { ...into, radius: style.radius, colour: style.colour } : null;
}

/** A quadtree of the visible points' indexes, for hit-testing the canvas. */
export function indexPoints(layout: PointLayout): Quadtree<number> {
  return quadtree<number>()
    .x((i) => layout.px[i] ?? 0)
    .y((i) => layout.py[i] ?? 0)
    .addAll([...layout.visible]);
}

/**
 * The visible points to index for `hitTest`: one per position. A quadtree chains points at the same
 * position and `find` only ever answers the chain's head, the last one added; so keeping, of each
 * position, the last visible point gives the same answers as indexing them all, with far fewer nodes
 * to allocate when scores cluster (100k items often sit on a few thousand spots).
 */
function lastAtEachPosition(layout: PointLayout, from: number, to: number, table: Int32Array, kept: number[]): void {
  const { visible, px, py } = layout;
  const mask = table.length - 1;
  for (let k = to - 1; k >= from; k--) {
    const i = visible[k] ?? 0;
    const x = px[i] ?? 0;
    const y = py[i] ?? 0;
    let h = (Math.imul(Math.round(x * 64), 0x9e3779b1) ^ Math.imul(Math.round(y * 64), 0x85ebca6b)) & mask;
    for (;;) {
      const j = table[h] ?? -1;
      if (j === -1) {
        table[h] = i;
        kept.push(i);
        break;
      }
      if (px[j] === x && py[j] === y) break;
      h = (h + 1) & mask;
    }
  }
}

/**
 * A quadtree that answers `hitTest` exactly as `indexPoints` does, built in time slices (see
 * `runInSlices`) from one point per position (see above); null when `isCurrent` turned false first.
 * Not for box selection, which needs every point: use `indexPoints` for that.
 */
export async function indexPointsInSlices(layout: PointLayout, options: SliceOptions = {}): Promise<Quadtree<number> | null> {
  const tree = quadtree<number>()
    .x((i) => layout.px[i] ?? 0)
    .y((i) => layout.py[i] ?? 0);
  const n = layout.visible.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const kept: number[] = [];
  // Walked from the end, in slices from the end, so each position keeps the last point that is added to it.
  const found = await runInSlices(
    n,
    (from, to) => {
      lastAtEachPosition(layout, n - to, n - from, table, kept);
    },
    { step: 20_000, ...options },
  );
  if (!found) return null;
  if (kept.length === 0) return tree;
  // Cover the extent first, as `addAll` does: the tree's shape, and so `find`'s answers, are those of `indexPoints`.
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const i of kept) {
    const x = layout.px[i] ?? 0;
    const y = layout.py[i] ?? 0;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  tree.cover(x0, y0).cover(x1, y1);
  const done = await runInSlices(
    kept.length,
    (from, to) => {
      for (let k = from; k < to; k++) tree.add(kept[k] ?? 0);
    },
    { step: 5_000, ...options },
  );
  return done ? tree : null;
}

/** What `hitTest` answers, by looking at every visible point: used while the quadtree is still being built. */
export function hitTestByScan(layout: PointLayout, x: number, y: number, radius: number): number | null {
  let best: number | null = null;
  let bestD2 = radius * radius;
  const { visible, px, py } = layout;
  for (const i of visible) {
    const dx = (px[i] ?? 0) - x;
    const dy = (py[i] ?? 0) - y;
    const d2 = dx * dx + dy * dy;
    if (d2 < bestD2) {
      bestD2 = d2;
      best = i;
    }
  }
  return best;
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
