import { pinchDomain, type AxisSpec, type Domain } from './axes.js';
import type { Point } from './selection.js';

/** A mouse wheel notch (about 100 px) zooms by about a fifth. */
const WHEEL_RATE = 0.002;
/**
 * Browsers report a trackpad pinch as wheel events with ctrlKey set, and deltaY = −100 · ln(scale) of the
 * fingers' movement (Chromium, Firefox and Safari alike); this rate makes the plot follow the fingers.
 */
const PINCH_RATE = 0.01;
/** WheelEvent.deltaMode 1 counts lines and 2 pages (Firefox with a mouse wheel); in pixels they are about these. */
const LINE_PX = 16;
const PAGE_PX = 400;

/** The zoom factor (>1 zooms in) of one wheel event, whether a mouse wheel or a trackpad pinch sent it. */
export function wheelZoomFactor(e: { readonly deltaY: number; readonly deltaMode: number; readonly ctrlKey: boolean }): number {
  const pixels = e.deltaMode === 1 ? e.deltaY * LINE_PX : e.deltaMode === 2 ? e.deltaY * PAGE_PX : e.deltaY;
  return Math.exp(-pixels * (e.ctrlKey ? PINCH_RATE : WHEEL_RATE));
}

/** Two touches: where their midpoint is and how far apart they are. */
export interface Spread {
  readonly mid: Point;
  readonly distance: number;
}

export function spreadOf(a: Point, b: Point): Spread {
  return { mid: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], distance: Math.hypot(a[0] - b[0], a[1] - b[1]) };
}

/** An axis as the gesture started: its kind, domain and the inner pixel range the domain is scaled onto. */
export interface AxisFrame {
  readonly kind: AxisSpec['kind'];
  readonly domain: Domain;
  readonly inner: Domain;
}

/** Fingers closer than this cannot give a steady ratio; below it the pinch only pans. */
const MIN_SPREAD_PX = 8;

/**
 * The view for a two-finger pinch, always measured from where it started (not frame to frame, so rounding
 * never accumulates): what lay under the starting midpoint stays under the current one, scaled by how much
 * the fingers spread.
 */
export function pinchView(x: AxisFrame, y: AxisFrame, start: Spread, now: Spread): { x: Domain; y: Domain } {
  const factor = start.distance < MIN_SPREAD_PX || now.distance < MIN_SPREAD_PX ? 1 : now.distance / start.distance;
  return {
    x: pinchDomain(x.kind, x.domain, x.inner, start.mid[0], now.mid[0], factor),
    y: pinchDomain(y.kind, y.domain, y.inner, start.mid[1], now.mid[1], factor),
  };
}
