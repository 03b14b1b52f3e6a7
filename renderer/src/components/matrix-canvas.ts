import type { Projection } from '../matrix/axes.js';
import { PaintOrderBuilder } from '../matrix/paint-order.js';
import { isIdentity, transformBetween } from '../matrix/pixel-transform.js';
import type { PlotRect } from '../matrix/plot-rect.js';
import type { PointLayout } from '../matrix/point-layout.js';
import { runInSlices } from '../matrix/time-slices.js';

/** Circles drawn and rasterised between two clock checks: a few ms of raster even on a software canvas. */
const PAINT_STEP = 1_000;
/**
 * Above this many circles the white outline is left off: it doubles the raster work (6k circles on a software
 * canvas: ~110 ms with outlines, ~60 ms without) and is lost in the crowd anyway.
 */
const OUTLINE_UP_TO = 5_000;

/** A picture of the points and the view it was drawn for. */
interface Picture {
  readonly canvas: OffscreenCanvas;
  readonly pixelRatio: number;
  readonly x: Projection;
  readonly y: Projection;
}

/** What to draw: a layout and the projections it was computed with. */
export interface Scene {
  readonly layout: PointLayout;
  readonly x: Projection;
  readonly y: Projection;
  readonly rect: PlotRect;
  readonly pixelRatio: number;
  readonly colourCount: number;
}

/** The view the screen shows now, which may be mid-gesture, ahead of the last exact picture. */
export interface LiveView {
  readonly x: Projection;
  readonly y: Projection;
  readonly rect: PlotRect;
  readonly pixelRatio: number;
}

/**
 * Draws the matrix's points on a canvas in two ways. `paint` draws a layout exactly into a back
 * buffer, a few thousand circles per task so no task blocks input for long, and shows the buffer
 * once it is complete (the screen never shows half a picture). `show` puts the last complete
 * picture where the current view places it: during a zoom or pan that is one scaled copy of a bitmap
 * per frame instead of re-laying out and re-rasterising 100k circles, and the exact picture follows
 * when the gesture settles and a new layout arrives.
 */
export class MatrixPainter {
  private front: Picture | null = null;
  /** The buffer of the picture before the front one, reused: a new canvas costs an allocation and a clear of megabytes. */
  private spare: OffscreenCanvas | null = null;
  private live: LiveView | null = null;
  private job = 0;

  constructor(
    private readonly target: HTMLCanvasElement,
    private readonly colourOf: (index: number) => string,
  ) {}

  /** Resolves true once the scene is on screen, false when a newer paint replaced it first. */
  async paint(scene: Scene): Promise<boolean> {
    const job = ++this.job;
    const { layout, rect, pixelRatio, colourCount } = scene;
    const width = Math.max(1, Math.round(rect.width * pixelRatio));
    const height = Math.max(1, Math.round(rect.height * pixelRatio));
    const spare = this.spare;
    this.spare = null;
    const canvas = spare !== null && spare.width === width && spare.height === height ? spare : new OffscreenCanvas(width, height);
    // CPU-backed, so the 1-pixel read below rasterises each slice as it is drawn, not all at the end.
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx === null) return false;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    ctx.globalAlpha = 0.75;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 0.75;
    const isCurrent = () => job === this.job;
    const builder = new PaintOrderBuilder(layout, colourCount);
    const ordered = await runInSlices(
      layout.visible.length,
      (from, to) => {
        builder.add(from, to);
      },
      { isCurrent, step: 20_000, startNow: false },
    );
    if (!ordered) {
      this.spare = canvas;
      return false;
    }
    const { order, starts } = builder.finish();
    const outline = order.length <= OUTLINE_UP_TO;
    const { px, py, radius } = layout;
    const done = await runInSlices(
      order.length,
      (from, to) => {
        for (let c = 0; c < colourCount; c++) {
          const start = Math.max(from, starts[c] ?? 0);
          const end = Math.min(to, starts[c + 1] ?? 0);
          if (start >= end) continue;
          ctx.beginPath();
          for (let k = start; k < end; k++) {
            const i = order[k] ?? 0;
            const x = px[i] ?? 0;
            const y = py[i] ?? 0;
            const r = radius[i] ?? 0;
            ctx.moveTo(x + r, y);
            ctx.arc(x, y, r, 0, 2 * Math.PI);
          }
          ctx.fillStyle = this.colourOf(c);
          ctx.fill();
          if (outline) ctx.stroke();
        }
        ctx.getImageData(0, 0, 1, 1);
      },
      { isCurrent, step: PAINT_STEP },
    );
    if (!done) {
      this.spare = canvas;
      return false;
    }
    this.spare = this.front?.canvas ?? null;
    this.front = { canvas, pixelRatio, x: scene.x, y: scene.y };
    this.present();
    performance.mark('paydown:matrix-drawn', { detail: { points: layout.visible.length, circles: order.length } });
    return true;
  }

  /** Moves the last complete picture to the current view; a render that leaves the view alone costs nothing. */
  show(live: LiveView): void {
    const last = this.live;
    this.live = live;
    const same =
      last !== null && last.x === live.x && last.y === live.y && last.pixelRatio === live.pixelRatio && last.rect.width === live.rect.width && last.rect.height === live.rect.height;
    if (!same) this.present();
  }

  dispose(): void {
    this.job += 1;
  }

  private present(): void {
    const { front, live, target } = this;
    if (front === null || live === null) return;
    const ctx = target.getContext('2d');
    if (ctx === null) return;
    const { rect, pixelRatio } = live;
    const width = Math.round(rect.width * pixelRatio);
    const height = Math.round(rect.height * pixelRatio);
    if (target.width !== width) target.width = width;
    if (target.height !== height) target.height = height;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const t = transformBetween(front.x, front.y, live.x, live.y);
    if (isIdentity(t) && front.pixelRatio === pixelRatio && front.canvas.width === width && front.canvas.height === height) {
      ctx.drawImage(front.canvas, 0, 0);
      return;
    }
    ctx.save();
    ctx.beginPath();
    ctx.rect(rect.left * pixelRatio, rect.top * pixelRatio, (rect.right - rect.left) * pixelRatio, (rect.bottom - rect.top) * pixelRatio);
    ctx.clip();
    // The picture is in device pixels of its own ratio; the transform is in CSS pixels.
    const scale = pixelRatio / front.pixelRatio;
    ctx.setTransform(t.ax * scale, 0, 0, t.ay * scale, t.bx * pixelRatio, t.by * pixelRatio);
    ctx.drawImage(front.canvas, 0, 0);
    ctx.restore();
  }
}
