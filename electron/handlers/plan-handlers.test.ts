import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract, type Output } from '../../shared/api/contract.js';
import type { Channel } from '../../shared/api/channels.js';
import type { Result } from '../../shared/api/result.js';
import type { DebtItem, DebtItemDraftInput } from '../../shared/domain/debt-item.js';
import { auditTrail } from '../store/audit-repo.js';
import { openStore, type Store } from '../store/open-store.js';
import { createContext, dispatch, type HandlerContext } from './dispatch.js';
import { expectFail, sequentialIds } from '../testing/handler-test-support.js';

let store: Store;
let ctx: HandlerContext;

beforeEach(() => {
  store = openStore(':memory:');
  ctx = createContext(store, {
    now: () => new Date('2027-01-01T09:00:00Z'),
    newId: sequentialIds(),
    logError: (_channel, error) => {
      throw error;
    },
  });
});
afterEach(() => {
  store.close();
});

/** Runs a channel, checks the answer against the channel's output schema and that it survives JSON unchanged. */
function call<C extends Channel>(channel: C, input: unknown): Output<C> {
  const result = dispatch(ctx, channel, input) as Result<Output<C>>;
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  contract[channel].output.parse(result.value);
  expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
  return result.value;
}

const item = (effort: number, over: Partial<DebtItemDraftInput> = {}): DebtItem =>
  call('items.create', { title: 'Debt', likelihood: 3, impact: 4, effort: { low: effort, likely: effort, high: effort }, interest: 1, ...over });

/** Sprints of capacity 40 at 15%: a reserve of 6 each. */
function sprints(count: number): void {
  call('sprints.create', { name: 'S1', startDate: '2027-01-04', capacity: 40 });
  if (count > 1) call('sprints.create', { count: count - 1 });
}

const close = (name: string, completed: number, debtSpent: number) => call('sprints.close', { name, completed, debtSpent });

describe('plan.get', () => {
  it('fills each open sprint up to its reserve with the ranked items', () => {
    const big = item(3, { likelihood: 5, impact: 5, interest: 5 });
    const others = [item(3), item(3), item(3)];
    sprints(3);
    close('S1', 30, 5);
    const plan = call('plan.get', {});
    expect(plan.sprints.map((s) => s.name)).toEqual(['S2', 'S3']);
    for (const s of plan.sprints) {
      expect(s.reserve).toBe(6);
      expect(s.allocated).toBeLessThanOrEqual(s.reserve);
    }
    expect(plan.sprints[0]?.items[0]).toMatchObject({ id: big.id, amount: 3, reason: 'priority rank 1' });
    expect(plan.unplanned).toEqual([]);
    expect(plan.sprints.flatMap((s) => s.items.map((p) => p.id)).sort()).toEqual([big.id, ...others.map((o) => o.id)].sort());
    expect(plan.warnings).toEqual([]);
  });

  it('takes a what-if reserve and a sprint count without changing the stored sprints', () => {
    item(3);
    item(3);
    sprints(2);
    const plan = call('plan.get', { reservePct: 25, sprints: 1 });
    expect(plan.sprints).toHaveLength(1);
    expect(plan.sprints[0]).toMatchObject({ reserve: 10, allocated: 6 });
    expect(plan.warnings[0]).toMatch(/25% is above the healthy band/);
    expect(call('sprints.list', {}).map((s) => s.reservePct)).toEqual([15, 15]);
  });

  it('honours pins and the split setting, and says when nothing can be planned', () => {
    const a = item(3, { likelihood: 5, impact: 5 });
    const b = item(5);
    sprints(2);
    call('sprints.pin', { name: 'S2', itemId: a.id });
    call('planning.set', { allowSplit: false });
    const plan = call('plan.get', {});
    expect(plan.sprints[0]?.items.map((p) => p.id)).toEqual([b.id]);
    expect(plan.sprints[1]?.items[0]).toMatchObject({ id: a.id, pinned: true });
    call('sprints.close', { name: 'S1', completed: 10, debtSpent: 0.5 });
    call('sprints.close', { name: 'S2', completed: 10, debtSpent: 0 });
    const empty = call('plan.get', {});
    expect(empty.sprints).toEqual([]);
    expect(empty.warnings[0]).toMatch(/no open sprints/);
    expect(empty.warnings[1]).toMatch(/for 2 sprints running.*eroding/);
  });

  it('carries every item title beside its id, however large the portfolio', () => {
    const items = Array.from({ length: 1001 }, (_, i) => item(0.01, { title: `Debt ${String(i)}` }));
    sprints(1);
    const plan = call('plan.get', {});
    const titleOf = new Map(items.map((i) => [i.id, i.title]));
    const parts = plan.sprints.flatMap((s) => s.items);
    expect(parts.length + plan.unplanned.length).toBe(1001);
    for (const p of [...parts, ...plan.unplanned]) expect(p.title).toBe(titleOf.get(p.id));
  });

  it('refuses a reserve above 100%', () => {
    expectFail(dispatch(ctx, 'plan.get', { reservePct: 120 }), 'invalid-input');
  });
});

describe('items imported without an effort estimate', () => {
  it('are left out of the plan and its scenarios, saying why, until the team estimates them', () => {
    const unknown = item(0, { title: 'Imported issue', likelihood: 5, impact: 5, tags: ['effort-unknown'] });
    const free = item(0, { title: 'Really free' });
    const real = item(3, { title: 'Old logger' });
    sprints(1);
    const plan = call('plan.get', {});
    expect(plan.sprints[0]?.items.map((p) => p.id)).toEqual([free.id, real.id]);
    expect(plan.unplanned).toEqual([{ id: unknown.id, title: 'Imported issue', remaining: 0, reason: 'not estimated: give it an effort estimate to plan it' }]);
    expect(plan.exclusions).toEqual([]);
    expect(call('scenarios.get', {}).scenarios.every((sc) => sc.unplannedItems === 1)).toBe(true);

    call('items.update', { id: unknown.id, version: unknown.version, changes: { effort: { low: 1, likely: 2, high: 3 } } });
    expect(call('plan.get', {}).sprints[0]?.items.map((p) => p.id)).toEqual([free.id, unknown.id, real.id]);
  });
});

describe('plan.exclude and plan.include', () => {
  it('keeps an excluded item out of the plan, with its note in the reason, until it is included again', () => {
    const top = item(3, { likelihood: 5, impact: 5, title: 'Checkout rewrite' });
    const next = item(3, { title: 'Old logger' });
    sprints(1);
    expect(call('plan.get', {}).sprints[0]?.items.map((p) => p.id)).toEqual([top.id, next.id]);
    expect(call('plan.exclude', { itemId: top.id, note: 'Replaced by the new shop in March' })).toEqual([
      { itemId: top.id, note: 'Replaced by the new shop in March' },
    ]);
    const plan = call('plan.get', {});
    expect(plan.sprints[0]?.items.map((p) => p.id)).toEqual([next.id]);
    expect(plan.unplanned).toEqual([
      { id: top.id, title: 'Checkout rewrite', remaining: 3, reason: 'excluded from planning: Replaced by the new shop in March' },
    ]);
    expect(plan.exclusions).toEqual([{ itemId: top.id, note: 'Replaced by the new shop in March', title: 'Checkout rewrite' }]);
    expect(call('scenarios.get', {}).scenarios.every((sc) => sc.unplannedItems === 1)).toBe(true);

    expect(call('plan.exclude', { itemId: top.id })).toEqual([{ itemId: top.id }]);
    expect(call('plan.get', {}).unplanned[0]?.reason).toBe('excluded from planning');
    expect(call('plan.include', { itemId: top.id })).toEqual([]);
    expect(call('plan.get', {}).sprints[0]?.items.map((p) => p.id)).toEqual([top.id, next.id]);
    expect(auditTrail(store.db, 'plan-exclusion', top.id).map((e) => e.action)).toEqual(['create', 'update', 'delete']);
  });

  it('wins over a pin, and goes with a deleted item', () => {
    const a = item(3);
    sprints(2);
    call('sprints.pin', { name: 'S2', itemId: a.id });
    call('plan.exclude', { itemId: a.id });
    expect(call('plan.get', {}).sprints.flatMap((s) => s.items)).toEqual([]);
    call('items.delete', { id: a.id, version: a.version });
    expect(call('plan.get', {}).exclusions).toEqual([]);
  });

  it('refuses an unknown item, a second include and a bad note, writing nothing', () => {
    const a = item(3);
    expectFail(dispatch(ctx, 'plan.exclude', { itemId: '00000000-0000-4000-8000-0000000000ff' }), 'not-found');
    expect(expectFail(dispatch(ctx, 'plan.include', { itemId: a.id }), 'not-found').message).toMatch(/not excluded/);
    expectFail(dispatch(ctx, 'plan.exclude', { itemId: a.id, note: 'x'.repeat(201) }), 'invalid-input');
    expectFail(dispatch(ctx, 'plan.exclude', { itemId: 'PAY-1' }), 'invalid-input');
    expect(call('plan.get', {}).exclusions).toEqual([]);
  });
});

describe('forecast.get, forecast.backtest and erosion.get', () => {
  it('uses the entered capacity with fewer than 3 closed sprints and says so', () => {
    sprints(3);
    close('S1', 30, 5);
    const f = call('forecast.get', {});
    expect(f.basis).toBe('entered-capacity');
    expect(f.message).toMatch(/Only 1 closed sprint; a forecast from history needs 3/);
    expect(f.sprints.map((s) => s.name)).toEqual(['S2', 'S3']);
    expect(f.sprints[0]?.debtCapacity).toEqual({ p50: 6, p85: 6 * 0.7 });
  });

  it('bootstraps from 3 closed sprints, reproducibly for a seed, and projects past the open sprints', () => {
    sprints(4);
    close('S1', 30, 5);
    close('S2', 36, 4);
    close('S3', 28, 6);
    const f = call('forecast.get', { sprints: 3, trials: 500, seed: 7 });
    expect(f).toMatchObject({ basis: 'history', closedSprints: 3, trials: 500, seed: 7, projected: ['S5', 'S6'] });
    expect(f.sprints.map((s) => s.name)).toEqual(['S4', 'S5', 'S6']);
    expect(call('forecast.get', { sprints: 3, trials: 500, seed: 7 })).toEqual(f);
    for (const s of f.sprints) expect(s.debtCapacity.p85).toBeLessThanOrEqual(s.debtCapacity.p50);
  });

  it('backtests every closed sprint from the fourth on', () => {
    sprints(6);
    [
      [30, 5],
      [36, 4],
      [28, 6],
      [32, 5],
      [34, 3],
    ].forEach(([completed = 0, debt = 0], i) => close(`S${String(i + 1)}`, completed, debt));
    const b = call('forecast.backtest', { trials: 300, seed: 3 });
    expect(b.forecasts).toBe(2);
    expect(b.rows.map((r) => r.name)).toEqual(['S4', 'S5']);
    expect(b.p50HitRate).toBeGreaterThanOrEqual(0);
    expect(b.p85HitRate).toBeLessThanOrEqual(1);
    expect(call('forecast.backtest', {})).toMatchObject({ forecasts: 2 });
  });

  it('reports planned reserve against debt spent per closed sprint', () => {
    sprints(2);
    close('S1', 40, 2);
    const e = call('erosion.get', {});
    expect(e.sprints).toHaveLength(1);
    expect(e.sprints[0]).toMatchObject({ name: 'S1', plannedReserve: 6, debtSpent: 2, erosion: 4, actualShare: 0.05, lowShareRun: 1, warning: null });
  });
});

describe('scenarios.get', () => {
  it('compares 10, 15 and 20% and a custom reserve over the open sprints', () => {
    item(3);
    item(4);
    sprints(3);
    const c = call('scenarios.get', { customReservePct: 30, horizon: 2 });
    expect(c.horizon).toBe(2);
    expect(c.startingInterest).toBe(2);
    expect(c.scenarios.map((s) => s.label)).toEqual(['10%', '15%', '20%', 'custom 30%']);
    expect(c.scenarios[3]?.warning).toMatch(/above the healthy band/);
    expect(c.scenarios[0]?.sprints[1]?.cumulativeFeatureCapacityGivenUp).toBe(8);
  });
});
