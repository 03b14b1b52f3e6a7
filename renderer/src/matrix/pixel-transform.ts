import type { Projection } from './axes.js';

/**
 * How a drawn picture moves between two views of the same axes: x' = ax·x + bx, y' = ay·y + by.
 * A projection is linear in the axis's own terms (log10 of the value on a log axis), so any zoom or
 * pan of the domain is exactly this affine map on the scaled part of the plot; only the 0 and ∞ edge
 * strips stay put, and those are redrawn exactly once the gesture settles.
 */
export interface PixelTransform {
  readonly ax: number;
  readonly bx: number;
  readonly ay: number;
  readonly by: number;
}

export const IDENTITY: PixelTransform = { ax: 1, bx: 0, ay: 1, by: 0 };

/** The map a ↦ scale·a + offset taking pixels of `from` to the pixels of the same values under `to`. */
function axisMap(from: Projection, to: Projection): { scale: number; offset: number } {
  if (from === to) return { scale: 1, offset: 0 };
  const [p0, p1] = from.inner;
  const q0 = to.at(from.invert(p0));
  const q1 = to.at(from.invert(p1));
  const scale = p1 === p0 ? 1 : (q1 - q0) / (p1 - p0);
  if (!Number.isFinite(scale) || !Number.isFinite(q0)) return { scale: 1, offset: 0 };
  return { scale, offset: q0 - scale * p0 };
}

/** The transform from a picture drawn under (fromX, fromY) to where its points lie under (toX, toY). */
export function transformBetween(fromX: Projection, fromY: Projection, toX: Projection, toY: Projection): PixelTransform {
  const x = axisMap(fromX, toX);
  const y = axisMap(fromY, toY);
  return { ax: x.scale, bx: x.offset, ay: y.scale, by: y.offset };
}

export function isIdentity(t: PixelTransform): boolean {
  return t.ax === 1 && t.bx === 0 && t.ay === 1 && t.by === 0;
}

/** Where a point of the drawn picture is now. */
export function applyTransform(t: PixelTransform, x: number, y: number): { x: number; y: number } {
  return { x: t.ax * x + t.bx, y: t.ay * y + t.by };
}

/** Which point of the drawn picture is under (x, y) now: how the pointer is hit-tested mid-gesture. */
export function invertTransform(t: PixelTransform, x: number, y: number): { x: number; y: number } {
  return { x: (x - t.bx) / t.ax, y: (y - t.by) / t.ay };
}
