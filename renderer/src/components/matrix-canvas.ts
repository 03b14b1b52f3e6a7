import type { PointLayout } from '../matrix/point-layout.js';

/** Points painted per frame: canvas raster happens when the frame is drawn, so a 100k repaint is spread over ten frames. */
export const PAINT_CHUNK = 10_000;
/** Above this many points the white outline is left off: it doubles the raster work and is lost in the crowd. */
const OUTLINE_UP_TO = 20_000;

export interface PaintTarget {
  readonly ctx: CanvasRenderingContext2D;
  readonly colourOf: (index: number) => string;
  readonly colourCount: number;
  readonly outline: boolean;
}

/** Sizes the canvas for the device's pixel ratio and clears it; null when the canvas cannot draw. */
export function preparePaint(
  canvas: HTMLCanvasElement,
  layout: PointLayout,
  size: { width: number; height: number },
  pixelRatio: number,
  colourOf: (index: number) => string,
  colourCount: number,
): PaintTarget | null {
  const ctx = canvas.getContext('2d');
  if (ctx === null) return null;
  const width = Math.round(size.width * pixelRatio);
  const height = Math.round(size.height * pixelRatio);
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  return { ctx, colourOf, colourCount, outline: layout.visible.length <= OUTLINE_UP_TO };
}

/**
 * Paints visible points [from, to). One path per colour: a fill per point would cost 100k state
 * changes, a fill per colour costs nine.
 */
export function paintSlice(target: PaintTarget, layout: PointLayout, from: number, to: number): void {
  const { ctx, colourOf, colourCount, outline } = target;
  const visible = layout.visible;
  const end = Math.min(to, visible.length);
  ctx.globalAlpha = 0.75;
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 0.75;
  for (let c = 0; c < colourCount; c++) {
    ctx.beginPath();
    let any = false;
    for (let k = from; k < end; k++) {
      const i = visible[k] ?? 0;
      if (layout.colour[i] !== c) continue;
      const x = layout.px[i] ?? 0;
      const y = layout.py[i] ?? 0;
      const r = layout.radius[i] ?? 0;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      any = true;
    }
    if (!any) continue;
    ctx.fillStyle = colourOf(c);
    ctx.fill();
    if (outline) ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Runs `work` under a named performance measure, which e2e/perf/matrix.bench.ts reads; unread, it costs nothing. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  const result = work();
  performance.measure(name, { start });
  return result;
}
