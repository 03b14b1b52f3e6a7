import { describe, expect, it } from 'vitest';
import { PaintOrderBuilder, paintOrder } from './paint-order.js';
import type { PointLayout } from './point-layout.js';

function layoutOf(points: readonly (readonly [x: number, y: number, r: number, colour: number])[]): PointLayout {
  return {
    px: Float32Array.from(points.map((p) => p[0])),
    py: Float32Array.from(points.map((p) => p[1])),
    radius: Float32Array.from(points.map((p) => p[2])),
    colour: Uint8Array.from(points.map((p) => p[3])),
    visible: points.map((_, i) => i),
    onScreen: new Uint8Array(points.length).fill(1),
  };
}

describe('paintOrder', () => {
  it('groups points by colour, in item order within a colour', () => {
    const layout = layoutOf([
      [10, 10, 4, 2],
      [20, 10, 4, 0],
      [30, 10, 4, 2],
      [40, 10, 4, 1],
    ]);
    const { order, starts } = paintOrder(layout, 3);
    expect([...order]).toEqual([1, 3, 0, 2]);
    expect([...starts]).toEqual([0, 1, 2, 4]);
  });

  it('draws a spot once per colour and size, keeping points that differ in any of them', () => {
    const layout = layoutOf([
      [10, 10, 4, 0],
      [10, 10, 4, 0], // a repeat
      [10.01, 10, 4, 0], // within 1/16 px: a repeat
      [10.2, 10, 4, 0], // moved: kept
      [10, 10, 5, 0], // bigger: kept
      [10, 10, 4, 1], // another colour: kept
    ]);
    expect([...paintOrder(layout, 2).order]).toEqual([0, 3, 4, 5]);
  });

  it('skips points that are off screen', () => {
    const layout = { ...layoutOf([
      [10, 10, 4, 0],
      [20, 10, 4, 0],
    ]), visible: [1] };
    expect([...paintOrder(layout, 1).order]).toEqual([1]);
  });

  it('gives the same order built a range at a time', () => {
    const layout = layoutOf(Array.from({ length: 5_000 }, (_, i) => [(i * 37) % 300, (i * 11) % 200, 3 + (i % 3), i % 9] as const));
    const builder = new PaintOrderBuilder(layout, 9);
    for (let from = 0; from < 5_000; from += 700) builder.add(from, Math.min(5_000, from + 700));
    expect(builder.finish()).toEqual(paintOrder(layout, 9));
  });
});
