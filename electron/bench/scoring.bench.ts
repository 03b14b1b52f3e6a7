// The scoring maths lives in shared/ (no Node types there), so its benchmark runs from here.
import { DebtItem } from '../../shared/domain/debt-item.js';
import { scorePortfolio } from '../../shared/scoring/score-portfolio.js';
import { DEFAULT_SCORING, WEIGHT_PRESETS } from '../../shared/scoring/weights.js';
import { medianMs, report, seeded } from '../testing/bench-timer.js';

const N = 100_000;
const random = seeded(7);
const stamp = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', version: 1 };
const items: DebtItem[] = Array.from({ length: N }, (_, n) => {
  const likely = [0.5, 1, 2, 3, 5, 8, 13][Math.floor(random() * 7)] ?? 1;
  return DebtItem.parse({
    id: `00000000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`,
    title: `Item ${String(n)}`,
    likelihood: 1 + Math.floor(random() * 5),
    impact: 1 + Math.floor(random() * 5),
    effort: { low: likely / 2, likely, high: likely * 3 },
    interest: Math.round(random() * 6) / 2,
    ...(random() < 0.5 ? { dueDate: `2027-0${String(1 + Math.floor(random() * 9))}-15` } : {}),
    ...(random() < 0.2 ? { outcome: 'lead_time' } : {}),
    ...stamp,
  });
});

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
