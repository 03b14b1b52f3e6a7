import { curveLinearClosed, line, polygonContains } from 'd3';
import type { IdLookup } from '../../../shared/api/matrix-data.js';
import type { PointLayout } from './point-layout.js';

/** How a drag on the plot acts: it pans the view, or draws a box or a free-hand lasso that selects points. */
export const SELECTION_TOOLS = ['pan', 'box', 'lasso'] as const;
export type SelectionTool = (typeof SELECTION_TOOLS)[number];

export type Point = readonly [number, number];

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** What the overlay draws while a selection is dragged. */
export type Marquee = { readonly kind: 'box'; readonly box: Box } | { readonly kind: 'lasso'; readonly points: readonly Point[] };

/** The box spanned by two corners, whichever way the drag went. */
export function boxOf(a: Point, b: Point): Box {
  return { x0: Math.min(a[0], b[0]), y0: Math.min(a[1], b[1]), x1: Math.max(a[0], b[0]), y1: Math.max(a[1], b[1]) };
}

/**
 * The visible points inside a box (edges included), in ascending order (`visible` is laid out in index
 * order). A plain scan of the layout's typed arrays: 100k points take about a millisecond, where building
 * a quadtree of them first took 50–200 ms in one task, and a box is drawn far less often than the mouse moves.
 */
export function pointsInBox(layout: PointLayout, box: Box): number[] {
  const { px, py, visible } = layout;
  const found: number[] = [];
  for (const i of visible) {
    const x = px[i] ?? Number.NaN;
    const y = py[i] ?? Number.NaN;
    if (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1) found.push(i);
  }
  return found;
}

/** The visible points inside a closed lasso: candidates come from its bounding box, then the polygon test decides. */
export function pointsInLasso(layout: PointLayout, polygon: readonly Point[]): number[] {
  if (polygon.length < 3) return [];
  let box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [px, py] of polygon) box = { x0: Math.min(box.x0, px), y0: Math.min(box.y0, py), x1: Math.max(box.x1, px), y1: Math.max(box.y1, py) };
  // d3 types the polygon as mutable pairs; it only reads them.
  const ring = polygon as [number, number][];
  return pointsInBox(layout, box).filter((i) => polygonContains(ring, [layout.px[i] ?? 0, layout.py[i] ?? 0]));
}

/**
 * The visible points a finished marquee encloses. The marquee is in screen pixels; `toLayout` maps a
 * screen pixel to the layout's pixels, which differ while a zoom or pan has not been laid out yet.
 */
export function pointsInMarquee(layout: PointLayout, marquee: Marquee, toLayout: (x: number, y: number) => { x: number; y: number }): number[] {
  const mapped = (p: Point): Point => {
    const q = toLayout(p[0], p[1]);
    return [q.x, q.y];
  };
  if (marquee.kind === 'box') {
    const { x0, y0, x1, y1 } = marquee.box;
    return pointsInBox(layout, boxOf(mapped([x0, y0]), mapped([x1, y1])));
  }
  return pointsInLasso(layout, marquee.points.map(mapped));
}

/**
 * Adds a pointer position to a lasso unless it is within `minStep` pixels of the last one: pointer events
 * arrive every pixel or two, and a shorter polygon keeps both the drawing and the containment test cheap.
 */
export function extendLasso(points: readonly Point[], p: Point, minStep: number): readonly Point[] {
  const last = points.at(-1);
  if (last !== undefined && Math.hypot(p[0] - last[0], p[1] - last[1]) < minStep) return points;
  return [...points, p];
}

const lassoLine = line<Point>()
  .x((p) => p[0])
  .y((p) => p[1])
  .curve(curveLinearClosed);

/** The lasso as an SVG path, closed back to its start as the selection will be. */
export function lassoPath(points: readonly Point[]): string {
  return lassoLine([...points]) ?? '';
}

/** Item ids for point indexes, e.g. to keep a selection across reloads, which may reorder the columns. */
export function idsAt(ids: readonly string[], indexes: readonly number[]): string[] {
  return indexes.flatMap((i) => {
    const id = ids[i];
    return id === undefined ? [] : [id];
  });
}

/**
 * The indexes, in ascending order, of the ids that are selected, looked up in the id → index map: a pass
 * over 100k ids (hashing each) was a 60 ms task after a box selection.
 */
export function indexesOf(idIndex: IdLookup, selected: ReadonlySet<string>): number[] {
  const found: number[] = [];
  for (const id of selected) {
    const i = idIndex.get(id);
    if (i !== undefined) found.push(i);
  }
  return found.sort((a, b) => a - b);
}

/**
 * One number per ring at a quarter-pixel position and radius, so rings that would be stroked over each other
 * are found in a Set of numbers: string keys for 12k picked items cost several ms in the pointer-up task.
 * Quarter pixels within ±2^17 px (rings outside the plot are skipped first) and radii up to 2^10 px fit in
 * a double's 53 bits.
 */
export function ringKey(x: number, y: number, r: number): number {
  const qx = Math.round(x * 4) + 2 ** 19;
  const qy = Math.round(y * 4) + 2 ** 19;
  return (qx * 2 ** 21 + qy) * 2 ** 12 + Math.round(r * 4);
}
