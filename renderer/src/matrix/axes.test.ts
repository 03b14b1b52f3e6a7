import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AXES, defaultDomain, EDGE_PX, panDomain, pinchDomain, project, zoomDomain } from './axes.js';

describe('the log ROI axis', () => {
  const roi = AXES.roi;
  const p = project(roi, [0.1, 10], 0, 400);

  it('spans the powers of ten around the data and always includes the threshold', () => {
    expect(defaultDomain(roi, [0.3, 4, 0, Number.POSITIVE_INFINITY])).toEqual([0.1, 10]);
    expect(defaultDomain(roi, [3, 4], 1)).toEqual([1, 10]);
    expect(defaultDomain(roi, [30, 40], 1)).toEqual([1, 100]);
    expect(defaultDomain(roi, [0, Number.POSITIVE_INFINITY])).toEqual([0.1, 10]);
    expect(defaultDomain(roi, [5, 5])).toEqual([1, 10]);
  });

  it('places ROI 0 in the strip at the start and "no effort" (∞) in the strip at the end', () => {
    expect(p.at(0)).toBe(EDGE_PX / 2);
    expect(p.at(Number.POSITIVE_INFINITY)).toBe(400 - EDGE_PX / 2);
    expect(p.inner).toEqual([EDGE_PX, 400 - EDGE_PX]);
    expect(p.at(0.1)).toBeCloseTo(EDGE_PX);
    expect(p.at(10)).toBeCloseTo(400 - EDGE_PX);
    // Log scale: 1 sits halfway between 0.1 and 10.
    expect(p.at(1)).toBeCloseTo(200);
    expect(p.invert(200)).toBeCloseTo(1);
  });

  it('labels the powers of ten', () => {
    expect(p.ticks.map((t) => t.label)).toEqual(['0.1', '1', '10']);
  });

  it('runs upwards on a y axis, with 0 at the bottom', () => {
    const y = project(AXES.priority, [0.1, 10], 300, 0);
    expect(y.at(0)).toBe(300 - EDGE_PX / 2);
    expect(y.at(Number.POSITIVE_INFINITY)).toBe(EDGE_PX / 2);
    expect(y.at(1)).toBeCloseTo(150);
  });

  it('keeps no ∞ strip on an axis whose values are always finite', () => {
    const effort = project(AXES.effort, [1, 100], 0, 400);
    expect(effort.infinityPx).toBeNull();
    expect(effort.inner).toEqual([EDGE_PX, 400]);
  });
});

describe('the risk axis', () => {
  it('is linear over 1–25 with half a step of margin', () => {
    const y = project(AXES.risk, defaultDomain(AXES.risk, []), 250, 0);
    expect(y.at(0.5)).toBe(250);
    expect(y.at(25.5)).toBe(0);
    expect(y.at(13)).toBeCloseTo(125);
    expect(y.zeroPx).toBeNull();
  });
});

describe('zoom and pan', () => {
  it('zooms a linear domain around the anchor, which keeps its place', () => {
    expect(zoomDomain('linear', [0, 100], 50, 2)).toEqual([25, 75]);
    const zoomed = zoomDomain('linear', [0, 100], 20, 4);
    expect(zoomed).toEqual([15, 40]);
    expect((20 - zoomed[0]) / (zoomed[1] - zoomed[0])).toBeCloseTo(0.2);
  });

  it('zooms a log domain in decades', () => {
    const [a, b] = zoomDomain('log', [0.01, 100], 1, 2);
    expect(a).toBeCloseTo(0.1);
    expect(b).toBeCloseTo(10);
  });

  it('zooming out undoes zooming in', () => {
    const [a, b] = zoomDomain('log', zoomDomain('log', [0.1, 10], 3, 1.7), 3, 1 / 1.7);
    expect(a).toBeCloseTo(0.1);
    expect(b).toBeCloseTo(10);
  });

  it('pans by a fraction of the span (in log space on a log axis)', () => {
    expect(panDomain('linear', [0, 10], 0.5)).toEqual([5, 15]);
    const [a, b] = panDomain('log', [1, 100], 0.5);
    expect(a).toBeCloseTo(10);
    expect(b).toBeCloseTo(1000);
  });
});

describe('pinch (move and scale at once)', () => {
  const roi = AXES.roi;
  const arbPixel = fc.double({ min: 20, max: 380, noNaN: true });
  const arbFactor = fc.double({ min: 0.2, max: 5, noNaN: true });

  it('keeps the value under the fingers’ starting midpoint under their current one', () => {
    fc.assert(
      fc.property(arbPixel, arbPixel, arbFactor, fc.constantFrom('roi' as const, 'risk' as const), (from, to, factor, key) => {
        const spec = AXES[key];
        const domain = key === 'roi' ? ([0.1, 10] as const) : ([0.5, 25.5] as const);
        const before = project(spec, domain, 0, 400);
        const after = project(spec, pinchDomain(spec.kind, domain, before.inner, from, to, factor), 0, 400);
        expect(after.at(before.invert(from))).toBeCloseTo(to, 6);
      }),
    );
  });

  it('works on a y axis, whose pixels run upwards', () => {
    const before = project(AXES.risk, [0.5, 25.5], 500, 0);
    const domain = pinchDomain('linear', [0.5, 25.5], before.inner, 100, 300, 2);
    expect(domain[1] - domain[0]).toBeCloseTo(12.5);
    expect(project(AXES.risk, domain, 500, 0).at(before.invert(100))).toBeCloseTo(300);
  });

  it('is a zoom around the pixel when the fingers do not move, and a pan when they do not spread', () => {
    const p = project(roi, [0.1, 10], 0, 400);
    const zoomed = pinchDomain('log', [0.1, 10], p.inner, 200, 200, 2);
    const expected = zoomDomain('log', [0.1, 10], p.invert(200), 2);
    expect(zoomed[0]).toBeCloseTo(expected[0]);
    expect(zoomed[1]).toBeCloseTo(expected[1]);
    const span = p.inner[1] - p.inner[0];
    const panned = pinchDomain('log', [0.1, 10], p.inner, 200, 200 - span / 2, 1);
    const [a, b] = panDomain('log', [0.1, 10], 0.5);
    expect(panned[0]).toBeCloseTo(a);
    expect(panned[1]).toBeCloseTo(b);
  });
});
