import { describe, expect, it } from 'vitest';
import { circlesMarkup, matrixSvg } from './export-image.js';
import { formatBounded, formatRange, formatSig } from './number-format.js';

describe('SVG export', () => {
  it('draws each visible point as a circle in its colour, under the overlay', () => {
    const layout = {
      px: Float32Array.from([10, 20.25, 30]),
      py: Float32Array.from([5, 6, 7]),
      radius: Float32Array.from([3, 4, 5]),
      colour: Uint8Array.from([0, 1, 0]),
      visible: [0, 1],
      onScreen: Uint8Array.from([1, 1, 0]),
    };
    const points = circlesMarkup(layout, (c) => (c === 0 ? '#0072B2' : '#E69F00'));
    expect(points.match(/<circle/g)).toHaveLength(2);
    expect(points).toContain('cx="20.3" cy="6" r="4" fill="#E69F00"');
    const svg = matrixSvg({ width: 300, height: 200 }, points, '<svg><text>Risk</text></svg>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"')).toBe(true);
    expect(svg.indexOf('<circle')).toBeLessThan(svg.indexOf('<text>Risk'));
  });
});

describe('numbers without false precision', () => {
  it('shows two significant digits', () => {
    expect(formatSig(3.14159)).toBe('3.1');
    expect(formatSig(1234)).toBe('1,200');
    expect(formatSig(0.012345)).toBe('0.012');
  });

  it('names the unbounded case and collapses equal ends of a range', () => {
    expect(formatBounded(null, 'no effort')).toBe('no effort');
    expect(formatBounded(Number.POSITIVE_INFINITY, 'never')).toBe('never');
    expect(formatRange(1.2, 6, 'no effort')).toBe('1.2–6');
    expect(formatRange(2, 2, 'no effort')).toBe('2');
    expect(formatRange(0.5, null, 'no effort')).toBe('0.5–no effort');
  });
});
