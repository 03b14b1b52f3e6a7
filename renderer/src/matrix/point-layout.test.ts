import { describe, expect, it } from 'vitest';
import { columnsOf, scoreColumns } from '../../../shared/scoring/score-columns.js';
import { DEFAULT_SCORING } from '../../../shared/scoring/weights.js';
import { testItem } from '../store/fake-bridge.js';
import { AXES, project } from './axes.js';
import { firstPoint, hitTest, indexPoints, layoutPoints, MAX_RADIUS, MIN_RADIUS, neighbour, stylePoints, type PointLayout } from './point-layout.js';

/** A layout at given pixels, every point visible. */
function at(points: readonly (readonly [number, number])[]): PointLayout {
  return {
    px: Float32Array.from(points.map((p) => p[0])),
    py: Float32Array.from(points.map((p) => p[1])),
    radius: new Float32Array(points.length).fill(4),
    colour: new Uint8Array(points.length),
    visible: points.map((_, i) => i),
    onScreen: new Uint8Array(points.length).fill(1),
  };
}

describe('hit-testing with the quadtree', () => {
  const layout = at([
    [10, 10],
    [100, 100],
    [104, 100],
  ]);
  const index = indexPoints(layout);

  it('finds the nearest point within the radius', () => {
    expect(hitTest(index, 12, 11, 8)).toBe(0);
    expect(hitTest(index, 101, 100, 8)).toBe(1);
    expect(hitTest(index, 103.5, 101, 8)).toBe(2);
  });

  it('finds nothing beyond the radius', () => {
    expect(hitTest(index, 50, 50, 8)).toBeNull();
  });

  it('agrees with a brute-force search on a grid of probes', () => {
    const many = at(Array.from({ length: 200 }, (_, i) => [((i * 37) % 97) * 5, ((i * 53) % 89) * 5] as const));
    const tree = indexPoints(many);
    for (let x = 0; x < 500; x += 13) {
      for (let y = 0; y < 450; y += 11) {
        const hit = hitTest(tree, x, y, 10);
        let best = Number.POSITIVE_INFINITY;
        for (const i of many.visible) best = Math.min(best, Math.hypot((many.px[i] ?? 0) - x, (many.py[i] ?? 0) - y));
        if (hit === null) expect(best).toBeGreaterThanOrEqual(10);
        else expect(Math.hypot((many.px[hit] ?? 0) - x, (many.py[hit] ?? 0) - y)).toBeCloseTo(best);
      }
    }
  });
});

describe('keyboard neighbours', () => {
  //   0 (0,0)      1 (100,0)
  //   2 (0,100)    3 (100,100)   4 (200,90)
  const layout = at([
    [0, 0],
    [100, 0],
    [0, 100],
    [100, 100],
    [200, 90],
  ]);

  it('moves to the closest point in the arrow’s direction', () => {
    expect(neighbour(layout, 0, 'right')).toBe(1);
    expect(neighbour(layout, 0, 'down')).toBe(2);
    expect(neighbour(layout, 3, 'right')).toBe(4);
    expect(neighbour(layout, 3, 'up')).toBe(1);
    expect(neighbour(layout, 3, 'left')).toBe(2);
  });

  it('stays put when nothing lies that way', () => {
    expect(neighbour(layout, 0, 'left')).toBeNull();
    expect(neighbour(layout, 0, 'up')).toBeNull();
    expect(neighbour(layout, 4, 'right')).toBeNull();
  });

  it('reaches points drawn on the same pixel', () => {
    const stacked = at([
      [50, 50],
      [50, 50],
      [50, 50],
    ]);
    expect(neighbour(stacked, 0, 'right')).toBe(1);
    expect(neighbour(stacked, 1, 'right')).toBe(2);
    expect(neighbour(stacked, 2, 'right')).toBeNull();
  });

  it('skips points that are off screen', () => {
    expect(neighbour({ ...layout, visible: [0, 2, 3] }, 0, 'right')).toBe(3);
  });
});

describe('layoutPoints', () => {
  const items = [
    testItem({ interest: 0, effort: { low: 1, likely: 2, high: 3 } }),
    testItem({ interest: 4, effort: { low: 0, likely: 0, high: 0 }, kind: 'security' }),
    testItem({ interest: 1, effort: { low: 1, likely: 12, high: 13 }, likelihood: 5, impact: 5 }),
  ];
  const columns = columnsOf(items);
  const scores = scoreColumns(columns, { ...DEFAULT_SCORING, sprintLengthDays: 14, today: '2026-11-25', maxInterest: 4 });
  const x = { values: scores.roi, projection: project(AXES.roi, [0.1, 10], 0, 400) };
  const y = { values: scores.risk, projection: project(AXES.risk, [0.5, 25.5], 250, 0) };
  const style = stylePoints(columns, 'kind', 4);
  const layout = layoutPoints(scores.count, x, y, style);

  it('does not plot an item whose effort nobody estimated', () => {
    const unestimated = columnsOf([items[0] ?? testItem(), testItem({ effort: { low: 0, likely: 0, high: 0 }, tags: ['effort-unknown'] })]);
    const s = scoreColumns(unestimated, { ...DEFAULT_SCORING, sprintLengthDays: 14, today: '2026-11-25', maxInterest: 4 });
    const laid = layoutPoints(2, { values: s.roi, projection: x.projection }, { values: s.risk, projection: y.projection }, stylePoints(unestimated, 'kind', 4));
    expect(laid.visible).toEqual([0]);
    expect([...laid.onScreen]).toEqual([1, 0]);
  });

  it('puts ROI 0 and "no effort" in the edge strips and sizes points by interest', () => {
    expect(layout.px[0]).toBe(x.projection.zeroPx);
    expect(layout.px[1]).toBe(x.projection.infinityPx);
    expect(layout.radius[0]).toBe(MIN_RADIUS);
    expect(layout.radius[1]).toBe(MAX_RADIUS);
    expect(layout.radius[2]).toBeCloseTo(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) / 2);
    expect(layout.colour[1]).toBe(6); // security is the 7th kind
    expect(layout.visible).toEqual([0, 1, 2]);
  });

  it('hides points zoomed out of view, never the 0 and ∞ strips', () => {
    const zoomed = layoutPoints(scores.count, { ...x, projection: project(AXES.roi, [0.1, 0.5], 0, 400) }, y, style);
    expect(zoomed.visible).toEqual([0, 1]);
    expect([...zoomed.onScreen]).toEqual([1, 1, 0]);
  });

  it('starts keyboard navigation at the highest priority point', () => {
    expect(firstPoint(layout, scores)).toBe(1);
  });
});
