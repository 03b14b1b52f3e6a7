/** The drawing's size and the plot area inside its margins, in CSS pixels. */
export interface PlotRect {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const MARGIN = { left: 64, top: 12, right: 16, bottom: 48 } as const;

export function plotRect(width: number, height: number): PlotRect {
  return {
    width,
    height,
    left: MARGIN.left,
    top: MARGIN.top,
    right: Math.max(MARGIN.left + 10, width - MARGIN.right),
    bottom: Math.max(MARGIN.top + 10, height - MARGIN.bottom),
  };
}
