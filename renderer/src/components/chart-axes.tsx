import type { FanTick } from '../planning/chart-paths.js';
import { CHART_SIZE } from '../planning/chart-paths.js';
import { formatSig } from '../matrix/number-format.js';

/** Horizontal grid lines with value labels and sprint names along the bottom, shared by the planning charts. */
export function ChartAxes({ xTicks, yTicks }: { xTicks: readonly FanTick[]; yTicks: readonly { value: number; y: number }[] }) {
  const { width, height, margin } = CHART_SIZE;
  return (
    <>
      {yTicks.map((t) => (
        <g key={t.value}>
          <line className="chart-grid" x1={margin.left} x2={width - margin.right} y1={t.y} y2={t.y} />
          <text className="chart-tick" x={margin.left - 6} y={t.y} textAnchor="end" dominantBaseline="middle">
            {formatSig(t.value)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={t.name} className="chart-tick" x={t.x} y={height - margin.bottom + 18} textAnchor="middle">
          {t.name}
        </text>
      ))}
    </>
  );
}
