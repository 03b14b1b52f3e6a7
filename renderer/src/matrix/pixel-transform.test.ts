import { describe, expect, it } from 'vitest';
import { AXES, panDomain, project, zoomDomain, type Domain } from './axes.js';
import { applyTransform, IDENTITY, invertTransform, isIdentity, transformBetween } from './pixel-transform.js';

const ROI: Domain = [0.1, 100];
const RISK: Domain = [0.5, 25.5];
const values = [0.13, 0.5, 1, 2.7, 10, 42, 99];
const risks = [1, 4, 9, 12, 16, 25];

describe('the gesture transform', () => {
  const fromX = project(AXES.roi, ROI, 64, 800);
  const fromY = project(AXES.risk, RISK, 440, 12);

  it('is the identity between a view and itself', () => {
    expect(transformBetween(fromX, fromY, fromX, fromY)).toEqual(IDENTITY);
    const same = transformBetween(fromX, fromY, project(AXES.roi, ROI, 64, 800), project(AXES.risk, RISK, 440, 12));
    expect(same.ax).toBeCloseTo(1, 9);
    expect(same.bx).toBeCloseTo(0, 6);
    expect(isIdentity(IDENTITY)).toBe(true);
  });

  it('moves every drawn point to where the zoomed and panned view projects it, on log and linear axes', () => {
    const zoomedX = zoomDomain('log', ROI, 2.7, 3.5);
    const toX = project(AXES.roi, panDomain('log', zoomedX, 0.2), 64, 800);
    const toY = project(AXES.risk, panDomain('linear', zoomDomain('linear', RISK, 12, 1.7), -0.1), 440, 12);
    const t = transformBetween(fromX, fromY, toX, toY);
    for (const v of values) {
      for (const r of risks) {
        const moved = applyTransform(t, fromX.at(v), fromY.at(r));
        expect(moved.x).toBeCloseTo(toX.at(v), 6);
        expect(moved.y).toBeCloseTo(toY.at(r), 6);
      }
    }
  });

  it('follows a resize of the plot as well', () => {
    const toX = project(AXES.roi, ROI, 64, 1200);
    const t = transformBetween(fromX, fromY, toX, fromY);
    for (const v of values) expect(applyTransform(t, fromX.at(v), 0).x).toBeCloseTo(toX.at(v), 6);
  });

  it('maps the pointer back to the drawn picture, the inverse of moving it', () => {
    const toX = project(AXES.roi, zoomDomain('log', ROI, 1, 2), 64, 800);
    const toY = project(AXES.risk, panDomain('linear', RISK, 0.25), 440, 12);
    const t = transformBetween(fromX, fromY, toX, toY);
    const moved = applyTransform(t, 321.5, 77.25);
    const back = invertTransform(t, moved.x, moved.y);
    expect(back.x).toBeCloseTo(321.5, 9);
    expect(back.y).toBeCloseTo(77.25, 9);
  });
});
