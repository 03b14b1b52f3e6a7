import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the probe measures in the page; times in ms. */
export interface ProbeFigures {
  readonly visible: number;
  /** Points in the app's hit-test quadtree: one per position. */
  readonly indexed: number;
  readonly layoutMs: number;
  readonly indexMs: number;
  /** Mean time of one `hitTest` over every random position, timed as one loop. */
  readonly meanMs: number;
  /** The same, on a quadtree of every visible point (`indexPoints`, as box selection uses). */
  readonly wholeMeanMs: number;
  /** Mean per call of each batch of 100 positions (the page clock ticks in 0.1 ms, too coarse for one call). */
  readonly batchMs: readonly number[];
  /** p95 over positions of one call's time, each position timed over 100 repeats. */
  readonly p95PerPositionMs: number;
  readonly hits: number;
}

const ROOT = path.resolve('.');
const at = (file: string) => JSON.stringify(path.join(ROOT, file));

/**
 * The browser side of the hit-test figure: the seeded items scored by the app's scorer, laid out and
 * indexed by the app's own `point-layout.ts` for the plot's size, then `hitTest` at random positions,
 * on the app's hit-test index (one point per position) and on a quadtree of every visible point.
 * Written as source here and bundled with esbuild's CLI, because e2e code may not import the renderer.
 */
const ENTRY = `
import { seededItems } from ${at('e2e/perf/seeded-items.ts')};
import { scoreColumns } from ${at('shared/scoring/score-columns.ts')};
import { codeTexts } from ${at('shared/api/matrix-codec.ts')};
import { KINDS } from ${at('shared/domain/debt-item.ts')};
import { DEFAULT_SCORING } from ${at('shared/scoring/weights.ts')};
import { AXES, defaultDomain, project } from ${at('renderer/src/matrix/axes.ts')};
import { plotRect } from ${at('renderer/src/matrix/plot-rect.ts')};
import { hitTest, indexPoints, indexPointsInSlices, layoutPoints, stylePoints } from ${at('renderer/src/matrix/point-layout.ts')};

export async function measure(n, width, height, probes) {
  const items = seededItems(n);
  const col = (f) => Float64Array.from(items, f);
  const columns = {
    count: n, id: items.map((i) => i.id), title: items.map((i) => i.title), kind: Uint8Array.from(items, (i) => KINDS.indexOf(i.kind)),
    status: new Uint8Array(n), likelihood: col((i) => i.likelihood), impact: col((i) => i.impact), effortLow: col((i) => i.effortLow),
    effortLikely: col((i) => i.effortLikely), effortHigh: col((i) => i.effortHigh), interest: col((i) => i.interest),
    dueDate: codeTexts(items.map((i) => i.dueDate)), outcome: codeTexts(items.map(() => null)), version: new Float64Array(n).fill(1),
  };
  let maxInterest = 0;
  for (const i of items) maxInterest = Math.max(maxInterest, i.interest);
  const scores = scoreColumns(columns, { ...DEFAULT_SCORING, sprintLengthDays: 14, today: '2026-11-25', maxInterest });
  const rect = plotRect(width, height);
  const x = project(AXES.roi, defaultDomain(AXES.roi, scores.roi, 1), rect.left, rect.right);
  const y = project(AXES.risk, defaultDomain(AXES.risk, scores.risk), rect.bottom, rect.top);
  const style = stylePoints(columns, 'kind', maxInterest);
  const t0 = performance.now();
  const layout = layoutPoints(n, { values: scores.roi, projection: x }, { values: scores.risk, projection: y }, style);
  const t1 = performance.now();
  const whole = indexPoints(layout);
  const t2 = performance.now();
  // What the app hit-tests against: one point per position, built in slices.
  const tree = await indexPointsInSlices(layout);
  const indexed = tree.size();
  let s = 11;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const xs = Array.from({ length: probes }, () => rect.left + rnd() * (rect.right - rect.left));
  const ys = Array.from({ length: probes }, () => rect.top + rnd() * (rect.bottom - rect.top));
  for (let k = 0; k < 2000; k++) hitTest(tree, xs[k % probes], ys[k % probes], 14);
  let hits = 0;
  const batchMs = [];
  const start = performance.now();
  for (let b = 0; b < probes; b += 100) {
    const tb = performance.now();
    for (let k = b; k < b + 100; k++) if (hitTest(tree, xs[k], ys[k], 14) !== null) hits++;
    batchMs.push((performance.now() - tb) / 100);
  }
  const meanMs = (performance.now() - start) / probes;
  const startWhole = performance.now();
  for (let k = 0; k < probes; k++) hitTest(whole, xs[k], ys[k], 14);
  const wholeMeanMs = (performance.now() - startWhole) / probes;
  const perPosition = [];
  for (let k = 0; k < Math.min(probes, 2000); k++) {
    const tp = performance.now();
    for (let r = 0; r < 100; r++) hitTest(tree, xs[k], ys[k], 14);
    perPosition.push((performance.now() - tp) / 100);
  }
  perPosition.sort((a, b) => a - b);
  return {
    visible: layout.visible.length, indexed, layoutMs: t1 - t0, indexMs: t2 - t1, meanMs, wholeMeanMs, batchMs,
    p95PerPositionMs: perPosition[Math.floor(perPosition.length * 0.95)], hits,
  };
}
`;

/** Bundles the probe into one script file that defines the global `paydownProbe.measure`. */
export function bundleHitTestProbe(): string {
  const dir = path.join(ROOT, '.bench');
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'matrix-hit-probe.entry.js');
  const out = path.join(dir, 'matrix-hit-probe.js');
  writeFileSync(entry, ENTRY);
  const run = spawnSync('npx', ['esbuild', entry, '--bundle', '--format=iife', '--global-name=paydownProbe', `--outfile=${out}`, '--log-level=warning'], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`Could not bundle the hit-test probe: ${run.stderr}`);
  return out;
}
