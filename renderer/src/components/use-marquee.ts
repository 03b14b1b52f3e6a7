import { useRef, useState } from 'react';
import { invertTransform, type PixelTransform } from '../matrix/pixel-transform.js';
import type { PointLayout } from '../matrix/point-layout.js';
import { boxOf, extendLasso, pointsInMarquee, type Marquee, type Point } from '../matrix/selection.js';

/** Lasso corners closer than this add nothing a hand can aim at. */
const LASSO_STEP_PX = 3;

/**
 * A box or lasso dragged over the plot. The overlay draws `marquee`; on `finish` the points it encloses
 * are handed to `onPick`. The ref holds the shape as events build it, because several pointer events can
 * arrive before React renders the state.
 */
export function useMarquee(layout: PointLayout, transform: PixelTransform, onPick: (indexes: number[]) => void) {
  const [marquee, setMarquee] = useState<Marquee | null>(null);
  const drawing = useRef<{ origin: Point; shape: Marquee } | null>(null);
  const show = (next: { origin: Point; shape: Marquee } | null) => {
    drawing.current = next;
    setMarquee(next?.shape ?? null);
  };
  return {
    marquee,
    begin(kind: Marquee['kind'], origin: Point) {
      show({ origin, shape: kind === 'box' ? { kind, box: boxOf(origin, origin) } : { kind, points: [origin] } });
    },
    extend(p: Point) {
      const current = drawing.current;
      if (current === null) return;
      const { origin, shape } = current;
      if (shape.kind === 'box') {
        show({ origin, shape: { kind: 'box', box: boxOf(origin, p) } });
        return;
      }
      const points = extendLasso(shape.points, p, LASSO_STEP_PX);
      if (points !== shape.points) show({ origin, shape: { kind: 'lasso', points } });
    },
    /** Selects what the shape encloses; false when no shape was being drawn. */
    finish(): boolean {
      const shape = drawing.current?.shape;
      show(null);
      if (shape === undefined) return false;
      onPick(pointsInMarquee(layout, shape, (x, y) => invertTransform(transform, x, y)));
      return true;
    },
    cancel() {
      if (drawing.current !== null) show(null);
    },
  };
}
