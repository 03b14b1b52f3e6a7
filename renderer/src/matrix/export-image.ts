import type { PointLayout } from './point-layout.js';

export interface ExportFrame {
  readonly width: number;
  readonly height: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The visible points as SVG circles, painted like the canvas (same colours, same order). */
export function circlesMarkup(layout: PointLayout, colourOf: (index: number) => string): string {
  const parts: string[] = [];
  for (const i of layout.visible) {
    parts.push(
      `<circle cx="${String(round(layout.px[i] ?? 0))}" cy="${String(round(layout.py[i] ?? 0))}" r="${String(round(layout.radius[i] ?? 0))}" fill="${colourOf(layout.colour[i] ?? 0)}" fill-opacity="0.75" stroke="#ffffff" stroke-width="0.75"/>`,
    );
  }
  return `<g class="points">${parts.join('')}</g>`;
}

/**
 * A standalone SVG of the matrix: a white background, the points, then the overlay's own markup
 * (axes, labels, quadrant lines, highlight), which carries its styles as attributes for this reason.
 */
export function matrixSvg(frame: ExportFrame, points: string, overlayInner: string): string {
  const { width, height } = frame;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(width)} ${String(height)}" font-family="sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${points}${overlayInner}</svg>`
  );
}

/** Offers a blob as a download; the blob URL lives only until the click has been handled. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  // A detached anchor is the browser's way to name a download; it never joins the document React owns.
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1_000);
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      resolve(image);
    };
    image.onerror = () => {
      reject(new Error('The matrix overlay could not be drawn as an image.'));
    };
    image.src = url;
  });
}

/** The canvas's points with the overlay composited on top, at the canvas's pixel density, as a PNG. */
export async function matrixPng(canvas: HTMLCanvasElement, overlaySvg: string): Promise<Blob> {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot draw the matrix into an image.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  const url = URL.createObjectURL(new Blob([overlaySvg], { type: 'image/svg+xml' }));
  try {
    const overlay = await loadImage(url);
    ctx.drawImage(overlay, 0, 0, out.width, out.height);
  } finally {
    URL.revokeObjectURL(url);
  }
  return new Promise((resolve, reject) => {
    out.toBlob((blob) => {
      if (blob === null) reject(new Error('The matrix image could not be encoded as PNG.'));
      else resolve(blob);
    }, 'image/png');
  });
}
