import { afterEach, describe, expect, test, vi } from 'vitest';
import type { MatrixData } from '../../../shared/api/matrix-data.js';
import { encodeMatrixColumns } from '../../../shared/api/matrix-codec.js';
import { fail, ok } from '../../../shared/api/result.js';
import { columnsOf } from '../../../shared/scoring/score-columns.js';
import { DEFAULT_SCORING, WEIGHT_PRESETS } from '../../../shared/scoring/weights.js';
import type { ItemExplanation } from '../../../shared/scoring/explanation.js';
import { createAppStore } from './app-store.js';
import { SAVE_THRESHOLDS_AFTER_MS } from './matrix-slice.js';
import { fakeBridge, testItem } from './fake-bridge.js';

const items = [testItem({ likelihood: 5, impact: 5 }), testItem({ interest: 3 }), testItem({ interest: 0 })];
const ids = items.map((i) => i.id);
const wire = (list: typeof items) => encodeMatrixColumns(columnsOf(list));
const data: MatrixData = {
  columns: wire(items),
  portfolioCount: 3,
  maxInterest: 3,
  scoring: DEFAULT_SCORING,
  sprintLengthDays: 14,
  unit: 'points',
  today: '2026-11-25',
  revision: 'r1',
};
const explanationOf = (id: string, weight: number): ItemExplanation => ({
  item: items.find((i) => i.id === id) ?? testItem(),
  scores: { risk: 12, riskBand: 'High', expectedEffort: 3, effortSpread: 0.5, carryingCost: 12, roi: 4, roiLow: 2, roiHigh: 6, breakingPoint: 3, costOfDelay: 1, priority: weight },
  terms: [],
  rank: 1,
  of: 3,
  today: '2026-11-25',
  horizonSprints: 12,
});

describe('the matrix slice', () => {
  test('loads the filtered items with the table’s filters and scores them', async () => {
    const fake = fakeBridge({ 'items.matrix': () => ok(data) });
    const store = createAppStore(fake.bridge);
    store.getState().setKindFilter(['security']);
    store.getState().setTextFilter('  zoë ');
    await store.getState().loadMatrix();
    expect(fake.inputsOf('items.matrix')).toEqual([{ kind: ['security'], text: 'zoë' }]);
    const { matrix, scores, scoring } = store.getState();
    expect(matrix?.columns.id).toEqual(ids);
    expect(matrix?.columns.version).toEqual(Float64Array.from([1, 1, 1]));
    expect(matrix).toMatchObject({ portfolioCount: 3, maxInterest: 3, today: '2026-11-25' });
    expect(scoring).toEqual(DEFAULT_SCORING);
    expect(scores?.count).toBe(3);
    expect(scores?.risk[0]).toBe(25);
  });

  test('rescores at once on a weight change, saves it and refreshes the explanation', async () => {
    let weight = 1;
    const fake = fakeBridge({
      'items.matrix': () => ok(data),
      'scoring.set': (s) => ok({ horizonSprints: s.horizonSprints ?? 12, weights: s.weights ?? DEFAULT_SCORING.weights }),
      'items.explain': ({ id }) => ok(explanationOf(id, weight)),
    });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    const id = ids[0] ?? '';
    await store.getState().selectItem(id);
    expect(store.getState().explanation?.scores.priority).toBe(1);
    const before = store.getState().scores?.priority[0] ?? 0;
    weight = 2;
    const riskFirst = { ...DEFAULT_SCORING, weights: WEIGHT_PRESETS.riskFirst.weights };
    await store.getState().setScoring(riskFirst);
    expect(store.getState().scores?.priority[0]).toBeGreaterThan(before);
    expect(fake.inputsOf('scoring.set')).toEqual([riskFirst]);
    expect(store.getState().explanation?.scores.priority).toBe(2);
  });

  test('goes back to the saved weights, and says so, when saving fails', async () => {
    const fake = fakeBridge({ 'items.matrix': () => ok(data), 'scoring.set': () => fail('io-error', 'The disk is full') });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    const before = store.getState().scores?.priority[0];
    await store.getState().setScoring({ ...DEFAULT_SCORING, weights: WEIGHT_PRESETS.roiFirst.weights });
    expect(store.getState().scoring).toEqual(DEFAULT_SCORING);
    expect(store.getState().scores?.priority[0]).toBe(before);
    expect(store.getState().notices.at(-1)?.message).toContain('The disk is full');
  });

  test('drops the selection when a reload no longer holds the item', async () => {
    const fake = fakeBridge({ 'items.matrix': () => ok(data), 'items.explain': ({ id }) => ok(explanationOf(id, 1)) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    await store.getState().selectItem(ids[1] ?? '');
    fake.handlers['items.matrix'] = () => ok({ ...data, columns: wire(items.slice(0, 1)) });
    await store.getState().loadMatrix();
    expect(store.getState()).toMatchObject({ selectedId: null, explanation: null });
    expect(store.getState().scores?.count).toBe(1);
  });

  test('refuses a damaged answer with a notice, whichever host sent it', async () => {
    const fake = fakeBridge({ 'items.matrix': () => ok({ ...data, columns: { ...data.columns, ids: ids.slice(1).join(',') } }) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    expect(store.getState().matrix).toBeNull();
    expect(store.getState().matrixLoading).toBe(false);
    expect(store.getState().notices.at(-1)?.message).toMatch(/Could not load the priority matrix\..*2 ids came for 3 items/);
  });

  test('reports a failed load and keeps what was shown', async () => {
    const fake = fakeBridge({ 'items.matrix': () => fail('io-error', 'The portfolio file is busy') });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    expect(store.getState().matrix).toBeNull();
    expect(store.getState().notices.at(-1)?.message).toContain('Could not load the priority matrix.');
  });

  test('selects by id, sends each selected item with the version the matrix read, then clears and reloads', async () => {
    const fake = fakeBridge({ 'items.matrix': () => ok(data), 'items.bulkUpdate': ({ items: targets }) => ok({ updated: targets.length }) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    const [a, , c] = items;
    const held = store.getState().setBulkSelection([c?.id ?? '', a?.id ?? '']);
    expect(held).toBe(store.getState().bulkSelection);
    expect(store.getState().bulkSelection.size).toBe(2);
    const outcome = await store.getState().bulkUpdate({ status: 'planned' }, (n) => `Planned ${n}.`);
    expect(outcome).toEqual({ status: 'saved' });
    expect(fake.inputsOf('items.bulkUpdate')).toEqual([
      { items: [{ id: a?.id, version: 1 }, { id: c?.id, version: 1 }], changes: { status: 'planned' } },
    ]);
    expect(store.getState().bulkSelection.size).toBe(0);
    expect(store.getState().notices.at(-1)).toMatchObject({ tone: 'success', message: 'Planned 2 items.' });
    expect(fake.inputsOf('items.list')).toHaveLength(1);
  });

  test('keeps the selection and reloads after a conflict, saying which items changed', async () => {
    const fake = fakeBridge({
      'items.matrix': () => ok(data),
      'items.bulkUpdate': () => fail('conflict', '1 of 2 selected items changed or were deleted since you selected them, so nothing was changed'),
    });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    store.getState().setBulkSelection(ids.slice(0, 2));
    expect(await store.getState().bulkUpdate({ status: 'paid' }, (n) => n)).toEqual({ status: 'failed' });
    expect(store.getState().bulkSelection.size).toBe(2);
    expect(store.getState().bulkBusy).toBe(false);
    expect(store.getState().notices.at(-1)?.message).toBe(
      'Could not change the 2 items selected. 1 of 2 selected items changed or were deleted since you selected them, so nothing was changed.',
    );
    expect(fake.inputsOf('items.list')).toHaveLength(1);
  });

  test('drops selected items a reload no longer shows, and Escape-style clearing empties it', async () => {
    const fake = fakeBridge({ 'items.matrix': () => ok(data) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    store.getState().setBulkSelection(ids);
    fake.handlers['items.matrix'] = () => ok({ ...data, columns: wire(items.slice(1)) });
    await store.getState().loadMatrix();
    expect([...store.getState().bulkSelection]).toEqual(ids.slice(1));
    store.getState().clearBulkSelection();
    expect(store.getState().bulkSelection.size).toBe(0);
    expect(await store.getState().bulkUpdate({ status: 'paid' }, (n) => n)).toEqual({ status: 'failed' });
    expect(fake.inputsOf('items.bulkUpdate')).toEqual([]);
  });

  test('reads 100k items again only when the portfolio changed: a revisit asks for the revision first', async () => {
    let revision = 'r1';
    const fake = fakeBridge({ 'items.matrix': () => ok({ ...data, revision }), 'items.matrixRevision': () => ok({ revision }) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    const first = store.getState().matrix;
    await store.getState().loadMatrix();
    expect(fake.inputsOf('items.matrix')).toHaveLength(1);
    expect(fake.inputsOf('items.matrixRevision')).toHaveLength(1);
    expect(store.getState().matrix).toBe(first);

    revision = 'r2';
    await store.getState().loadMatrix();
    expect(fake.inputsOf('items.matrix')).toHaveLength(2);
    expect(store.getState().matrix?.revision).toBe('r2');

    // Other filters are other items: read at once, with no revision to compare.
    store.getState().setKindFilter(['security']);
    await store.getState().loadMatrix();
    expect(fake.inputsOf('items.matrix')).toEqual([{}, {}, { kind: ['security'] }]);
    expect(fake.inputsOf('items.matrixRevision')).toHaveLength(2);
  });

  test('reads again when the revision cannot be checked', async () => {
    const fake = fakeBridge({ 'items.matrix': () => ok(data), 'items.matrixRevision': () => fail('io-error', 'The host went away') });
    const store = createAppStore(fake.bridge);
    await store.getState().loadMatrix();
    await store.getState().loadMatrix();
    expect(fake.inputsOf('items.matrix')).toHaveLength(2);
  });

  test('prefetches in the background, and the matrix view joins that read instead of starting another', async () => {
    let answer: (value: ReturnType<typeof ok<MatrixData>>) => void = () => undefined;
    const fake = fakeBridge({
      'items.matrix': () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
      'items.matrixRevision': () => ok({ revision: data.revision }),
    });
    const store = createAppStore(fake.bridge);
    const prefetched = store.getState().prefetchMatrix();
    const opened = store.getState().loadMatrix();
    await Promise.resolve();
    answer(ok(data));
    await Promise.all([prefetched, opened]);
    expect(fake.inputsOf('items.matrix')).toHaveLength(1);
    expect(store.getState().scores?.count).toBe(3);
    await store.getState().prefetchMatrix();
    expect(fake.inputsOf('items.matrix')).toHaveLength(1);
  });

  test('the id map for selections is finished in idle time even when opening the view checks the matrix again', async () => {
    const fake = fakeBridge({ 'items.matrix': () => ok(data), 'items.matrixRevision': () => ok({ revision: data.revision }) });
    const store = createAppStore(fake.bridge);
    await store.getState().prefetchMatrix();
    await store.getState().loadMatrix();
    expect(fake.inputsOf('items.matrix')).toHaveLength(1);
    const held = store.getState().matrix;
    await vi.waitFor(() => {
      expect(held?.idIndex.complete).toBe(true);
    });
  });

  test('a failed prefetch says nothing; the matrix view’s own read reports the failure', async () => {
    const fake = fakeBridge({ 'items.matrix': () => fail('io-error', 'The disk is unreadable') });
    const store = createAppStore(fake.bridge);
    await store.getState().prefetchMatrix();
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().matrix).toBeNull();
    await store.getState().loadMatrix();
    expect(store.getState().notices.at(-1)?.message).toContain('The disk is unreadable');
  });

  describe('quadrant thresholds and the matrix’s choices', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    test('move the lines at once, save once typing pauses, and never rescore', async () => {
      const fake = fakeBridge({
        'items.matrix': () => ok(data),
        'scoring.set': (s) => ok({ ...DEFAULT_SCORING, thresholds: s.thresholds ?? DEFAULT_SCORING.thresholds }),
      });
      const store = createAppStore(fake.bridge);
      await store.getState().loadMatrix();
      const scores = store.getState().scores;
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      store.getState().setThresholds({ risk: 1, roi: 1 });
      vi.advanceTimersByTime(SAVE_THRESHOLDS_AFTER_MS - 1);
      store.getState().setThresholds({ risk: 12, roi: 1 });
      expect(store.getState().scoring?.thresholds).toEqual({ risk: 12, roi: 1 });
      expect(store.getState().scores).toBe(scores);
      expect(fake.inputsOf('scoring.set')).toEqual([]);
      await vi.advanceTimersByTimeAsync(SAVE_THRESHOLDS_AFTER_MS);
      expect(fake.inputsOf('scoring.set')).toEqual([{ thresholds: { risk: 12, roi: 1 } }]);
      expect(store.getState().scores).toBe(scores);
    });

    test('a matrix read while a change is unsaved keeps the change', async () => {
      const fake = fakeBridge({
        'items.matrix': () => ok({ ...data, revision: `r${String(fake.inputsOf('items.matrix').length)}` }),
        'items.matrixRevision': () => ok({ revision: 'moved' }),
        'scoring.set': (s) => ok({ ...DEFAULT_SCORING, thresholds: s.thresholds ?? DEFAULT_SCORING.thresholds }),
      });
      const store = createAppStore(fake.bridge);
      await store.getState().loadMatrix();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      store.getState().setThresholds({ risk: 15, roi: 2 });
      await store.getState().loadMatrix();
      expect(fake.inputsOf('items.matrix')).toHaveLength(2);
      expect(store.getState().scoring?.thresholds).toEqual({ risk: 15, roi: 2 });
      await vi.advanceTimersByTimeAsync(SAVE_THRESHOLDS_AFTER_MS);
      expect(fake.inputsOf('scoring.set')).toEqual([{ thresholds: { risk: 15, roi: 2 } }]);
    });

    test('a failed save is reported and the lines stay where the user put them', async () => {
      const fake = fakeBridge({ 'items.matrix': () => ok(data), 'scoring.set': () => fail('io-error', 'The disk is full') });
      const store = createAppStore(fake.bridge);
      await store.getState().loadMatrix();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      store.getState().setThresholds({ risk: 8, roi: 0.5 });
      await vi.advanceTimersByTimeAsync(SAVE_THRESHOLDS_AFTER_MS);
      expect(store.getState().notices.at(-1)?.message).toMatch(/Could not save the quadrant thresholds.*The disk is full/);
      expect(store.getState().scoring?.thresholds).toEqual({ risk: 8, roi: 0.5 });
    });

    test('axes and colour live in the store, so leaving the view keeps them', () => {
      const store = createAppStore(fakeBridge({}).bridge);
      expect(store.getState().matrixChoices).toEqual({ x: 'roi', y: 'risk', colourBy: 'kind' });
      store.getState().setMatrixChoices({ x: 'interest' });
      store.getState().setView('table');
      store.getState().setMatrixChoices({ colourBy: 'status' });
      store.getState().setView('matrix');
      expect(store.getState().matrixChoices).toEqual({ x: 'interest', y: 'risk', colourBy: 'status' });
    });
  });
});
