import { useEffect, useRef } from 'react';
import { applyTransform, type PixelTransform } from '../matrix/pixel-transform.js';
import { ringKey } from '../matrix/selection.js';
import type { PlotRect } from '../matrix/plot-rect.js';
import type { PointLayout } from '../matrix/point-layout.js';

interface SelectionLayerProps {
  readonly layout: PointLayout;
  readonly transform: PixelTransform;
  readonly rect: PlotRect;
  readonly pixelRatio: number;
  /** Indexes of the items picked with a box or lasso. */
  readonly picked: readonly number[];
}

/**
 * Rings around the items picked for a bulk action, on a canvas of their own above the points: thousands
 * of picked items would be thousands of SVG nodes, and the points' canvas is repainted in slices.
 */
export function MatrixSelectionLayer({ layout, transform, rect, pixelRatio, picked }: SelectionLayerProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  /** Whether the canvas holds rings: a blank one is left alone, unsized (sizing allocates megabytes of bitmap). */
  const inked = useRef(false);
  const anyPicked = picked.length > 0;
  // The plot hands a new transform object every render mid-gesture; its numbers say whether the rings moved.
  const { ax, bx, ay, by } = transform;

  useEffect(() => {
    const canvas = ref.current;
    if (canvas === null || (!anyPicked && !inked.current)) return;
    const width = Math.max(1, Math.round(rect.width * pixelRatio));
    const height = Math.max(1, Math.round(rect.height * pixelRatio));
    // Resizing reallocates the bitmap; this runs every frame of a zoom while items are picked, so the same
    // size is only cleared.
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    inked.current = anyPicked;
    if (!anyPicked) return;
    // Saved and restored: a kept canvas keeps its state, and clips would otherwise pile up frame after frame.
    ctx.save();
    ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
    ctx.beginPath();
    ctx.rect(rect.left, rect.top, rect.right - rect.left, rect.bottom - rect.top);
    ctx.clip();
    ctx.beginPath();
    // Items often share a spot (100k items sit on a few thousand): one ring per spot and size, as stroking
    // 10k overlapping rings twice took a 100 ms task on a software canvas.
    const drawn = new Set<number>();
    for (const i of picked) {
      if (layout.onScreen[i] !== 1) continue;
      const { x, y } = applyTransform({ ax, bx, ay, by }, layout.px[i] ?? 0, layout.py[i] ?? 0);
      const r = (layout.radius[i] ?? 0) + 2.5;
      // Mid-gesture the picture moves ahead of the layout, so an item laid out on screen may be off it now.
      if (x + r < rect.left || x - r > rect.right || y + r < rect.top || y - r > rect.bottom) continue;
      const key = ringKey(x, y, r);
      if (drawn.has(key)) continue;
      drawn.add(key);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    // A light halo under a dark ring shows on every point colour and on the white background.
    ctx.lineWidth = 4;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
    ctx.lineWidth = 2;
    ctx.strokeStyle = '#19212d';
    ctx.stroke();
    ctx.restore();
  }, [layout, ax, bx, ay, by, rect.width, rect.height, rect.left, rect.top, rect.right, rect.bottom, pixelRatio, picked, anyPicked]);

  return <canvas ref={ref} className="matrix-selection-canvas" style={{ width: rect.width, height: rect.height }} aria-hidden="true" data-picked={picked.length} />;
}
