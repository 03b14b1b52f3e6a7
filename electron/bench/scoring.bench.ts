// The scoring maths lives in shared/ (no Node types there), so its benchmark runs from here.
import { scorePortfolio } from '../../shared/scoring/score-portfolio.js';
import { DEFAULT_SCORING, WEIGHT_PRESETS } from '../../shared/scoring/weights.js';
import { benchPortfolio } from './bench-portfolio.js';
import { medianMs, report } from '../testing/bench-timer.js';

const N = 100_000;
const items = benchPortfolio(N, 7);

// Baseline: a bare loop doing the same arithmetic (risk, PERT, ROI, cost of delay / effort) into an array.
const bare = (): number[] => {
  const out = new Array<number>(N);
  for (let i = 0; i < N; i++) {
    const it = items[i];
    if (it === undefined) continue;
    const expected = (it.effort.low + 4 * it.effort.likely + it.effort.high) / 6;
    const cod = (it.likelihood * it.impact) / 25 + it.interest / 3;
    out[i] = expected === 0 ? 0 : cod / expected + (it.interest * 12) / (expected || 1);
  }
  return out.sort((a, b) => b - a);
};
const baselineMs = medianMs(bare, 9, 2);
const rescoreMs = medianMs(() => scorePortfolio(items, { ...DEFAULT_SCORING, weights: WEIGHT_PRESETS.riskFirst.weights }, 14, '2026-11-25'), 9, 2);
report(`rescore ${String(N)} items (all scores and the ranking)`, rescoreMs, 'bare arithmetic loop + sort', baselineMs, '≤400 ms');
