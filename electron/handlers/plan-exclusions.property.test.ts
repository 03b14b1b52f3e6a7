import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/api/channels.js';
import { contract, type Output } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import { openStore } from '../store/open-store.js';
import { createContext, dispatch, type HandlerContext } from './dispatch.js';

const ITEMS = 5;
const SPRINTS = ['S1', 'S2', 'S3'] as const;

type Op =
  | { kind: 'pin'; item: number; sprint: (typeof SPRINTS)[number] }
  | { kind: 'unpin'; item: number; sprint: (typeof SPRINTS)[number] }
  | { kind: 'exclude'; item: number }
  | { kind: 'include'; item: number }
  | { kind: 'close' };

const arbItem = fc.integer({ min: 0, max: ITEMS - 1 });
const arbSprint = fc.constantFrom(...SPRINTS);
const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('pin' as const), item: arbItem, sprint: arbSprint }),
  fc.record({ kind: fc.constant('unpin' as const), item: arbItem, sprint: arbSprint }),
  fc.record({ kind: fc.constant('exclude' as const), item: arbItem }),
  fc.record({ kind: fc.constant('include' as const), item: arbItem }),
  fc.constant({ kind: 'close' as const }),
);

function call<C extends Channel>(ctx: HandlerContext, channel: C, input: unknown): Result<Output<C>> {
  return dispatch(ctx, channel, input) as Result<Output<C>>;
}

describe('pins and exclusions through the store (properties)', () => {
  it('after any sequence of pins, unpins, exclusions, inclusions and closes: exclusions match a model, excluded items are never planned, an item has at most one open pin, and effort is conserved', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.5, max: 8, noNaN: true }), { minLength: ITEMS, maxLength: ITEMS }),
        fc.array(arbOp, { maxLength: 25 }),
        (efforts, ops) => {
          const store = openStore(':memory:');
          let n = 0;
          const ctx = createContext(store, {
            now: () => new Date('2027-01-01T09:00:00Z'),
            newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
            logError: (_channel, error) => {
              throw error;
            },
          });
          try {
            const ids = efforts.map((e, i) => {
              const created = call(ctx, 'items.create', { title: `Debt ${String(i)}`, likelihood: 3, impact: 4, effort: { low: e, likely: e, high: e }, interest: 1 });
              if (!created.ok) throw new Error(created.error.message);
              return created.value.id;
            });
            call(ctx, 'sprints.create', { name: 'S1', startDate: '2027-01-04', capacity: 40 });
            call(ctx, 'sprints.create', { count: 2 });
            const excluded = new Set<string>();
            let closed = 0;
            for (const op of ops) {
              if (op.kind === 'close') {
                const name = SPRINTS[closed];
                if (name !== undefined && call(ctx, 'sprints.close', { name, completed: 10, debtSpent: 1 }).ok) closed++;
                continue;
              }
              const itemId = ids[op.item] ?? '';
              if (op.kind === 'pin') call(ctx, 'sprints.pin', { name: op.sprint, itemId });
              if (op.kind === 'unpin') call(ctx, 'sprints.unpin', { name: op.sprint, itemId });
              if (op.kind === 'exclude' && call(ctx, 'plan.exclude', { itemId }).ok) excluded.add(itemId);
              if (op.kind === 'include') {
                // Including an item that is not excluded is refused; either way it ends up not excluded.
                expect(call(ctx, 'plan.include', { itemId }).ok).toBe(excluded.delete(itemId));
              }
            }
            const planned = call(ctx, 'plan.get', {});
            const sprints = call(ctx, 'sprints.list', {});
            if (!planned.ok || !sprints.ok) throw new Error('plan.get or sprints.list failed');
            const plan = contract['plan.get'].output.parse(planned.value);
            expect(plan.exclusions.map((e) => e.itemId).sort()).toEqual([...excluded].sort());
            const parts = plan.sprints.flatMap((s) => s.items);
            for (const p of parts) expect(excluded.has(p.id)).toBe(false);
            for (const u of plan.unplanned) expect(u.reason.startsWith('excluded from planning')).toBe(excluded.has(u.id));
            const openPins = sprints.value.filter((s) => s.actuals === undefined).flatMap((s) => (s.pins ?? []).map((p) => p.itemId));
            expect(new Set(openPins).size).toBe(openPins.length);
            const total = efforts.reduce((sum, e) => sum + e, 0);
            const accounted = parts.reduce((sum, p) => sum + p.amount, 0) + plan.unplanned.reduce((sum, u) => sum + u.remaining, 0);
            expect(accounted).toBeCloseTo(total, 6);
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
