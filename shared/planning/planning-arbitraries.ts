import fc from 'fast-check';
import { STATUSES } from '../domain/debt-item.js';
import type { PlanInput } from './capacity-planner.js';
import type { ScenarioItem } from './scenarios.js';
import { Sprint, addDays, sprintRun } from './sprint.js';

/** Few distinct priorities and sizes, so that ties, exact fits and zero-effort items all come up often. */
const arbPriority = fc.oneof(fc.constantFrom(0, 1, 2, 3), fc.double({ min: 0, max: 10, noNaN: true }));
const arbEffort = fc.oneof(fc.constantFrom(0, 0.5, 1, 2, 3, 5, 8, 13, 21), fc.double({ min: 0, max: 30, noNaN: true }));
const arbDue = fc.option(fc.integer({ min: -10, max: 200 }).map((d) => addDays('2027-01-04', d)), { nil: undefined });

/** Portfolio items with unique ids in every status (mostly open), with the interest and risk scenarios need. */
export const arbPlanItems = (maxLength = 25): fc.Arbitrary<ScenarioItem[]> =>
  fc
    .array(
      fc.record({
        status: fc.constantFrom(...STATUSES, 'open', 'open'),
        priority: arbPriority,
        expectedEffort: arbEffort,
        dueDate: arbDue,
        interest: fc.constantFrom(0, 0.5, 1, 2, 4),
        likelihood: fc.integer({ min: 1, max: 5 }),
        impact: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength },
    )
    .map((rows) =>
      rows.map(({ status, priority, expectedEffort, dueDate, interest, likelihood, impact }, n) => ({
        item: { id: `item-${String(n).padStart(3, '0')}`, status, interest, likelihood, impact, ...(dueDate === undefined ? {} : { dueDate }) },
        priority,
        expectedEffort,
      })),
    );

/** Back-to-back two-week sprints with assorted capacity, availability and reserve; a few are closed. */
export const arbSprints = (maxLength = 8): fc.Arbitrary<Sprint[]> =>
  fc
    .array(
      fc.record({
        capacity: fc.oneof(fc.constantFrom(0, 20, 40), fc.double({ min: 0, max: 80, noNaN: true })),
        availabilityPct: fc.constantFrom(100, 100, 80, 50, 0),
        reservePct: fc.constantFrom(0, 10, 15, 20, 35),
        // One sprint in eight is closed, to check that the planner leaves closed sprints alone.
        closed: fc.nat(7).map((k) => k === 0),
      }),
      { maxLength },
    )
    .map((rows) =>
      rows.map((r, n) =>
        Sprint.parse({
          id: `sprint-${String(n)}`,
          name: `S${String(n + 1)}`,
          startDate: addDays('2027-01-04', 14 * n),
          lengthDays: 14,
          capacity: r.capacity,
          availabilityPct: r.availabilityPct,
          reservePct: r.reservePct,
          reserveReason: 'Generated for a test.',
          ...(r.closed ? { actuals: { completed: 10, debtSpent: 1 } } : {}),
        }),
      ),
    );

/** Planner input with pins (some naming unknown or closed sprints), exclusions and either split mode. */
export type GeneratedPlanInput = PlanInput & { items: ScenarioItem[]; pins: Record<string, string>; exclusions: string[] };

export const arbPlanInput = (): fc.Arbitrary<GeneratedPlanInput> =>
  fc
    .tuple(arbPlanItems(), arbSprints(), fc.boolean())
    .chain(([items, sprints, allowSplit]) => {
      const ids = items.map((c) => c.item.id);
      const sprintIds = [...sprints.map((s) => s.id), 'no-such-sprint'];
      return fc.record({
        items: fc.constant(items),
        sprints: fc.constant(sprints),
        allowSplit: fc.constant(allowSplit),
        pins: ids.length === 0 ? fc.constant<Record<string, string>>({}) : fc.dictionary(fc.constantFrom(...ids), fc.constantFrom(...sprintIds), { maxKeys: 6 }),
        exclusions: ids.length === 0 ? fc.constant<string[]>([]) : fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 4 }),
      });
    });

/** Back-to-back closed sprints of entered capacity 40 from 2026-01-05, with the given completed work and debt spend. */
export function closedSprints(actuals: readonly (readonly [completed: number, debtSpent: number])[]): Sprint[] {
  return sprintRun({ count: actuals.length, startDate: '2026-01-05', lengthDays: 14, capacity: 40 }).map((s, n) => {
    const [completed = 0, debtSpent = 0] = actuals[n] ?? [];
    return { ...s, actuals: { completed, debtSpent, paidItemIds: [] } };
  });
}

/** Histories of 3–12 closed sprints with any completed work, debt share and availability. */
export const arbHistory = (): fc.Arbitrary<Sprint[]> =>
  fc
    .array(
      fc.tuple(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(100, 80, 50, 0)),
      { minLength: 3, maxLength: 12 },
    )
    .map((rows) =>
      closedSprints(rows.map(([completed, share]) => [completed, completed * share])).map((s, n) => ({
        ...s,
        availabilityPct: rows[n]?.[2] ?? 100,
      })),
    );
