import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { DebtItem, DebtItemDraftInput } from '../../shared/domain/debt-item.js';
import { auditCount, auditTrail } from '../store/audit-repo.js';
import { openStore, type Store } from '../store/open-store.js';
import { createContext, dispatch, type HandlerContext } from './dispatch.js';
import { expectFail, expectOk, sequentialIds } from '../testing/handler-test-support.js';

let store: Store;
let ctx: HandlerContext;
let clock: number;

beforeEach(() => {
  store = openStore(':memory:');
  clock = Date.parse('2027-01-01T09:00:00Z');
  ctx = createContext(store, {
    now: () => new Date((clock += 1000)),
    newId: sequentialIds(),
    logError: (_channel, error) => {
      throw error;
    },
  });
});
afterEach(() => {
  store.close();
});

const createItem = (over: Partial<DebtItemDraftInput> = {}): DebtItem =>
  expectOk(
    dispatch(ctx, 'items.create', { title: 'Flaky tests', likelihood: 3, impact: 4, effort: { low: 2, likely: 3, high: 4 }, interest: 1, ...over }) as Result<DebtItem>,
  );

type Sprints = Output<'sprints.create'>;
const createSprints = (input: Record<string, unknown>): Sprints => expectOk(dispatch(ctx, 'sprints.create', input) as Result<Sprints>);
const listed = (): Output<'sprints.list'> => expectOk(dispatch(ctx, 'sprints.list', {}) as Result<Output<'sprints.list'>>);
const sprintCount = (): number => store.db.prepare('SELECT count(*) FROM sprints').pluck().get() as number;

describe('sprints.create', () => {
  it('adds one sprint with the default reserve and the portfolio sprint length, audited', () => {
    const [s] = createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40 });
    expect(s).toEqual({
      id: '00000000-0000-4000-8000-000000000001',
      name: 'S1',
      startDate: '2027-01-04',
      lengthDays: 14,
      capacity: 40,
      availabilityPct: 100,
      reservePct: 15,
      pins: [],
    });
    expect(auditTrail(store.db, 'sprint', s?.id ?? '')).toMatchObject([{ action: 'create', after: { name: 'S1' } }]);
  });

  it('adds a run that continues the calendar and the numbering, listed in calendar order', () => {
    createSprints({ name: 'S1', startDate: '2027-01-04', lengthDays: 10, capacity: 40, reservePct: 12 });
    const run = createSprints({ count: 3 });
    expect(run.map((s) => [s.name, s.startDate, s.lengthDays, s.capacity, s.reservePct])).toEqual([
      ['S2', '2027-01-14', 10, 40, 12],
      ['S3', '2027-01-24', 10, 40, 12],
      ['S4', '2027-02-03', 10, 40, 12],
    ]);
    createSprints({ name: 'S0', startDate: '2026-12-21', capacity: 30 });
    expect(listed().map((s) => s.name)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
  });

  it('uses the stored default reserve for new sprints', () => {
    expectOk(dispatch(ctx, 'planning.set', { defaultReservePct: 18, allowSplit: false }));
    expect(expectOk(dispatch(ctx, 'planning.get', {}))).toEqual({ defaultReservePct: 18, allowSplit: false });
    expect(createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40 })[0]?.reservePct).toBe(18);
    expect(auditTrail(store.db, 'settings', 'planning')).toHaveLength(1);
  });

  it('refuses a reserve outside 10–20% without a reason, and takes it with one', () => {
    const error = expectFail(dispatch(ctx, 'sprints.create', { name: 'S1', startDate: '2027-01-04', capacity: 40, reservePct: 25 }), 'invalid-input');
    expect(error.message).toMatch(/25% is above the healthy band of 10–20%/);
    expect(error.issues?.[0]?.path).toBe('reserveReason');
    expect(sprintCount()).toBe(0);
    const [s] = createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40, reservePct: 25, reserveReason: 'Framework end of life.' });
    expect(s).toMatchObject({ reservePct: 25, reserveReason: 'Framework end of life.' });
  });

  it('refuses a name already taken, writing nothing', () => {
    createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40 });
    const before = auditCount(store.db);
    expect(expectFail(dispatch(ctx, 'sprints.create', { name: 'S1', startDate: '2027-05-01', capacity: 1 }), 'conflict').message).toMatch(
      /“S1” already exists/,
    );
    expect(sprintCount()).toBe(1);
    expect(auditCount(store.db)).toBe(before);
  });

  it('refuses incomplete or contradictory input', () => {
    expectFail(dispatch(ctx, 'sprints.create', { name: 'S1', capacity: 40 }), 'invalid-input');
    expectFail(dispatch(ctx, 'sprints.create', { name: 'S1', count: 2, startDate: '2027-01-04', capacity: 40 }), 'invalid-input');
    expectFail(dispatch(ctx, 'sprints.create', { name: 'S1', startDate: '2027-02-30', capacity: 40 }), 'invalid-input');
    expect(expectFail(dispatch(ctx, 'sprints.create', { count: 2 }), 'invalid-input').message).toMatch(/start date, a length and a capacity/);
    expect(sprintCount()).toBe(0);
  });
});

describe('sprints.update', () => {
  beforeEach(() => {
    createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40, reservePct: 25, reserveReason: 'Migration.' });
  });

  it('changes capacity and availability, keeping the reserve and its reason', () => {
    const s = expectOk(dispatch(ctx, 'sprints.update', { name: 'S1', capacity: 30, availabilityPct: 80 }));
    expect(s).toMatchObject({ capacity: 30, availabilityPct: 80, reservePct: 25, reserveReason: 'Migration.' });
    expect(auditTrail(store.db, 'sprint', '00000000-0000-4000-8000-000000000001').map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('drops the old reason with a new reserve, so leaving the band needs a new one', () => {
    expect(expectOk(dispatch(ctx, 'sprints.update', { name: 'S1', reservePct: 15 }))).not.toHaveProperty('reserveReason');
    const error = expectFail(dispatch(ctx, 'sprints.update', { name: 'S1', reservePct: 5 }), 'invalid-input');
    expect(error.message).toMatch(/5% is below the healthy band of 10–20%.*Give a reason/);
    expect(listed()[0]?.reservePct).toBe(15);
    expect(expectOk(dispatch(ctx, 'sprints.update', { name: 'S1', reservePct: 5, reserveReason: 'Launch.' }))).toMatchObject({ reservePct: 5 });
  });

  it('refuses an unknown or closed sprint', () => {
    expectFail(dispatch(ctx, 'sprints.update', { name: 'S9', capacity: 1 }), 'not-found');
    expectOk(dispatch(ctx, 'sprints.close', { name: 'S1', completed: 30, debtSpent: 6 }));
    expect(expectFail(dispatch(ctx, 'sprints.update', { name: 'S1', capacity: 1 }), 'conflict').message).toMatch(/closed/);
  });
});

describe('sprints.close', () => {
  beforeEach(() => {
    createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40 });
  });

  it('records the actuals and marks the paid items paid in the same step, audited', () => {
    const a = createItem();
    const b = createItem({ status: 'paid' });
    const closed = expectOk(dispatch(ctx, 'sprints.close', { name: 'S1', completed: 32, debtSpent: 6, paidItemIds: [a.id, b.id, a.id] }));
    expect(closed).toMatchObject({ actuals: { completed: 32, debtSpent: 6, paidItemIds: [a.id, b.id] }, closedAt: expect.any(String) as string });
    expect(expectOk(dispatch(ctx, 'items.get', { id: a.id }))).toMatchObject({ status: 'paid', version: 2 });
    expect(auditTrail(store.db, 'item', a.id).map((e) => e.action)).toEqual(['create', 'update']);
    expect(auditTrail(store.db, 'item', b.id).map((e) => e.action)).toEqual(['create']);
    expect(expectFail(dispatch(ctx, 'sprints.close', { name: 'S1', completed: 1, debtSpent: 0 }), 'conflict').message).toMatch(/closed/);
  });

  it('changes nothing when a paid item does not exist', () => {
    const a = createItem();
    const before = auditCount(store.db);
    expectFail(dispatch(ctx, 'sprints.close', { name: 'S1', completed: 32, debtSpent: 6, paidItemIds: [a.id, '00000000-0000-4000-8000-0000000000ff'] }), 'not-found');
    expect(expectOk(dispatch(ctx, 'items.get', { id: a.id }))).toMatchObject({ status: 'open', version: 1 });
    expect(listed()[0]).not.toHaveProperty('actuals');
    expect(auditCount(store.db)).toBe(before);
  });

  it('refuses debt spend above the completed work', () => {
    expect(expectFail(dispatch(ctx, 'sprints.close', { name: 'S1', completed: 5, debtSpent: 6 }), 'invalid-input').issues?.[0]?.path).toBe('debtSpent');
  });
});

describe('sprints.pin and sprints.unpin', () => {
  it('pins an item to an open sprint and unpins it; a deleted item loses its pin', () => {
    createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40 });
    const a = createItem();
    expect(expectOk(dispatch(ctx, 'sprints.pin', { name: 'S1', itemId: a.id, note: 'Before the audit.' }) as Result<Output<'sprints.pin'>>).pins).toEqual([{ itemId: a.id, note: 'Before the audit.' }]);
    expect(expectOk(dispatch(ctx, 'sprints.unpin', { name: 'S1', itemId: a.id }) as Result<Output<'sprints.unpin'>>).pins).toEqual([]);
    expectFail(dispatch(ctx, 'sprints.unpin', { name: 'S1', itemId: a.id }), 'not-found');
    expectOk(dispatch(ctx, 'sprints.pin', { name: 'S1', itemId: a.id }));
    expectOk(dispatch(ctx, 'items.delete', { id: a.id, version: 1 }));
    expect(listed()[0]?.pins).toEqual([]);
  });

  it('moves a pin from another open sprint, so an item starts in one sprint only; closed sprints keep theirs', () => {
    createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40 });
    createSprints({ count: 2 });
    const a = createItem();
    expectOk(dispatch(ctx, 'sprints.pin', { name: 'S1', itemId: a.id }));
    expectOk(dispatch(ctx, 'sprints.close', { name: 'S1', completed: 30, debtSpent: 5 }));
    expectOk(dispatch(ctx, 'sprints.pin', { name: 'S2', itemId: a.id }));
    expectOk(dispatch(ctx, 'sprints.pin', { name: 'S3', itemId: a.id, note: 'After the freeze.' }));
    expect(listed().map((s) => s.pins)).toEqual([[{ itemId: a.id }], [], [{ itemId: a.id, note: 'After the freeze.' }]]);
    const s2 = listed()[1]?.id ?? '';
    expect(auditTrail(store.db, 'sprint', s2).map((e) => e.action)).toEqual(['create', 'update', 'update']);
  });

  it('refuses a pin to a closed sprint or of a missing item', () => {
    createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40 });
    expectFail(dispatch(ctx, 'sprints.pin', { name: 'S1', itemId: '00000000-0000-4000-8000-0000000000ff' }), 'not-found');
    const a = createItem();
    expectOk(dispatch(ctx, 'sprints.close', { name: 'S1', completed: 30, debtSpent: 5 }));
    expectFail(dispatch(ctx, 'sprints.pin', { name: 'S1', itemId: a.id }), 'conflict');
  });
});

describe('scenarios.apply', () => {
  beforeEach(() => {
    createSprints({ name: 'S1', startDate: '2027-01-04', capacity: 40 });
    createSprints({ count: 2 });
    expectOk(dispatch(ctx, 'sprints.close', { name: 'S1', completed: 30, debtSpent: 5 }));
  });
  const reserves = () => listed().map((s) => [s.name, s.reservePct, s.reserveReason]);

  it('sets the reserve of every open sprint and answers them; closed sprints keep theirs', () => {
    const changed = expectOk(dispatch(ctx, 'scenarios.apply', { reservePct: 20 }) as Result<Output<'scenarios.apply'>>);
    expect(changed.map((s) => s.name)).toEqual(['S2', 'S3']);
    expect(reserves()).toEqual([
      ['S1', 15, undefined],
      ['S2', 20, undefined],
      ['S3', 20, undefined],
    ]);
  });

  it('refuses a reserve outside 10–20% without a reason, writing nothing, and takes it with one', () => {
    const audits = auditCount(store.db);
    const error = expectFail(dispatch(ctx, 'scenarios.apply', { reservePct: 25 }), 'invalid-input');
    expect(error.issues?.[0]).toMatchObject({ path: 'reserveReason', message: expect.stringMatching(/above the healthy band.*Give a reason/) as unknown });
    expect(auditCount(store.db)).toBe(audits);
    expectOk(dispatch(ctx, 'scenarios.apply', { reservePct: 25, reserveReason: 'Stabilisation quarter.' }));
    expect(reserves().slice(1)).toEqual([
      ['S2', 25, 'Stabilisation quarter.'],
      ['S3', 25, 'Stabilisation quarter.'],
    ]);
    expectFail(dispatch(ctx, 'scenarios.apply', { reservePct: 101, reserveReason: 'x' }), 'invalid-input');
  });

  it('changes every open sprint or none: a failure on the last one rolls back the first', () => {
    store.db.exec(`CREATE TEMP TRIGGER refuse_s3 BEFORE UPDATE OF reserve_pct ON sprints WHEN old.name = 'S3'
      BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const failed = dispatch({ ...ctx, logError: () => undefined }, 'scenarios.apply', { reservePct: 12 });
    expect(failed.ok).toBe(false);
    expect(reserves().map((r) => r[1])).toEqual([15, 15, 15]);
  });

  it('answers an empty list when no sprint is open', () => {
    expectOk(dispatch(ctx, 'sprints.close', { name: 'S2', completed: 30, debtSpent: 5 }));
    expectOk(dispatch(ctx, 'sprints.close', { name: 'S3', completed: 30, debtSpent: 5 }));
    expect(expectOk(dispatch(ctx, 'scenarios.apply', { reservePct: 12 }))).toEqual([]);
  });
});
