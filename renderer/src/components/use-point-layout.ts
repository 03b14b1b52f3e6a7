import type { Quadtree } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Projection } from '../matrix/axes.js';
import { idleTask } from '../matrix/time-slices.js';
import { IDENTITY, invertTransform, transformBetween, type PixelTransform } from '../matrix/pixel-transform.js';
import { hitTest, hitTestByScan, indexPointsInSlices, layoutPoints, layoutPointsInSlices, type PointLayout, type PointStyle } from '../matrix/point-layout.js';

/** Up to this many points the layout is computed during render: well under a millisecond, never a frame behind. */
const LAYOUT_NOW_UP_TO = 5_000;
/** A view unchanged for this long counts as settled, and is laid out exactly. */
const SETTLE_MS = 120;

/** A layout and the projections it was computed with. */
export interface LaidOut {
  readonly layout: PointLayout;
  readonly x: Projection;
  readonly y: Projection;
}

interface LayoutInputs {
  readonly count: number;
  readonly xValues: ArrayLike<number>;
  readonly yValues: ArrayLike<number>;
  readonly x: Projection;
  readonly y: Projection;
  readonly style: PointStyle;
}

export interface PointsOnScreen {
  readonly laid: LaidOut;
  /** Where the live view moves the laid-out points (identity once the layout has caught up with the view). */
  readonly transform: PixelTransform;
  /** The point under (x, y) in the live view, within `radius` pixels, or null. */
  readonly hit: (x: number, y: number, radius: number) => number | null;
  /** True while the points' layout is still being computed: `laid` holds none of them yet. */
  readonly pending: boolean;
}

const NO_POINTS: PointLayout = { px: new Float32Array(0), py: new Float32Array(0), radius: new Float32Array(0), colour: new Uint8Array(0), visible: [], onScreen: new Uint8Array(0) };

/**
 * Lays the points out for the view. Small portfolios are laid out on every render. Big ones are
 * laid out in time slices, at once when the data changes and once the view has settled when only
 * the view changed: mid-gesture the last layout stays, moved by `transform` (the painter moves its
 * bitmap the same way), so a zoom frame costs no 100k-point pass. The quadtree for hit-testing is
 * built in idle slices after each layout; until it is ready, hits are found by a scan of the points.
 */
export function usePointLayout({ count, xValues, yValues, x, y, style }: LayoutInputs): PointsOnScreen {
  const now = useMemo(
    () => (count <= LAYOUT_NOW_UP_TO ? { layout: layoutPoints(count, { values: xValues, projection: x }, { values: yValues, projection: y }, style), x, y } : null),
    [count, xValues, yValues, x, y, style],
  );
  const [later, setLater] = useState<LaidOut | null>(null);
  const laidFrom = useRef<{ xValues: ArrayLike<number>; yValues: ArrayLike<number>; style: PointStyle } | null>(null);

  useEffect(() => {
    if (count <= LAYOUT_NOW_UP_TO) return;
    let current = true;
    const from = laidFrom.current;
    // Only a finished layout of the same data lets a view change wait for the gesture to settle.
    const sameData = from !== null && from.xValues === xValues && from.yValues === yValues && from.style === style;
    const run = () => {
      void layoutPointsInSlices(count, { values: xValues, projection: x }, { values: yValues, projection: y }, style, { isCurrent: () => current, startNow: false }).then((layout) => {
        if (current && layout !== null) {
          laidFrom.current = { xValues, yValues, style };
          setLater({ layout, x, y });
        }
      });
    };
    const timer = sameData ? setTimeout(run, SETTLE_MS) : undefined;
    if (!sameData) run();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [count, xValues, yValues, x, y, style]);

  const empty = useMemo(() => ({ layout: NO_POINTS, x, y }), [x, y]);
  const ready = now ?? (later !== null && later.layout.px.length === count ? later : null);
  const laid: LaidOut = ready ?? empty;

  const index = useRef<{ layout: PointLayout; tree: Quadtree<number> } | null>(null);
  useEffect(() => {
    let current = true;
    // Built while the page is idle, from its first step (the tables it allocates included): the painter's
    // slices of the same layout come first, so the points show before the index for hovering them is ready
    // (until then a hover scans the points).
    idleTask(() => {
      if (!current) return;
      void indexPointsInSlices(laid.layout, { isCurrent: () => current, schedule: idleTask }).then((tree) => {
        if (current && tree !== null) index.current = { layout: laid.layout, tree };
      });
    });
    return () => {
      current = false;
    };
  }, [laid.layout]);

  const transform = laid.x === x && laid.y === y ? IDENTITY : transformBetween(laid.x, laid.y, x, y);
  const hit = (px: number, py: number, radius: number): number | null => {
    const p = invertTransform(transform, px, py);
    const built = index.current;
    return built !== null && built.layout === laid.layout ? hitTest(built.tree, p.x, p.y, radius) : hitTestByScan(laid.layout, p.x, p.y, radius);
  };
  return { laid, transform, hit, pending: ready === null && count > 0 };
}
