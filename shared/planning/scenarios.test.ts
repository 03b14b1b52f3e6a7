import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Status } from '../domain/debt-item.js';
import { arbPlanInput } from './planning-arbitraries.js';
import { ScenarioComparison, compareScenarios, type ScenarioItem } from './scenarios.js';
import { sprintRun } from './sprint.js';

// Three sprints of capacity 40: a reserve of 4, 6 and 8 at 10, 15 and 20%.
const sprints = sprintRun({ count: 3, startDate: '2027-01-04', lengthDays: 14, capacity: 40 });
const item = (id: string, priority: number, expectedEffort: number, interest: number, likelihood: number, impact: number, status: Status = 'open'): ScenarioItem => ({
  item: { id, status, interest, likelihood, impact },
  priority,
  expectedEffort,
});
const items = [item('A', 5, 4, 2, 3, 4), item('B', 4, 5, 1, 2, 3), item('C', 3, 2, 0.5, 2, 2), item('D', 1, 3, 1, 1, 1), item('P', 9, 1, 7, 5, 5, 'paid')];

describe('compareScenarios', () => {
  it('shows what 10, 15, 20% and a custom reserve pay down, sprint by sprint', () => {
    const result = compareScenarios({ items, sprints, allowSplit: true, customReservePct: 35 });
    expect(result.horizon).toBe(3);
    expect(result.startingInterest).toBe(4.5); // the paid item P owes nothing
    const table = result.scenarios.map((s) => ({
      label: s.label,
      givenUp: s.sprints.map((r) => r.cumulativeFeatureCapacityGivenUp),
      principal: s.sprints.map((r) => r.cumulativePrincipal),
      interest: s.sprints.map((r) => r.remainingInterest),
      risk: s.sprints.map((r) => r.cumulativeRiskRemoved),
    }));
    expect(table).toEqual([
      // 10%: A in S1; B 4 + 1; then C, and 1 of D.
      { label: '10%', givenUp: [4, 8, 12], principal: [4, 8, 12], interest: [2.5, 2.5, 1], risk: [12, 12, 22] },
      // 15%: A and 2 of B; the rest of B, C and 1 of D; the rest of D.
      { label: '15%', givenUp: [6, 12, 18], principal: [6, 12, 14], interest: [2.5, 1, 0], risk: [12, 22, 23] },
      { label: '20%', givenUp: [8, 16, 24], principal: [8, 14, 14], interest: [2.5, 0, 0], risk: [12, 23, 23] },
      { label: 'custom 35%', givenUp: [14, 28, 42], principal: [14, 14, 14], interest: [0, 0, 0], risk: [23, 23, 23] },
    ]);
    expect(result.scenarios.map((s) => s.warning === null)).toEqual([true, true, true, false]);
    expect(ScenarioComparison.parse(result)).toEqual(result);
  });

  it('compares over the horizon asked for', () => {
    const result = compareScenarios({ items, sprints, allowSplit: false, horizon: 2 });
    expect(result.scenarios.map((s) => s.sprints.length)).toEqual([2, 2, 2]);
  });

  it('pays down at least as much with a larger reserve, and never lets interest grow', () => {
    fc.assert(
      fc.property(arbPlanInput(), (input) => {
        const result = compareScenarios({ ...input, pins: {}, allowSplit: true });
        const [ten, fifteen, twenty] = result.scenarios;
        result.scenarios.forEach((s) => {
          s.sprints.forEach((r, n) => {
            const before = s.sprints[n - 1];
            if (before !== undefined) expect(r.remainingInterest).toBeLessThanOrEqual(before.remainingInterest + 1e-9);
          });
        });
        ten?.sprints.forEach((r, n) => {
          expect(fifteen?.sprints[n]?.cumulativePrincipal).toBeGreaterThanOrEqual(r.cumulativePrincipal - 1e-6);
          expect(twenty?.sprints[n]?.cumulativePrincipal).toBeGreaterThanOrEqual((fifteen?.sprints[n]?.cumulativePrincipal ?? 0) - 1e-6);
        });
      }),
    );
  });
});
