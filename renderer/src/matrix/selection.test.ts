import { polygonContains } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PointLayout } from './point-layout.js';
import { boxOf, extendLasso, idsAt, indexesOf, lassoPath, pointsInBox, pointsInLasso, pointsInMarquee, ringKey, type Point } from './selection.js';

/** A layout at given pixels; `hidden` points are laid out but off screen, so never selected. */
function at(points: readonly Point[], hidden: readonly number[] = []): PointLayout {
  const visible = points.map((_, i) => i).filter((i) => !hidden.includes(i));
  return {
    px: Float32Array.from(points.map((p) => p[0])),
    py: Float32Array.from(points.map((p) => p[1])),
    radius: new Float32Array(points.length).fill(4),
    colour: new Uint8Array(points.length),
    visible,
    onScreen: Uint8Array.from(points, (_, i) => (hidden.includes(i) ? 0 : 1)),
  };
}

const arbPoint = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 300 }));

describe('box selection', () => {
  const layout = at([
    [10, 10],
    [50, 50],
    [50, 50],
    [90, 20],
    [200, 200],
  ]);
  const index = layout;

  it('normalises a box dragged in any direction', () => {
    expect(boxOf([90, 20], [10, 60])).toEqual({ x0: 10, y0: 20, x1: 90, y1: 60 });
  });

  it('selects the points inside, edges included, and every point drawn on the same pixel', () => {
    expect(pointsInBox(index, boxOf([0, 0], [100, 60]))).toEqual([0, 1, 2, 3]);
    expect(pointsInBox(index, boxOf([50, 50], [90, 20]))).toEqual([1, 2, 3]);
    expect(pointsInBox(index, boxOf([300, 300], [400, 400]))).toEqual([]);
  });

  it('never selects points that are off screen', () => {
    const partly = at(
      [
        [10, 10],
        [20, 20],
      ],
      [1],
    );
    expect(pointsInBox(partly, boxOf([0, 0], [100, 100]))).toEqual([0]);
  });

  it('agrees with checking every point', () => {
    fc.assert(
      fc.property(fc.array(arbPoint, { maxLength: 300 }), arbPoint, arbPoint, (points, a, b) => {
        const box = boxOf(a, b);
        const expected = points.flatMap(([x, y], i) => (x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1 ? [i] : []));
        expect(pointsInBox(at(points), box)).toEqual(expected);
      }),
    );
  });
});

describe('lasso selection', () => {
  const layout = at([
    [10, 10],
    [50, 50],
    [90, 12],
    [60, 80],
  ]);
  const index = layout;
  const triangle: Point[] = [
    [0, 0],
    [100, 0],
    [50, 70],
  ];

  it('selects the points inside the polygon, not merely inside its bounding box', () => {
    expect(pointsInLasso(index, triangle)).toEqual([0, 1, 2]);
    expect(pointsInLasso(index, [[0, 0], [100, 0], [100, 30]])).toEqual([2]);
  });

  it('selects nothing until the lasso encloses an area', () => {
    expect(pointsInLasso(index, [])).toEqual([]);
    expect(pointsInLasso(index, [[0, 0], [100, 100]])).toEqual([]);
  });

  it('agrees with testing every point against the polygon', () => {
    fc.assert(
      fc.property(fc.array(arbPoint, { maxLength: 200 }), fc.array(arbPoint, { minLength: 3, maxLength: 12 }), (points, polygon) => {
        const expected = points.flatMap((p, i) => (polygonContains(polygon, [p[0], p[1]]) ? [i] : []));
        // Float32 pixels are exact for these integers, so both sides test the same coordinates.
        expect(pointsInLasso(at(points), polygon)).toEqual(expected);
      }),
    );
  });

  it('records a pointer position only after it moved far enough', () => {
    const start: readonly Point[] = [[0, 0]];
    expect(extendLasso(start, [1, 1], 3)).toBe(start);
    expect(extendLasso(start, [3, 0], 3)).toEqual([
      [0, 0],
      [3, 0],
    ]);
    expect(extendLasso([], [5, 5], 3)).toEqual([[5, 5]]);
  });

  it('draws as a closed path', () => {
    expect(lassoPath(triangle)).toBe('M0,0L100,0L50,70Z');
  });
});

describe('selection by id', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('turns point indexes into ids and back', () => {
    expect(idsAt(ids, [3, 1, 9])).toEqual(['d', 'b']);
    const index = new Map(ids.map((id, i) => [id, i]));
    expect(indexesOf(index, new Set(['d', 'b', 'gone']))).toEqual([1, 3]);
    expect(indexesOf(index, new Set())).toEqual([]);
  });

  it('gives back the indexes a box picked, so the view may be told them instead of looking them up', () => {
    const arbPicked = fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 60 }).map((xs) => xs.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 60, maxLength: 60 }), arbPicked, (someIds, picked) => {
        const index = new Map(someIds.map((id, i) => [id, i]));
        expect(indexesOf(index, new Set(idsAt(someIds, picked)))).toEqual(picked);
      }),
    );
  });
});

describe('a finished marquee', () => {
  const layout = at([
    [10, 10],
    [50, 50],
    [90, 20],
  ]);
  const same = (x: number, y: number) => ({ x, y });

  it('selects in the layout’s pixels, mapped from the screen’s', () => {
    expect(pointsInMarquee(layout, { kind: 'box', box: boxOf([0, 0], [60, 60]) }, same)).toEqual([0, 1]);
    // Mid-zoom the screen is the layout scaled by 2: the screen box (0,0)–(60,60) covers layout (0,0)–(30,30).
    expect(pointsInMarquee(layout, { kind: 'box', box: boxOf([0, 0], [60, 60]) }, (x, y) => ({ x: x / 2, y: y / 2 }))).toEqual([0]);
    const lasso: Point[] = [
      [0, 0],
      [200, 0],
      [200, 60],
    ];
    expect(pointsInMarquee(layout, { kind: 'lasso', points: lasso }, same)).toEqual([2]);
  });
});

describe('ring keys', () => {
  const quarter = (v: number) => Math.round(v * 4);
  const arbRing = fc.tuple(
    fc.double({ min: -(2 ** 17) + 1, max: 2 ** 17 - 1, noNaN: true }),
    fc.double({ min: -(2 ** 17) + 1, max: 2 ** 17 - 1, noNaN: true }),
    fc.double({ min: 0, max: 1023, noNaN: true }),
  );

  it('are equal exactly when two rings fall on the same quarter pixel with the same quarter-pixel radius', () => {
    fc.assert(
      fc.property(arbRing, arbRing, ([x, y, r], [u, v, s]) => {
        const same = quarter(x) === quarter(u) && quarter(y) === quarter(v) && quarter(r) === quarter(s);
        expect(ringKey(x, y, r) === ringKey(u, v, s)).toBe(same);
      }),
    );
  });

  it('are equal exactly when rings a fraction of a pixel apart round to the same quarter pixels', () => {
    const nudge = fc.double({ min: -0.4, max: 0.4, noNaN: true });
    fc.assert(
      fc.property(arbRing, nudge, nudge, nudge, ([x, y, r], dx, dy, dr) => {
        const [u, v, s] = [x + dx, y + dy, Math.max(0, r + dr)];
        const same = quarter(x) === quarter(u) && quarter(y) === quarter(v) && quarter(r) === quarter(s);
        expect(ringKey(x, y, r) === ringKey(u, v, s)).toBe(same);
      }),
    );
  });

  it('tell neighbouring rings apart', () => {
    expect(ringKey(10, 10, 5)).not.toBe(ringKey(10.25, 10, 5));
    expect(ringKey(10, 10, 5)).not.toBe(ringKey(10, 10.25, 5));
    expect(ringKey(10, 10, 5)).not.toBe(ringKey(10, 10, 5.25));
    expect(ringKey(10, 10, 5)).toBe(ringKey(10.1, 9.9, 5.1));
  });
});
