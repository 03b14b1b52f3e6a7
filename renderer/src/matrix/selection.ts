import { curveLinearClosed, line, polygonContains, type Quadtree } from 'd3';
import { indexPoints, type PointLayout } from './point-layout.js';

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
 * The indexed points inside a box (edges included), in ascending order. The quadtree's visit skips every
 * node whose bounds miss the box, so a small box over 100k points reads only the few leaves under it.
 */
export function pointsInBox(index: Quadtree<number>, box: Box): number[] {
  const x = index.x();
  const y = index.y();
  const found: number[] = [];
  index.visit((node, nx0, ny0, nx1, ny1) => {
    if (!node.length) {
      // A leaf holds one point, or several at the same pixel chained through `next`.
      for (let leaf: typeof node | undefined = node; leaf !== undefined; leaf = leaf.next) {
        const px = x(leaf.data);
        const py = y(leaf.data);
        if (px >= box.x0 && px <= box.x1 && py >= box.y0 && py <= box.y1) found.push(leaf.data);
      }
    }
    return nx0 > box.x1 || nx1 < box.x0 || ny0 > box.y1 || ny1 < box.y0;
  });
  return found.sort((a, b) => a - b);
}

/** The indexed points inside a closed lasso: candidates come from its bounding box, then the polygon test decides. */
export function pointsInLasso(index: Quadtree<number>, polygon: readonly Point[]): number[] {
  if (polygon.length < 3) return [];
  let box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [px, py] of polygon) box = { x0: Math.min(box.x0, px), y0: Math.min(box.y0, py), x1: Math.max(box.x1, px), y1: Math.max(box.y1, py) };
  const x = index.x();
  const y = index.y();
  // d3 types the polygon as mutable pairs; it only reads them.
  const ring = polygon as [number, number][];
  return pointsInBox(index, box).filter((i) => polygonContains(ring, [x(i), y(i)]));
}

/** Quadtrees of the layouts a selection was made on, built at the first one: 100k inserts cost tens of ms, too much for every layout. */
const trees = new WeakMap<PointLayout, Quadtree<number>>();

/**
 * The visible points a finished marquee encloses. The marquee is in screen pixels; `toLayout` maps a
 * screen pixel to the layout's pixels, which differ while a zoom or pan has not been laid out yet.
 */
export function pointsInMarquee(layout: PointLayout, marquee: Marquee, toLayout: (x: number, y: number) => { x: number; y: number }): number[] {
  let tree = trees.get(layout);
  if (tree === undefined) {
    tree = indexPoints(layout);
    trees.set(layout, tree);
  }
  const mapped = (p: Point): Point => {
    const q = toLayout(p[0], p[1]);
    return [q.x, q.y];
  };
  if (marquee.kind === 'box') {
    const { x0, y0, x1, y1 } = marquee.box;
    return pointsInBox(tree, boxOf(mapped([x0, y0]), mapped([x1, y1])));
  }
  return pointsInLasso(tree, marquee.points.map(mapped));
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

/** The indexes, in ascending order, of the ids that are selected. */
export function indexesOf(ids: readonly string[], selected: ReadonlySet<string>): number[] {
  if (selected.size === 0) return [];
  const found: number[] = [];
  ids.forEach((id, i) => {
    if (selected.has(id)) found.push(i);
  });
  return found;
}
