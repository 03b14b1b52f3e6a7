import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import type { MatrixColumns } from '../../../shared/api/matrix-data.js';
import type { ColumnScores } from '../../../shared/scoring/score-columns.js';
import type { ScoredColumns } from '../matrix/chunked-scoring.js';
import { AXES, axisExtent, axisValues, domainOfExtent, panDomain, project, zoomDomain, type Domain, type XAxisKey, type YAxisKey } from '../matrix/axes.js';
import { downloadBlob, circlesMarkup, matrixPng, matrixSvg } from '../matrix/export-image.js';
import { formatRange, formatSig } from '../matrix/number-format.js';
import { COLOUR_KEYS, colourAt, type ColourBy } from '../matrix/palette.js';
import { plotRect } from '../matrix/plot-rect.js';
import { applyTransform } from '../matrix/pixel-transform.js';
import { wheelZoomFactor } from '../matrix/pinch.js';
import { firstPoint, neighbour, type Direction } from '../matrix/point-layout.js';
import type { Thresholds } from '../matrix/quadrants.js';
import { pointStyleOnce } from '../matrix/view-derived.js';
import type { SelectionTool } from '../matrix/selection.js';
import { MatrixPainter } from './matrix-canvas.js';
import { MatrixOverlay, type Ring } from './matrix-overlay.js';
import { MatrixSelectionLayer } from './matrix-selection-layer.js';
import { useMarquee } from './use-marquee.js';
import { usePinchZoom } from './use-pinch-zoom.js';
import { usePointLayout } from './use-point-layout.js';

const HEIGHT = 500;
const HIT_PX = 14;
const DRAG_PX = 4;
const KEYS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

interface MatrixPlotProps {
  readonly columns: MatrixColumns;
  readonly scores: ScoredColumns;
  readonly xKey: XAxisKey;
  readonly yKey: YAxisKey;
  readonly thresholds: Thresholds;
  readonly colourBy: ColourBy;
  readonly maxInterest: number;
  readonly selected: number | null;
  readonly onSelect: (index: number | null) => void;
  /** What a drag does; Shift+drag draws a box whatever it is. */
  readonly tool: SelectionTool;
  /** Items picked for a bulk action, highlighted; `onPick` replaces them with what a box or lasso enclosed. */
  readonly picked: readonly number[];
  readonly onPick: (indexes: number[]) => void;
  readonly onError: (message: string) => void;
}

interface View {
  readonly x: Domain | null;
  readonly y: Domain | null;
}
const WHOLE: View = { x: null, y: null };

/** The plot's width in CSS pixels; null until measured, which happens before the browser first paints it. */
function useWidth(ref: RefObject<HTMLDivElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  // clientWidth both times: the observer's contentRect is fractional, and a 1 px difference would lay out again.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const measure = () => {
      if (el.clientWidth > 0) setWidth(el.clientWidth);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
    };
  }, [ref]);
  return width;
}

function describe(columns: MatrixColumns, scores: ColumnScores, i: number): string {
  return `${columns.title[i] ?? ''}: risk ${String(scores.risk[i] ?? 0)}, ROI ${formatRange(scores.roiLow[i] ?? 0, scores.roiHigh[i] ?? 0, 'no effort')}`;
}

/** The matrix itself: points on a canvas, axes and highlights in SVG above, pointer and keyboard input. */
export function MatrixPlot(props: MatrixPlotProps) {
  const { columns, scores, xKey, yKey, thresholds, colourBy, maxInterest, selected, onSelect, onError, tool, picked, onPick } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const measured = useWidth(wrapRef);
  const width = measured ?? 800;
  const [view, setView] = useState<View>(WHOLE);
  // Wheel and drag events can outpace frames; they update `pending`, and one frame applies the latest view.
  const pending = useRef<{ view: View; frame: number } | null>(null);
  const scheduleView = (next: { x: Domain; y: Domain }) => {
    if (pending.current !== null) {
      pending.current.view = next;
      return;
    }
    const frame = requestAnimationFrame(() => {
      const latest = pending.current?.view;
      pending.current = null;
      if (latest !== undefined) setView(latest);
    });
    pending.current = { view: next, frame };
  };
  useEffect(
    () => () => {
      if (pending.current !== null) cancelAnimationFrame(pending.current.frame);
    },
    [],
  );
  const [hovered, setHovered] = useState<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean; view: View; tool: SelectionTool } | null>(null);
  const pixelRatio = typeof window === 'undefined' ? 1 : window.devicePixelRatio;

  const xSpec = AXES[xKey];
  const ySpec = AXES[yKey];
  const xValues = useMemo(() => axisValues(xKey, columns, scores), [xKey, columns, scores]);
  const yValues = useMemo(() => axisValues(yKey, columns, scores), [yKey, columns, scores]);
  const rect = plotRect(width, HEIGHT);
  const xDomain = useMemo(
    () => view.x ?? domainOfExtent(xSpec, axisExtent(xKey, scores), xKey === 'roi' ? thresholds.roi : undefined),
    [view.x, xSpec, xKey, scores, thresholds.roi],
  );
  const yDomain = useMemo(() => view.y ?? domainOfExtent(ySpec, axisExtent(yKey, scores)), [view.y, ySpec, yKey, scores]);
  const xProj = useMemo(() => project(xSpec, xDomain, rect.left, rect.right), [xSpec, xDomain, rect.left, rect.right]);
  const yProj = useMemo(() => project(ySpec, yDomain, rect.bottom, rect.top), [ySpec, yDomain, rect.bottom, rect.top]);
  const style = pointStyleOnce(columns, colourBy, maxInterest);
  // No points until the width is known: 100k points are laid out once, at the real width, not first at a guess.
  const { laid, transform, hit, pending: layingOut } = usePointLayout({ count: measured === null ? 0 : scores.count, xValues, yValues, x: xProj, y: yProj, style });
  const layout = laid.layout;
  const colourCount = COLOUR_KEYS[colourBy].length;
  /** Where point i is on screen now: mid-gesture the layout lags the view and is moved like the picture. */
  const screenAt = (i: number) => applyTransform(transform, layout.px[i] ?? 0, layout.py[i] ?? 0);

  // The painter rasterises exact pictures in slices off-screen, and mid-gesture moves the last one with the view.
  const painter = useRef<MatrixPainter | null>(null);
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (canvas === null) return;
    const created = new MatrixPainter(canvas, colourAt);
    painter.current = created;
    return () => {
      created.dispose();
      painter.current = null;
    };
  }, []);
  useLayoutEffect(() => {
    painter.current?.show({ x: xProj, y: yProj, rect, pixelRatio });
  });
  useEffect(() => {
    // Nothing to paint until the width is known and the points are laid out: a blank picture painted meanwhile
    // costs a canvas of megabytes, cleared and copied, and delays the real one.
    if (measured === null || layingOut) return;
    void painter.current?.paint({ layout: laid.layout, x: laid.x, y: laid.y, rect, pixelRatio, colourCount });
  }, [laid, layingOut, pixelRatio, colourCount]); // eslint-disable-line react-hooks/exhaustive-deps -- a new size brings a new layout; painting on every rect would repaint each frame

  // The wheel must be a non-passive listener to stop the page scrolling while zooming; React's onWheel is passive.
  useEffect(() => {
    const el = wrapRef.current;
    if (el === null) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const box = el.getBoundingClientRect();
      const factor = wheelZoomFactor(e);
      // Several wheel events may arrive in one frame: each zooms the view the previous one asked for.
      const base = pending.current?.view ?? { x: xDomain, y: yDomain };
      const bx = base.x ?? xDomain;
      const by = base.y ?? yDomain;
      const xp = project(xSpec, bx, rect.left, rect.right);
      const yp = project(ySpec, by, rect.bottom, rect.top);
      const px = Math.min(Math.max(e.clientX - box.left, xp.inner[0]), xp.inner[1]);
      const py = Math.min(Math.max(e.clientY - box.top, yp.inner[1]), yp.inner[0]);
      scheduleView({
        x: zoomDomain(xSpec.kind, bx, xp.invert(px), factor),
        y: zoomDomain(ySpec.kind, by, yp.invert(py), factor),
      });
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('wheel', onWheel);
    };
  }, [xDomain, yDomain, xSpec, ySpec, rect.left, rect.right, rect.bottom, rect.top]);

  const marquee = useMarquee(layout, transform, onPick);
  const pinch = usePinchZoom(scheduleView);
  const at = (e: PointerEvent) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const p = at(e);
    const frames = { x: { kind: xSpec.kind, domain: xDomain, inner: xProj.inner }, y: { kind: ySpec.kind, domain: yDomain, inner: yProj.inner } };
    if (pinch.down(e.pointerId, e.pointerType, [p.x, p.y], frames)) {
      // A second finger turns the gesture into a pinch: whatever the first one started is dropped.
      drag.current = null;
      marquee.cancel();
      return;
    }
    drag.current = { ...p, moved: false, view: { x: xDomain, y: yDomain }, tool: e.shiftKey ? 'box' : tool };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = at(e);
    if (pinch.move(e.pointerId, [p.x, p.y])) return;
    const d = drag.current;
    if (d !== null && d.tool !== 'pan' && (d.moved || Math.hypot(p.x - d.x, p.y - d.y) > DRAG_PX)) {
      if (!d.moved) marquee.begin(d.tool, [d.x, d.y]);
      d.moved = true;
      marquee.extend([p.x, p.y]);
      if (hovered !== null) setHovered(null);
      return;
    }
    if (d !== null && (d.moved || Math.hypot(p.x - d.x, p.y - d.y) > DRAG_PX)) {
      d.moved = true;
      const spanX = xProj.inner[1] - xProj.inner[0];
      const spanY = yProj.inner[1] - yProj.inner[0];
      scheduleView({
        x: panDomain(xSpec.kind, d.view.x ?? xDomain, -(p.x - d.x) / spanX),
        y: panDomain(ySpec.kind, d.view.y ?? yDomain, -(p.y - d.y) / spanY),
      });
      if (hovered !== null) setHovered(null);
      return;
    }
    setHovered(hit(p.x, p.y, HIT_PX));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (pinch.up(e.pointerId) || d === null) return;
    if (d.moved) {
      if (d.tool !== 'pan') marquee.finish();
      return;
    }
    const p = at(e);
    const found = hit(p.x, p.y, HIT_PX);
    setActive(found);
    onSelect(found);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const direction = KEYS[e.key];
    if (direction !== undefined) {
      e.preventDefault();
      const from = active ?? selected;
      const next = from === null || !layout.visible.includes(from) ? firstPoint(layout, scores) : neighbour(layout, from, direction);
      if (next !== null) setActive(next);
    } else if (e.key === 'Enter' && active !== null) {
      e.preventDefault();
      onSelect(active);
    } else if (e.key === 'Escape') {
      setActive(null);
      onSelect(null);
    }
  };

  const exportAs = async (format: 'png' | 'svg') => {
    const canvas = canvasRef.current;
    const svg = svgRef.current;
    if (canvas === null || svg === null) return;
    const overlay = new XMLSerializer().serializeToString(svg);
    const frame = { width: rect.width, height: rect.height };
    try {
      if (format === 'svg') {
        const markup = matrixSvg(frame, circlesMarkup(layout, colourAt), overlay);
        downloadBlob(new Blob([markup], { type: 'image/svg+xml' }), 'priority-matrix.svg');
      } else {
        const overlayImage = matrixSvg(frame, '', overlay);
        downloadBlob(await matrixPng(canvas, overlayImage), 'priority-matrix.png');
      }
    } catch (error) {
      onError(`Could not export the matrix: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const ringOf = (i: number | null, kind: Ring['kind']): Ring[] =>
    i === null || !layout.visible.includes(i) ? [] : [{ ...screenAt(i), r: layout.radius[i] ?? 0, kind }];
  const rings = [...ringOf(selected, 'selected'), ...ringOf(active !== selected ? active : null, 'active'), ...ringOf(hovered, 'hover')];
  const errorBar = selected !== null && layout.visible.includes(selected) ? errorBarOf(xKey, columns, scores, selected, xProj.at, screenAt(selected).y) : null;
  const tip = hovered ?? active;
  const riskLine = yKey === 'risk' ? yProj.at(thresholds.risk - 0.5) : null;
  const roiLine = xKey === 'roi' ? xProj.at(thresholds.roi) : null;

  return (
    <div className="matrix-plot-block">
      <div className="matrix-plot-actions">
        <button type="button" className="button button-small" onClick={() => { setView(WHOLE); }} disabled={view === WHOLE}>
          Reset view
        </button>
        <button type="button" className="button button-small" onClick={() => { void exportAs('png'); }}>
          Export PNG
        </button>
        <button type="button" className="button button-small" onClick={() => { void exportAs('svg'); }}>
          Export SVG
        </button>
      </div>
      <div
        ref={wrapRef}
        className="matrix-plot"
        role="group"
        tabIndex={0}
        aria-label="Priority matrix plot. Arrow keys move between items, Enter opens the item, Escape clears."
        aria-describedby="matrix-summary"
        data-active-id={active === null ? undefined : columns.id[active]}
        data-visible-count={layout.visible.length}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={(e) => {
          pinch.up(e.pointerId);
          drag.current = null;
          marquee.cancel();
        }}
        onPointerLeave={() => { setHovered(null); }}
        onKeyDown={onKeyDown}
      >
        <canvas ref={canvasRef} className="matrix-canvas" style={{ width: rect.width, height: rect.height }} />
        <MatrixSelectionLayer layout={layout} transform={transform} rect={rect} pixelRatio={pixelRatio} picked={picked} />
        <MatrixOverlay
          svgRef={svgRef}
          rect={rect}
          x={{ spec: xSpec, projection: xProj }}
          y={{ spec: ySpec, projection: yProj }}
          lines={{ x: roiLine, y: riskLine }}
          quadrantLabels={xKey === 'roi' && yKey === 'risk'}
          rings={rings}
          errorBar={errorBar}
          marquee={marquee.marquee}
        />
        {tip !== null && layout.visible.includes(tip) ? (
          <div className="matrix-tooltip" role="presentation" style={{ left: Math.min(screenAt(tip).x + 14, rect.width - 240), top: Math.max(0, screenAt(tip).y - 10) }}>
            <strong>{columns.title[tip]}</strong>
            <span>Risk {String(scores.risk[tip] ?? 0)}</span>
            <span>ROI {formatRange(scores.roiLow[tip] ?? 0, scores.roiHigh[tip] ?? 0, 'no effort')}</span>
            <span>
              Effort {formatSig(columns.effortLow[tip] ?? 0)}–{formatSig(columns.effortHigh[tip] ?? 0)} (expected {formatSig(scores.expectedEffort[tip] ?? 0)})
            </span>
            <span>Interest {formatSig(columns.interest[tip] ?? 0)} per sprint</span>
          </div>
        ) : null}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {active === null ? '' : describe(columns, scores, active)}
      </p>
    </div>
  );
}

/** The effort estimate's range on the x axis (as ROI, effort or breaking point), for the selected item. */
function errorBarOf(
  xKey: XAxisKey,
  columns: MatrixColumns,
  scores: ColumnScores,
  i: number,
  at: (v: number) => number,
  y: number,
): { x0: number; x1: number; y: number } | null {
  const low = columns.effortLow[i] ?? 0;
  const high = columns.effortHigh[i] ?? 0;
  const interest = columns.interest[i] ?? 0;
  switch (xKey) {
    case 'roi':
      return { x0: at(scores.roiLow[i] ?? 0), x1: at(scores.roiHigh[i] ?? 0), y };
    case 'effort':
      return { x0: at(low), x1: at(high), y };
    case 'breakingPoint':
      return interest === 0 ? null : { x0: at(low / interest), x1: at(high / interest), y };
    case 'interest':
      return null;
  }
}
