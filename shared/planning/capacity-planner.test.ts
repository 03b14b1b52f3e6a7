import { describe, expect, it } from 'vitest';
import { DebtItem } from '../domain/debt-item.js';
import { scorePortfolio } from '../scoring/score-portfolio.js';
import { DEFAULT_SCORING } from '../scoring/weights.js';
import { planItemsFrom, planSprints, type PlanItem } from './capacity-planner.js';
import { sprintRun } from './sprint.js';
import { SprintPlan } from './sprint-plan.js';

// Three two-week sprints of capacity 40 at the default 15%: a reserve of 6 each.
const sprints = sprintRun({ count: 3, startDate: '2027-01-04', lengthDays: 14, capacity: 40 });
const item = (id: string, priority: number, expectedEffort: number, over: Partial<PlanItem['item']> = {}): PlanItem => ({
  item: { id, status: 'open', ...over },
  priority,
  expectedEffort,
});
// Value (priority × effort): A 20, B 20, C 6, D 3.
const items = [item('D', 1, 3), item('B', 4, 5), item('A', 5, 4), item('C', 3, 2)];
const rows = (plan: SprintPlan) =>
  plan.sprints.map((s) => ({ name: s.name, allocated: s.allocated, items: s.items.map((p) => `${p.id} ${String(p.amount)}: ${p.reason}`) }));

describe('planSprints (examples)', () => {
  it('splits an item that does not fit into continuation parts', () => {
    const plan = planSprints({ items, sprints, allowSplit: true });
    expect(rows(plan)).toEqual([
      { name: 'S1', allocated: 6, items: ['A 4: priority rank 1', 'B 2: priority rank 2'] },
      { name: 'S2', allocated: 6, items: ['B 3: continues from S1', 'C 2: priority rank 3', 'D 1: priority rank 4'] },
      { name: 'S3', allocated: 2, items: ['D 2: continues from S2'] },
    ]);
    expect(plan.sprints[0]?.items.map((p) => [p.continuation, p.finishes])).toEqual([[false, true], [false, false]]);
    expect(plan.sprints[1]?.items[0]).toMatchObject({ continuation: true, finishes: true });
    expect(plan.unplanned).toEqual([]);
    expect(SprintPlan.parse(plan)).toEqual(plan);
  });

  it('without splitting, lets an item wait and smaller ones go first', () => {
    const plan = planSprints({ items, sprints, allowSplit: false });
    expect(rows(plan)).toEqual([
      { name: 'S1', allocated: 6, items: ['A 4: priority rank 1', 'C 2: priority rank 3'] },
      { name: 'S2', allocated: 5, items: ['B 5: priority rank 2; did not fit in S1; waited'] },
      { name: 'S3', allocated: 3, items: ['D 3: priority rank 4; did not fit in S2; waited'] },
    ]);
  });

  it('measures the gap to the fractional-knapsack bound', () => {
    // Reserve so far 6, 12, 18. Bound: S1 A + 2/5 of B = 28; S2 A, B, C + 1/3 of D = 47; S3 all = 49. Σ 124.
    const split = planSprints({ items, sprints, allowSplit: true });
    expect(split.sprints.map((s) => s.upperBoundByEnd)).toEqual([28, 47, 49]);
    // Split finishes A in S1; B and C in S2; D in S3: 20 + 46 + 49 = 115.
    expect(split.sprints.map((s) => s.valueByEnd)).toEqual([20, 46, 49]);
    expect(split.gapPct).toBeCloseTo((100 * 9) / 124, 10);
    // Whole items finish A and C in S1 (26), B in S2 (46), D in S3 (49): 121.
    expect(planSprints({ items, sprints, allowSplit: false }).gapPct).toBeCloseTo((100 * 3) / 124, 10);
  });

  it('places a pin first in its sprint and plans the rest around it', () => {
    const plan = planSprints({ items, sprints, allowSplit: true, pins: { D: 'S1' } });
    expect(rows(plan)).toEqual([
      { name: 'S1', allocated: 6, items: ['D 3: priority rank 4; pinned', 'A 3: priority rank 1'] },
      { name: 'S2', allocated: 6, items: ['A 1: continues from S1', 'B 5: priority rank 2'] },
      { name: 'S3', allocated: 2, items: ['C 2: priority rank 3'] },
    ]);
    expect(plan.sprints[0]?.items[0]?.pinned).toBe(true);
  });

  it('never over-allocates a pinned sprint: the pin continues, or waits whole', () => {
    // S3 at half availability: a reserve of 3.
    const halfS3 = sprintRun({ count: 4, startDate: '2027-01-04', lengthDays: 14, capacity: 40 }).map((s) =>
      s.name === 'S3' ? { ...s, availabilityPct: 50 } : s,
    );
    const pinned = [item('B', 4, 5)];
    const split = planSprints({ items: pinned, sprints: halfS3, allowSplit: true, pins: { B: 'S3' } });
    expect(rows(split).slice(2)).toEqual([
      { name: 'S3', allocated: 3, items: ['B 3: priority rank 1; pinned'] },
      { name: 'S4', allocated: 2, items: ['B 2: continues from S3'] },
    ]);
    const whole = planSprints({ items: pinned, sprints: halfS3, allowSplit: false, pins: { B: 'S3' } });
    expect(rows(whole).slice(2)).toEqual([
      { name: 'S3', allocated: 0, items: [] },
      { name: 'S4', allocated: 5, items: ['B 5: priority rank 1; pinned to S3; did not fit in S3; waited'] },
    ]);
  });

  it('explains what it left out', () => {
    const plan = planSprints({
      items: [...items, item('E', 9, 7), item('P', 9, 1, { status: 'paid' }), item('X', 9, 1), item('Z', 0.1, 40)],
      sprints,
      allowSplit: false,
      exclusions: ['X'],
      pins: { A: 'gone' },
    });
    expect(plan.unplanned).toEqual([
      { id: 'E', remaining: 7, reason: 'larger than any sprint\'s reserve (largest 6) and splitting is off' },
      { id: 'X', remaining: 1, reason: 'excluded from planning' },
      { id: 'Z', remaining: 40, reason: 'larger than any sprint\'s reserve (largest 6) and splitting is off' },
    ]);
    expect(plan.sprints[0]?.items[0]?.reason).toBe('priority rank 3; its pin names no open sprint');
    expect(JSON.stringify(plan)).not.toContain('"P"');
    const short = planSprints({ items: [item('Z', 1, 40)], sprints, allowSplit: true });
    expect(short.unplanned).toEqual([{ id: 'Z', remaining: 22, reason: 'the reserve ran out after S3; 22 of 40 left' }]);
  });

  it('flags items planned to finish after their due date, and unfinished ones already due', () => {
    // S1 ends 2027-01-17, S2 2027-01-31, S3 2027-02-14.
    const dated = [
      item('A', 5, 4, { dueDate: '2027-01-17' }),
      item('B', 4, 5, { dueDate: '2027-01-20' }),
      item('C', 3, 2, { dueDate: '2027-03-01' }),
      item('D', 1, 3, { dueDate: '2027-01-10' }),
      item('Z', 0.5, 50, { dueDate: '2027-02-01' }),
      item('Y', 0.4, 50, { dueDate: '2027-06-01' }),
    ];
    expect(planSprints({ items: dated, sprints, allowSplit: true }).lateItems).toEqual([
      { id: 'B', dueDate: '2027-01-20', plannedFinish: '2027-01-31' },
      { id: 'D', dueDate: '2027-01-10', plannedFinish: '2027-02-14' },
      { id: 'Z', dueDate: '2027-02-01', plannedFinish: null },
    ]);
  });

  it('plans scored debt items straight from scorePortfolio', () => {
    const stamp = { createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z', version: 1 };
    const debt = [1, 2, 3].map((n) =>
      DebtItem.parse({ id: `00000000-0000-4000-8000-00000000000${String(n)}`, title: `Item ${String(n)}`, likelihood: n, impact: 3, effort: { low: 1, likely: 2, high: 3 }, interest: n, ...stamp }),
    );
    const scored = scorePortfolio(debt, DEFAULT_SCORING, 14, '2026-12-01');
    const plan = planSprints({ items: planItemsFrom(scored), sprints, allowSplit: true });
    expect(plan.sprints.flatMap((s) => s.items.filter((p) => !p.continuation).map((p) => p.id))).toEqual(scored.map((s) => s.item.id));
  });
});
