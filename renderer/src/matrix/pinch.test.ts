import { describe, expect, it } from 'vitest';
import { AXES, project } from './axes.js';
import { pinchView, spreadOf, wheelZoomFactor, type AxisFrame } from './pinch.js';

describe('wheel zoom', () => {
  it('zooms in on a wheel turned away from the user and out towards them', () => {
    expect(wheelZoomFactor({ deltaY: -100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(Math.exp(0.2));
    expect(wheelZoomFactor({ deltaY: 100, deltaMode: 0, ctrlKey: false })).toBeCloseTo(Math.exp(-0.2));
  });

  it('follows a trackpad pinch (ctrlKey) exactly: deltaY is −100 · ln(scale)', () => {
    expect(wheelZoomFactor({ deltaY: -100 * Math.log(1.1), deltaMode: 0, ctrlKey: true })).toBeCloseTo(1.1);
    expect(wheelZoomFactor({ deltaY: -100 * Math.log(0.8), deltaMode: 0, ctrlKey: true })).toBeCloseTo(0.8);
  });

  it('counts lines and pages as pixels', () => {
    expect(wheelZoomFactor({ deltaY: -3, deltaMode: 1, ctrlKey: false })).toBeCloseTo(wheelZoomFactor({ deltaY: -48, deltaMode: 0, ctrlKey: false }));
    expect(wheelZoomFactor({ deltaY: 1, deltaMode: 2, ctrlKey: false })).toBeCloseTo(wheelZoomFactor({ deltaY: 400, deltaMode: 0, ctrlKey: false }));
  });
});

describe('touch pinch', () => {
  const xAxis = project(AXES.roi, [0.1, 10], 64, 784);
  const yAxis = project(AXES.risk, [0.5, 25.5], 452, 12);
  const x: AxisFrame = { kind: 'log', domain: [0.1, 10], inner: xAxis.inner };
  const y: AxisFrame = { kind: 'linear', domain: [0.5, 25.5], inner: yAxis.inner };

  it('measures the midpoint and distance of two touches', () => {
    expect(spreadOf([100, 100], [130, 140])).toEqual({ mid: [115, 120], distance: 50 });
  });

  it('zooms around the midpoint as the fingers spread, keeping what lay under it there', () => {
    const start = spreadOf([300, 200], [400, 200]);
    const view = pinchView(x, y, start, spreadOf([250, 200], [450, 200]));
    expect(view.y[1] - view.y[0]).toBeCloseTo(12.5);
    expect(project(AXES.roi, view.x, 64, 784).at(xAxis.invert(350))).toBeCloseTo(350);
    expect(project(AXES.risk, view.y, 452, 12).at(yAxis.invert(200))).toBeCloseTo(200);
  });

  it('pans with the midpoint when the fingers move together', () => {
    const view = pinchView(x, y, spreadOf([300, 200], [400, 200]), spreadOf([320, 250], [420, 250]));
    expect(view.y[1] - view.y[0]).toBeCloseTo(25);
    expect(project(AXES.roi, view.x, 64, 784).at(xAxis.invert(350))).toBeCloseTo(370);
    expect(project(AXES.risk, view.y, 452, 12).at(yAxis.invert(200))).toBeCloseTo(250);
  });

  it('only pans while the fingers are too close for a steady ratio', () => {
    const view = pinchView(x, y, spreadOf([300, 200], [302, 200]), spreadOf([300, 200], [340, 200]));
    expect(view.y[1] - view.y[0]).toBeCloseTo(25);
  });
});
