import type { Ref } from 'react';
import type { AxisSpec, Projection } from '../matrix/axes.js';
import type { PlotRect } from '../matrix/plot-rect.js';
import { QUADRANT_NAMES } from '../matrix/quadrants.js';
import { lassoPath, type Marquee } from '../matrix/selection.js';

export interface Ring {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly kind: 'hover' | 'active' | 'selected';
}

interface OverlayProps {
  readonly svgRef: Ref<SVGSVGElement>;
  readonly rect: PlotRect;
  readonly x: { spec: AxisSpec; projection: Projection };
  readonly y: { spec: AxisSpec; projection: Projection };
  /** Pixel positions of the quadrant lines, or null where the axis is not the quadrant's risk/ROI. */
  readonly lines: { x: number | null; y: number | null };
  readonly quadrantLabels: boolean;
  readonly rings: readonly Ring[];
  readonly errorBar: { x0: number; x1: number; y: number } | null;
  /** The box or lasso being dragged, if any. */
  readonly marquee: Marquee | null;
}

// Styles are attributes, not CSS classes, so the exported SVG and PNG look like the screen.
const AXIS = '#556070';
const TEXT = '#19212d';
const RING: Readonly<Record<Ring['kind'], { stroke: string; dash?: string; width: number }>> = {
  hover: { stroke: '#19212d', width: 1.5 },
  active: { stroke: '#2353c9', dash: '3 2', width: 2 },
  selected: { stroke: '#2353c9', width: 2.5 },
};
const MARQUEE = { stroke: '#2353c9', fill: 'rgba(35, 83, 201, 0.08)', dash: '5 3' } as const;

/** Axes, labels, quadrant lines and highlights above the canvas; pointer events pass through to the plot. */
export function MatrixOverlay({ svgRef, rect, x, y, lines, quadrantLabels, rings, errorBar, marquee }: OverlayProps) {
  const { width, height, left, top, right, bottom } = rect;
  return (
    <svg ref={svgRef} className="matrix-overlay" width={width} height={height} viewBox={`0 0 ${String(width)} ${String(height)}`} aria-hidden="true">
      <defs>
        <clipPath id="matrix-clip">
          <rect x={left} y={top} width={right - left} height={bottom - top} />
        </clipPath>
      </defs>
      <rect x={left} y={top} width={right - left} height={bottom - top} fill="none" stroke="#d7dce3" />
      <g fontSize="11" fill={AXIS}>
        {x.projection.ticks.map((t) => (
          <g key={`x${String(t.value)}`}>
            <line x1={t.px} x2={t.px} y1={bottom} y2={bottom + 5} stroke={AXIS} />
            <text x={t.px} y={bottom + 17} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {y.projection.ticks.map((t) => (
          <g key={`y${String(t.value)}`}>
            <line x1={left - 5} x2={left} y1={t.px} y2={t.px} stroke={AXIS} />
            <text x={left - 8} y={t.px + 4} textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {x.projection.zeroPx !== null ? (
          // On a second row, as "no effort" is: the first tick sits only EDGE_PX away from the 0 strip.
          <text x={left} y={bottom + 30} textAnchor="start" fontStyle="italic">
            ← {x.spec.zeroLabel}
          </text>
        ) : null}
        {x.projection.infinityPx !== null && x.spec.infiniteLabel !== null ? (
          <text x={x.projection.infinityPx} y={bottom + 30} textAnchor="end" fontStyle="italic">
            {x.spec.infiniteLabel} →
          </text>
        ) : null}
        {y.projection.zeroPx !== null ? (
          <text x={left - 8} y={y.projection.zeroPx + 4} textAnchor="end" fontStyle="italic">
            {y.spec.zeroLabel}
          </text>
        ) : null}
        {y.projection.infinityPx !== null && y.spec.infiniteLabel !== null ? (
          <text x={left - 8} y={y.projection.infinityPx + 4} textAnchor="end" fontStyle="italic">
            {y.spec.infiniteLabel}
          </text>
        ) : null}
      </g>
      <text x={(left + right) / 2} y={height - 4} textAnchor="middle" fontSize="12" fill={TEXT}>
        {x.spec.label}
      </text>
      <text transform={`translate(14 ${String((top + bottom) / 2)}) rotate(-90)`} textAnchor="middle" fontSize="12" fill={TEXT}>
        {y.spec.label}
      </text>
      <g clipPath="url(#matrix-clip)">
        {lines.x !== null ? <line x1={lines.x} x2={lines.x} y1={top} y2={bottom} stroke="#8a4b00" strokeDasharray="6 4" /> : null}
        {lines.y !== null ? <line x1={left} x2={right} y1={lines.y} y2={lines.y} stroke="#8a4b00" strokeDasharray="6 4" /> : null}
        {errorBar !== null ? (
          <g stroke="#2353c9" strokeWidth="2">
            <line x1={errorBar.x0} x2={errorBar.x1} y1={errorBar.y} y2={errorBar.y} />
            <line x1={errorBar.x0} x2={errorBar.x0} y1={errorBar.y - 6} y2={errorBar.y + 6} />
            <line x1={errorBar.x1} x2={errorBar.x1} y1={errorBar.y - 6} y2={errorBar.y + 6} />
          </g>
        ) : null}
        {rings.map((ring) => (
          <circle
            key={ring.kind}
            cx={ring.x}
            cy={ring.y}
            r={ring.r + 3}
            fill="none"
            stroke={RING[ring.kind].stroke}
            strokeWidth={RING[ring.kind].width}
            strokeDasharray={RING[ring.kind].dash}
          />
        ))}
        {marquee?.kind === 'box' ? (
          <rect
            className="matrix-marquee"
            x={marquee.box.x0}
            y={marquee.box.y0}
            width={marquee.box.x1 - marquee.box.x0}
            height={marquee.box.y1 - marquee.box.y0}
            fill={MARQUEE.fill}
            stroke={MARQUEE.stroke}
            strokeDasharray={MARQUEE.dash}
          />
        ) : null}
        {marquee?.kind === 'lasso' ? (
          <path className="matrix-marquee" d={lassoPath(marquee.points)} fill={MARQUEE.fill} stroke={MARQUEE.stroke} strokeDasharray={MARQUEE.dash} />
        ) : null}
      </g>
      {quadrantLabels ? (
        <g fontSize="12" fontWeight="600" fill="#8a4b00">
          <text x={right - 8} y={top + 16} textAnchor="end">
            {QUADRANT_NAMES.payDownNow}
          </text>
          <text x={left + 8} y={top + 16}>
            {QUADRANT_NAMES.planDeliberately}
          </text>
          <text x={right - 8} y={bottom - 8} textAnchor="end">
            {QUADRANT_NAMES.quickWins}
          </text>
          <text x={left + 8} y={bottom - 8}>
            {QUADRANT_NAMES.acceptAndMonitor}
          </text>
        </g>
      ) : null}
    </svg>
  );
}
