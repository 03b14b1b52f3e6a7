import { useRef } from 'react';
import type { Domain } from '../matrix/axes.js';
import { pinchView, spreadOf, type AxisFrame, type Spread } from '../matrix/pinch.js';
import type { Point } from '../matrix/selection.js';

interface Pinch {
  readonly ids: readonly [number, number];
  readonly start: Spread;
  readonly x: AxisFrame;
  readonly y: AxisFrame;
}

/**
 * Two-finger pinch on a touch screen, from pointer events: the first two touches on the plot zoom around
 * their midpoint and pan with it. Each handler answers true when it consumed the event, so the plot's own
 * drag and click handling stays out of a pinch.
 */
export function usePinchZoom(apply: (view: { x: Domain; y: Domain }) => void) {
  const touches = useRef(new Map<number, Point>());
  const pinch = useRef<Pinch | null>(null);
  return {
    /** Records a touch; with a second one down, a pinch starts from the axes as they are now. */
    down(id: number, pointerType: string, at: Point, frames: { x: AxisFrame; y: AxisFrame }): boolean {
      if (pointerType !== 'touch') return false;
      touches.current.set(id, at);
      if (touches.current.size < 2) return false;
      if (pinch.current === null) {
        const [a, b] = [...touches.current.entries()];
        if (a !== undefined && b !== undefined) pinch.current = { ids: [a[0], b[0]], start: spreadOf(a[1], b[1]), ...frames };
      }
      return true;
    },
    move(id: number, at: Point): boolean {
      if (!touches.current.has(id)) return false;
      touches.current.set(id, at);
      const p = pinch.current;
      if (p === null) return false;
      const a = touches.current.get(p.ids[0]);
      const b = touches.current.get(p.ids[1]);
      if (a !== undefined && b !== undefined) apply(pinchView(p.x, p.y, p.start, spreadOf(a, b)));
      return true;
    },
    /** A touch lifted or cancelled; lifting either pinching finger ends the pinch. */
    up(id: number): boolean {
      const known = touches.current.delete(id);
      const p = pinch.current;
      if (p === null) return false;
      if (p.ids.includes(id)) pinch.current = null;
      return known;
    },
  };
}
