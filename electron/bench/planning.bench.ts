// The planning maths lives in shared/ (no Node types there), so its benchmark runs from here.
import { planItemsFrom, planSprints } from '../../shared/planning/capacity-planner.js';
import { forecast } from '../../shared/planning/forecast.js';
import { createRandom, normal } from '../../shared/planning/random.js';
import { reserveCapacity, sprintRun } from '../../shared/planning/sprint.js';
import { scorePortfolio } from '../../shared/scoring/score-portfolio.js';
import { DEFAULT_SCORING } from '../../shared/scoring/weights.js';
import { benchPortfolio } from './bench-portfolio.js';
import { medianMs, onceMs, report, seeded } from '../testing/bench-timer.js';

const N = 10_000;
const SPRINTS = 52;
const random = seeded(11);
const items = benchPortfolio(N, 11);
const planItems = planItemsFrom(scorePortfolio(items, DEFAULT_SCORING, 14, '2026-11-25'));
// A large organisation: 400 points a sprint, 15% reserved, so about a tenth of the portfolio fits in a year.
const sprints = sprintRun({ count: SPRINTS, startDate: '2027-01-04', lengthDays: 14, capacity: 400 });
const totalReserve = sprints.reduce((sum, s) => sum + reserveCapacity(s), 0);

// scorePortfolio hands the planner items already ranked; a store's rows come in any order. Both are measured.
const shuffled = planItems.map((c) => ({ c, key: random() })).sort((a, b) => a.key - b.key).map(({ c }) => c);

// Baseline: sort by priority and fill one running capacity counter, with no sprints, pins, reasons or output.
const bareFill = (input: typeof planItems): number => {
  const order = [...input].sort((a, b) => b.priority - a.priority);
  let room = totalReserve;
  let placed = 0;
  for (const c of order) {
    if (c.expectedEffort <= room) {
      room -= c.expectedEffort;
      placed++;
    }
  }
  return placed;
};
// A CLI plans once per process, before the JIT has warmed up: that first call is reported on its own.
const coldMs = onceMs(() => planSprints({ items: planItems, sprints, allowSplit: true }));
report(`plan ${String(N)} items × ${String(SPRINTS)} sprints, first call (cold)`, coldMs, 'sort + one running counter, first call', onceMs(() => bareFill(planItems)), '—');
// The app replans on every edit; V8 needs a few dozen calls to optimise the planner, hence the long warm-up.
for (const [order, input] of [['ranked', planItems], ['shuffled', shuffled]] as const) {
  const fillMs = medianMs(() => bareFill(input), 15, 30);
  for (const allowSplit of [true, false]) {
    const mode = allowSplit ? 'split' : "don't split";
    const ms = medianMs(() => planSprints({ items: input, sprints, allowSplit }), 15, 30);
    report(`plan ${String(N)} ${order} items × ${String(SPRINTS)} sprints (${mode})`, ms, 'sort + one running counter', fillMs, '≤10 ms');
  }
}
for (const allowSplit of [true, false]) {
  const plan = planSprints({ items: planItems, sprints, allowSplit });
  const planned = new Set(plan.sprints.flatMap((s) => s.items.map((p) => p.id))).size;
  const mode = allowSplit ? 'split' : "don't split";
  console.log(`${mode}: ${String(planned)} items planned; gap to the fractional-knapsack bound ${plan.gapPct.toFixed(3)}% | goal ≤2%`);
}

// Forecast: 26 upcoming sprints from 12 closed ones, 10,000 trials.
const TRIALS = 10_000;
const HORIZON = 26;
const draw = createRandom(5);
const history = sprintRun({ count: 12, startDate: '2026-06-01', lengthDays: 14, capacity: 40 }).map((s) => {
  const completed = Math.max(0, normal(draw, 40, 5));
  return { ...s, actuals: { completed, debtSpent: completed * (0.1 + 0.1 * draw()), paidItemIds: [] } };
});
const upcoming = sprintRun({ count: HORIZON, startDate: '2027-01-04', lengthDays: 14, capacity: 40 });
// Baseline: the same number of random draws (two per trial and sprint) from the same generator, summed.
const bareDraws = (): number => {
  const next = createRandom(1);
  let sum = 0;
  for (let i = 0; i < 2 * TRIALS * HORIZON; i++) sum += next();
  return sum;
};
const drawsMs = medianMs(bareDraws, 15, 3);
const forecastMs = medianMs(() => forecast({ history, upcoming, seed: 1, trials: TRIALS }), 15, 5);
report(`forecast ${String(TRIALS)} trials × ${String(HORIZON)} sprints`, forecastMs, 'the same random draws, summed', drawsMs, '≤200 ms');
