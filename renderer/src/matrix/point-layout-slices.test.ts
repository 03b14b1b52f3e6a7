import { describe, expect, it } from 'vitest';
import { AXES, project } from './axes.js';
import { hitTest, hitTestByScan, indexPoints, indexPointsInSlices, layoutPoints, layoutPointsInSlices, type PointStyle } from './point-layout.js';
import type { Schedule } from './time-slices.js';

/** 3,000 points on a log x axis and a linear y axis, some at 0 and ∞, some off screen. */
const N = 3_000;
const xValues = Float64Array.from({ length: N }, (_, i) => (i % 50 === 0 ? 0 : i % 77 === 0 ? Number.POSITIVE_INFINITY : 0.05 * 1.003 ** i));
const yValues = Float64Array.from({ length: N }, (_, i) => 1 + ((i * 7) % 25));
const x = { values: xValues, projection: project(AXES.roi, [0.1, 10], 64, 800) };
const y = { values: yValues, projection: project(AXES.risk, [0.5, 25.5], 440, 12) };
const style: PointStyle = { radius: new Float32Array(N).fill(4), colour: new Uint8Array(N) };

/** Runs every queued slice by hand and counts them. */
function manual(): { schedule: Schedule; drain: () => number } {
  const pending: (() => void)[] = [];
  return {
    schedule: (next) => pending.push(next),
    drain: () => {
      let slices = 1;
      while (pending.length > 0) {
        pending.shift()?.();
        slices += 1;
      }
      return slices;
    },
  };
}

describe('layout and index in time slices', () => {
  it('lays out exactly as one pass does, over several slices', async () => {
    const { schedule, drain } = manual();
    const sliced = layoutPointsInSlices(N, x, y, style, { schedule, budgetMs: 0, step: 1_000 });
    expect(drain()).toBe(3);
    const laid = await sliced;
    expect(laid).toEqual(layoutPoints(N, x, y, style));
    // Some points are off screen, and onScreen marks exactly the listed ones.
    expect(laid?.visible.length).toBeLessThan(N);
    expect(laid?.onScreen.reduce((n, v) => n + v, 0)).toBe(laid?.visible.length);
    expect(laid?.visible.every((i) => laid.onScreen[i] === 1)).toBe(true);
  });

  it('answers null once a newer layout has started', async () => {
    let current = true;
    const { schedule, drain } = manual();
    const sliced = layoutPointsInSlices(N, x, y, style, { schedule, budgetMs: 0, step: 1_000, isCurrent: () => current });
    current = false;
    drain();
    expect(await sliced).toBeNull();
  });

  it('builds a quadtree that finds what the one-pass quadtree finds', async () => {
    const layout = layoutPoints(N, x, y, style);
    let slices = 0;
    const tree = await indexPointsInSlices(layout, {
      schedule: (next) => {
        slices += 1;
        setTimeout(next, 0);
      },
      budgetMs: 0,
      step: 500,
    });
    expect(slices).toBeGreaterThan(1);
    if (tree === null) throw new Error('the index was cancelled');
    const whole = indexPoints(layout);
    expect(tree.size()).toBeLessThan(whole.size()); // one point per position
    for (let px = 60; px < 810; px += 17) {
      for (let py = 5; py < 450; py += 13) {
        expect(hitTest(tree, px, py, 14)).toBe(hitTest(whole, px, py, 14));
      }
    }
  });

  it('finds the same distance by scanning as the quadtree does', () => {
    const layout = layoutPoints(N, x, y, style);
    const tree = indexPoints(layout);
    const distance = (i: number | null, px: number, py: number) => (i === null ? null : Math.hypot((layout.px[i] ?? 0) - px, (layout.py[i] ?? 0) - py));
    for (let px = 60; px < 810; px += 23) {
      for (let py = 5; py < 450; py += 19) {
        const scanned = distance(hitTestByScan(layout, px, py, 14), px, py);
        const found = distance(hitTest(tree, px, py, 14), px, py);
        if (found === null) expect(scanned).toBeNull();
        else expect(scanned).toBeCloseTo(found, 5);
      }
    }
  });
});
