import { describe, expect, test } from 'vitest';
import type { ForecastAnswer, PlanAnswer, StoredSprint } from '../../../shared/api/planning-contract.js';
import { fail, ok } from '../../../shared/api/result.js';
import type { ErosionReport } from '../../../shared/planning/erosion.js';
import type { ScenarioComparison } from '../../../shared/planning/scenarios.js';
import { createAppStore } from './app-store.js';
import { fakeBridge, testItem } from './fake-bridge.js';

const item = testItem({ title: 'Flaky checkout tests' });
const sprint = (name: string, extra: Partial<StoredSprint> = {}): StoredSprint => ({
  id: name,
  name,
  startDate: '2026-01-05',
  lengthDays: 14,
  capacity: 40,
  availabilityPct: 100,
  reservePct: 15,
  ...extra,
});
const plan: PlanAnswer = {
  sprints: [
    {
      id: 'S1',
      name: 'S1',
      startDate: '2026-01-05',
      endDate: '2026-01-18',
      reserve: 6,
      allocated: 3,
      valueByEnd: 1,
      upperBoundByEnd: 1,
      items: [{ id: item.id, title: item.title, amount: 3, reason: 'priority rank 1', pinned: false, continuation: false, finishes: true }],
    },
  ],
  unplanned: [],
  lateItems: [],
  exclusions: [],
  value: 1,
  upperBound: 1,
  gapPct: 0,
  warnings: [],
};
const erosion: ErosionReport = { sprints: [], totals: { plannedReserve: 0, debtSpent: 0, erosion: 0 }, warning: null };
const forecast: ForecastAnswer = { basis: 'entered-capacity', message: 'Only 0 closed sprints', closedSprints: 0, trials: 0, seed: 1, sprints: [], projected: [] };
const comparison: ScenarioComparison = { horizon: 1, startingInterest: 1, scenarios: [] };

function planningBridge() {
  let sprints = [sprint('S1'), sprint('S2', { startDate: '2026-01-19' })];
  const fake = fakeBridge({
    'sprints.list': () => ok(sprints),
    'plan.get': () => ok(plan),
    'erosion.get': () => ok(erosion),
    'forecast.get': () => ok(forecast),
    'forecast.backtest': () => ok({ measure: 'debt capacity', forecasts: 0, p50HitRate: null, p85HitRate: null, rows: [] }),
    'scenarios.get': () => ok(comparison),
    'sprints.update': (input) => {
      if (input.reservePct !== undefined && input.reservePct > 20 && input.reserveReason === undefined) {
        return fail('invalid-input', 'reserveReason: A reserve of 25% is above the healthy band', [
          { path: 'reserveReason', message: 'A reserve of 25% is above the healthy band' },
        ]);
      }
      const changed = sprint(input.name, { reservePct: input.reservePct ?? 15 });
      sprints = sprints.map((s) => (s.name === input.name ? changed : s));
      return ok(changed);
    },
    'sprints.close': (input) => ok(sprint(input.name, { actuals: { completed: input.completed, debtSpent: input.debtSpent, paidItemIds: [] } })),
    'sprints.create': () => ok([sprint('S3')]),
    'sprints.pin': (input) => ok(sprint(input.name, { pins: [{ itemId: input.itemId }] })),
    'sprints.unpin': (input) => ok(sprint(input.name)),
    'plan.exclude': (input) => ok([{ itemId: input.itemId, ...(input.note === undefined ? {} : { note: input.note }) }]),
    'plan.include': () => ok([]),
    'scenarios.apply': (input) => {
      if (input.reservePct > 20 && input.reserveReason === undefined) {
        return fail('invalid-input', 'reserveReason: A reserve of 25% is above the healthy band', [
          { path: 'reserveReason', message: 'A reserve of 25% is above the healthy band' },
        ]);
      }
      sprints = sprints.map((s) => ({ ...s, reservePct: input.reservePct }));
      return ok(sprints);
    },
  });
  return fake;
}

describe('the planning slice', () => {
  test('loads sprints, plan and erosion; the titles come with the plan, not from an item list', async () => {
    const fake = planningBridge();
    const store = createAppStore(fake.bridge);
    await store.getState().loadPlanning();
    const data = store.getState().planning;
    expect(data?.sprints.map((s) => s.name)).toEqual(['S1', 'S2']);
    expect(data?.plan.sprints[0]?.items[0]?.title).toBe('Flaky checkout tests');
    expect(fake.inputsOf('plan.get')).toEqual([{}]);
    expect(fake.inputsOf('items.list')).toEqual([]);
  });

  test('pins, unpins, excludes and includes an item, naming it and reloading the plan after each', async () => {
    const fake = planningBridge();
    const store = createAppStore(fake.bridge);
    await store.getState().loadPlanning();
    await store.getState().pinItem('S2', item.id);
    expect(store.getState().notices.at(-1)?.message).toBe('Pinned “Flaky checkout tests” to S2.');
    await store.getState().unpinItem('S2', item.id);
    expect(store.getState().notices.at(-1)?.message).toBe('Unpinned “Flaky checkout tests” from S2; it is planned by rank again.');
    await store.getState().excludeItem(item.id, '  Replaced in March ');
    await store.getState().excludeItem(item.id, ' ');
    await store.getState().includeItem(item.id);
    expect(store.getState().notices.at(-1)?.message).toBe('Included “Flaky checkout tests” in the plan again.');
    expect(fake.inputsOf('sprints.pin')).toEqual([{ name: 'S2', itemId: item.id }]);
    expect(fake.inputsOf('sprints.unpin')).toEqual([{ name: 'S2', itemId: item.id }]);
    expect(fake.inputsOf('plan.exclude')).toEqual([{ itemId: item.id, note: 'Replaced in March' }, { itemId: item.id }]);
    expect(fake.inputsOf('plan.include')).toEqual([{ itemId: item.id }]);
    expect(fake.inputsOf('plan.get')).toHaveLength(6);
  });

  test('says what failed when a pin is refused, and keeps the plan', async () => {
    const fake = planningBridge();
    fake.handlers['sprints.pin'] = () => fail('conflict', 'Sprint “S1” is closed, so no item can be pinned to it.');
    const store = createAppStore(fake.bridge);
    await store.getState().loadPlanning();
    await store.getState().pinItem('S1', item.id);
    expect(store.getState().notices.at(-1)?.message).toBe(
      'Could not pin “Flaky checkout tests” to S1. Sprint “S1” is closed, so no item can be pinned to it.',
    );
    expect(fake.inputsOf('plan.get')).toHaveLength(1);
  });

  test('says so, and keeps what was shown, when the plan cannot be loaded', async () => {
    const fake = planningBridge();
    fake.handlers['plan.get'] = () => fail('io-error', 'The portfolio file is busy');
    const store = createAppStore(fake.bridge);
    await store.getState().loadPlanning();
    expect(store.getState().planning).toBeNull();
    expect(store.getState().notices.at(-1)?.message).toBe('Could not load the sprint plan. The portfolio file is busy.');
  });

  test('hands a refused reserve back to the form, and reloads after one that is saved', async () => {
    const fake = planningBridge();
    const store = createAppStore(fake.bridge);
    const refused = await store.getState().updateReserve('S1', 25, '   ');
    expect(refused).toMatchObject({ status: 'invalid', issues: [{ path: 'reserveReason' }] });
    expect(fake.inputsOf('sprints.update')).toEqual([{ name: 'S1', reservePct: 25 }]);
    expect(fake.inputsOf('sprints.list')).toHaveLength(0);
    const saved = await store.getState().updateReserve('S1', 25, 'Migration sprint');
    expect(saved.status).toBe('saved');
    expect(fake.inputsOf('sprints.update').at(-1)).toEqual({ name: 'S1', reservePct: 25, reserveReason: 'Migration sprint' });
    expect(store.getState().planning?.sprints[0]?.reservePct).toBe(25);
  });

  test('closes a sprint with its actuals and refreshes a forecast already shown', async () => {
    const fake = planningBridge();
    const store = createAppStore(fake.bridge);
    await store.getState().loadForecast();
    expect(fake.inputsOf('forecast.get')).toEqual([{ seed: 1 }]);
    const outcome = await store.getState().closeSprint({ name: 'S1', completed: 40, debtSpent: 2, paidItemIds: [item.id] });
    expect(outcome.status).toBe('saved');
    expect(fake.inputsOf('sprints.close')).toEqual([{ name: 'S1', completed: 40, debtSpent: 2, paidItemIds: [item.id] }]);
    expect(fake.inputsOf('forecast.get')).toHaveLength(2);
    expect(store.getState().notices.at(-1)?.message).toBe('Closed S1.');
  });

  test('adds a run of sprints and names them in the confirmation', async () => {
    const fake = planningBridge();
    const store = createAppStore(fake.bridge);
    const outcome = await store.getState().addSprints({ count: 1, startDate: '2026-02-02', capacity: 40 });
    expect(outcome.status).toBe('saved');
    expect(store.getState().notices.at(-1)?.message).toBe('Added 1 sprint: S3.');
    expect(store.getState().planning).not.toBeNull();
  });

  test('compares 10/15/20% with a custom reserve, 25% until another is chosen', async () => {
    const fake = planningBridge();
    const store = createAppStore(fake.bridge);
    await store.getState().loadScenarios();
    await store.getState().loadScenarios(30);
    expect(fake.inputsOf('scenarios.get')).toEqual([{ customReservePct: 25 }, { customReservePct: 30 }]);
  });

  test('applies a scenario to every open sprint in one call, with the reason outside the band', async () => {
    const fake = planningBridge();
    const store = createAppStore(fake.bridge);
    const refused = await store.getState().applyScenario(25, '  ');
    expect(refused).toMatchObject({ status: 'invalid', issues: [{ path: 'reserveReason' }] });
    const outcome = await store.getState().applyScenario(25, 'Stabilisation quarter');
    expect(outcome.status).toBe('saved');
    expect(fake.inputsOf('scenarios.apply')).toEqual([{ reservePct: 25 }, { reservePct: 25, reserveReason: 'Stabilisation quarter' }]);
    expect(fake.inputsOf('sprints.update')).toEqual([]);
    expect(store.getState().notices.at(-1)?.message).toBe('Set a 25% reserve on 2 open sprints.');
    expect(store.getState().planning?.sprints.map((s) => s.reservePct)).toEqual([25, 25]);
  });

  test('says so when there is no open sprint to apply a scenario to', async () => {
    const fake = planningBridge();
    fake.handlers['scenarios.apply'] = () => ok([]);
    const store = createAppStore(fake.bridge);
    expect((await store.getState().applyScenario(15, '')).status).toBe('failed');
    expect(store.getState().notices.at(-1)?.message).toMatch(/no open sprints/);
  });
});
