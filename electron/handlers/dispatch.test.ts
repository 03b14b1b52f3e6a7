import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api/channels.js';
import type { Output } from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/result.js';
import type { DebtItem, DebtItemDraftInput } from '../../shared/domain/debt-item.js';
import { auditCount, auditTrail } from '../store/audit-repo.js';
import { LATEST_VERSION } from '../store/migrations/index.js';
import { openStore, type Store } from '../store/open-store.js';
import { createContext, dispatch, handlers, type HandlerContext } from './dispatch.js';
import { expectFail, expectOk, sequentialIds } from '../testing/handler-test-support.js';

let store: Store;
let ctx: HandlerContext;
let clock: number;
const logged: unknown[] = [];

beforeEach(() => {
  store = openStore(':memory:');
  clock = Date.parse('2026-11-25T09:00:00Z');
  logged.length = 0;
  ctx = createContext(store, {
    now: () => new Date((clock += 1000)),
    newId: sequentialIds(),
    logError: (_channel, error) => logged.push(error),
  });
});
afterEach(() => {
  store.close();
});

const draft = (over: Partial<DebtItemDraftInput> = {}): DebtItemDraftInput => ({
  title: 'Flaky checkout tests',
  likelihood: 3,
  impact: 4,
  effort: { low: 2, likely: 3, high: 10 },
  interest: 1,
  ...over,
});

const create = (over: Partial<DebtItemDraftInput> = {}): DebtItem =>
  expectOk(dispatch(ctx, 'items.create', draft(over)) as Result<DebtItem>);

const itemCount = (): number => store.db.prepare('SELECT count(*) FROM debt_items').pluck().get() as number;

describe('dispatch', () => {
  it('has exactly one handler per contract channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
  });

  it('refuses an unknown action by name', () => {
    const error = expectFail(dispatch(ctx, 'items.drop', {}), 'unknown-action');
    expect(error.message).toContain('items.drop');
  });

  describe('items.create', () => {
    it('creates an item with defaults, id, timestamps, version 1 and an audit entry', () => {
      const item = create({ title: '  Flaky checkout tests  ', tags: ['ci', 'ci', 'flaky'] });
      expect(item).toMatchObject({
        id: '00000000-0000-4000-8000-000000000001',
        title: 'Flaky checkout tests',
        kind: 'code',
        status: 'open',
        tags: ['ci', 'flaky'],
        version: 1,
        createdAt: '2026-11-25T09:00:01.000Z',
        updatedAt: '2026-11-25T09:00:01.000Z',
      });
      const trail = auditTrail(store.db, 'item', item.id);
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({ action: 'create', before: null, after: item });
    });

    it.each([
      ['an empty title', { title: '   ' }, 'title', 'The title is required.'],
      ['likelihood 7', { likelihood: 7 }, 'likelihood', 'Likelihood must be from 1 to 5.'],
      ['a fractional impact', { impact: 2.5 }, 'impact', 'Impact must be a whole number from 1 to 5.'],
      ['effort low above likely', { effort: { low: 5, likely: 3, high: 8 } }, 'effort.low', 'Low effort cannot be more than the likely effort.'],
      ['negative interest', { interest: -1 }, 'interest', 'Interest per sprint cannot be negative.'],
      ['an unknown kind', { kind: 'vibes' as 'code' }, 'kind', ''],
      ['a bad due date', { dueDate: '31/12/2026' }, 'dueDate', 'Use a date written as YYYY-MM-DD.'],
      ['accepted without rationale', { status: 'accepted' as const }, 'acceptance.rationale', 'Accepted debt needs a written rationale'],
      ['a 201-character title', { title: 'x'.repeat(201) }, 'title', 'at most 200'],
    ])('refuses %s with a field message and writes nothing', (_name, over, path, message) => {
      const error = expectFail(dispatch(ctx, 'items.create', draft(over)), 'invalid-input');
      const issue = error.issues?.find((i) => i.path === path);
      expect(issue, `issues: ${JSON.stringify(error.issues)}`).toBeDefined();
      expect(issue?.message).toContain(message);
      expect(error.message).toContain(path);
      expect(itemCount()).toBe(0);
      expect(auditCount(store.db)).toBe(0);
    });

    it('refuses payloads that are not objects', () => {
      for (const raw of [null, undefined, 'title', 42, []]) {
        expectFail(dispatch(ctx, 'items.create', raw), 'invalid-input');
      }
      expect(itemCount()).toBe(0);
    });
  });

  describe('items.get', () => {
    it('returns a stored item and reports a missing one as not-found', () => {
      const item = create();
      expect(expectOk(dispatch(ctx, 'items.get', { id: item.id }))).toEqual(item);
      const error = expectFail(dispatch(ctx, 'items.get', { id: '00000000-0000-4000-8000-00000000ffff' }), 'not-found');
      expect(error.message).toContain('00000000-0000-4000-8000-00000000ffff');
      expectFail(dispatch(ctx, 'items.get', { id: 'not-a-uuid' }), 'invalid-input');
    });
  });

  describe('items.update', () => {
    it('applies a partial change, bumps the version and records before/after', () => {
      const item = create({ dueDate: '2027-01-31', tags: ['a'] });
      const updated = expectOk(
        dispatch(ctx, 'items.update', { id: item.id, version: 1, changes: { impact: 5, dueDate: null, tags: ['b', 'a'] } }) as Result<DebtItem>,
      );
      expect(updated).toMatchObject({ impact: 5, version: 2, tags: ['b', 'a'], createdAt: item.createdAt });
      expect(updated.dueDate).toBeUndefined();
      expect(updated.updatedAt > item.updatedAt).toBe(true);
      expect(expectOk(dispatch(ctx, 'items.get', { id: item.id }))).toEqual(updated);
      const trail = auditTrail(store.db, 'item', item.id);
      expect(trail.map((e) => e.action)).toEqual(['create', 'update']);
      expect(trail[1]).toMatchObject({ before: item, after: updated });
    });

    it('refuses a stale version with a conflict that names both versions', () => {
      const item = create();
      expectOk(dispatch(ctx, 'items.update', { id: item.id, version: 1, changes: { title: 'First edit' } }));
      const error = expectFail(dispatch(ctx, 'items.update', { id: item.id, version: 1, changes: { title: 'Second edit' } }), 'conflict');
      expect(error.message).toContain('version 1');
      expect(error.message).toContain('version 2');
      expect((expectOk(dispatch(ctx, 'items.get', { id: item.id })) as DebtItem).title).toBe('First edit');
    });

    it('validates the merged item and writes nothing when it is invalid', () => {
      const item = create();
      const error = expectFail(
        dispatch(ctx, 'items.update', { id: item.id, version: 1, changes: { effort: { low: 9, likely: 3, high: 1 } } }),
        'invalid-input',
      );
      expect(error.issues?.map((i) => i.path)).toEqual(['effort.low', 'effort.high']);
      expect(expectOk(dispatch(ctx, 'items.get', { id: item.id }))).toEqual(item);
      expect(auditCount(store.db)).toBe(1);
    });

    it('requires a rationale when the status becomes accepted', () => {
      const item = create();
      expectFail(dispatch(ctx, 'items.update', { id: item.id, version: 1, changes: { status: 'accepted' } }), 'invalid-input');
      const accepted = expectOk(
        dispatch(ctx, 'items.update', {
          id: item.id,
          version: 1,
          changes: { status: 'accepted', acceptance: { rationale: 'Module is sunset in Q3', reviewOn: '2027-03-01' } },
        }) as Result<DebtItem>,
      );
      expect(accepted.acceptance).toEqual({ rationale: 'Module is sunset in Q3', reviewOn: '2027-03-01' });
    });

    it('refuses unknown fields in changes', () => {
      const item = create();
      expectFail(dispatch(ctx, 'items.update', { id: item.id, version: 1, changes: { id: 'x' } }), 'invalid-input');
    });
  });

  describe('items.delete', () => {
    it('deletes with the current version, keeps the audit trail, and refuses stale or missing ones', () => {
      const item = create({ tags: ['ci'] });
      expectFail(dispatch(ctx, 'items.delete', { id: item.id, version: 2 }), 'conflict');
      expect(expectOk(dispatch(ctx, 'items.delete', { id: item.id, version: 1 }))).toEqual({ id: item.id });
      expect(itemCount()).toBe(0);
      expect(store.db.prepare('SELECT count(*) FROM item_tags').pluck().get()).toBe(0);
      expect(auditTrail(store.db, 'item', item.id).map((e) => e.action)).toEqual(['create', 'delete']);
      expectFail(dispatch(ctx, 'items.delete', { id: item.id, version: 1 }), 'not-found');
    });
  });

  describe('items.list', () => {
    const list = (query: unknown): Output<'items.list'> => expectOk(dispatch(ctx, 'items.list', query) as Result<Output<'items.list'>>);

    beforeEach(() => {
      create({ title: 'OAuth token refresh race', kind: 'security', owner: 'Zoë', tags: ['auth'], likelihood: 5, impact: 5 });
      create({ title: 'Legacy build scripts', kind: 'infrastructure', owner: 'Ana', tags: ['ci'], likelihood: 2, impact: 2 });
      create({ title: 'Missing index on orders', kind: 'code', owner: 'Ana', status: 'planned', likelihood: 4, impact: 4, description: 'Slow customer lookups' });
      create({ title: 'Outdated React', kind: 'dependency', owner: 'Zoë', status: 'paid', tags: ['ci', 'frontend'] });
    });

    it('pages with a total, newest first by default', () => {
      const page = list({ limit: 2 });
      expect(page.total).toBe(4);
      expect(page.items.map((i) => i.title)).toEqual(['Outdated React', 'Missing index on orders']);
      expect(list({ limit: 2, offset: 2 }).items.map((i) => i.title)).toEqual(['Legacy build scripts', 'OAuth token refresh race']);
    });

    it('filters by status, kind, owner, tag and text', () => {
      expect(list({ status: ['open', 'planned'] }).total).toBe(3);
      expect(list({ kind: ['security', 'code'] }).total).toBe(2);
      expect(list({ owner: 'Ana' }).items.map((i) => i.title).sort()).toEqual(['Legacy build scripts', 'Missing index on orders']);
      expect(list({ tag: 'ci' }).total).toBe(2);
      expect(list({ text: 'auth' }).items.map((i) => i.title)).toEqual(['OAuth token refresh race']);
      expect(list({ text: 'customer' }).items.map((i) => i.title)).toEqual(['Missing index on orders']);
      expect(list({ text: 'Re' }).items.map((i) => i.title).sort()).toEqual(['OAuth token refresh race', 'Outdated React']);
      expect(list({ text: '"; DROP TABLE debt_items; --' }).total).toBe(0);
      expect(list({ text: '%' }).total).toBe(0);
      expect(list({ owner: 'Zoë', tag: 'ci' }).items.map((i) => i.title)).toEqual(['Outdated React']);
    });

    it('sorts by any sort field in both directions', () => {
      expect(list({ sort: 'risk', direction: 'desc' }).items.map((i) => i.likelihood * i.impact)).toEqual([25, 16, 12, 4]);
      expect(list({ sort: 'title', direction: 'asc' }).items[0]?.title).toBe('Legacy build scripts');
    });

    it('refuses bad queries', () => {
      expectFail(dispatch(ctx, 'items.list', { limit: 5000 }), 'invalid-input');
      expectFail(dispatch(ctx, 'items.list', { sort: 'password' }), 'invalid-input');
      expectFail(dispatch(ctx, 'items.list', { status: ['gone'] }), 'invalid-input');
      expectFail(dispatch(ctx, 'items.list', { offset: -1 }), 'invalid-input');
    });
  });

  describe('portfolio and settings', () => {
    it('reports the portfolio with counts, owners and tags', () => {
      create({ owner: 'Ana', tags: ['ci'] });
      create({ owner: '', status: 'paid', tags: ['auth', 'ci'] });
      expect(expectOk(dispatch(ctx, 'portfolio.info', {}))).toMatchObject({
        path: ':memory:',
        name: 'My portfolio',
        unit: 'points',
        schemaVersion: LATEST_VERSION,
        itemCount: 2,
        openCount: 1,
        owners: ['Ana'],
        tags: ['auth', 'ci'],
      });
    });

    it('gets and sets settings, refusing invalid values without a partial write', () => {
      expect(expectOk(dispatch(ctx, 'settings.get', {}))).toEqual({ name: 'My portfolio', unit: 'points', sprintLengthDays: 14 });
      expect(expectOk(dispatch(ctx, 'settings.set', { name: 'Payments', unit: 'hours' }))).toEqual({
        name: 'Payments',
        unit: 'hours',
        sprintLengthDays: 14,
      });
      const error = expectFail(dispatch(ctx, 'settings.set', { name: 'Other', sprintLengthDays: 0 }), 'invalid-input');
      expect(error.issues?.[0]?.path).toBe('sprintLengthDays');
      expectFail(dispatch(ctx, 'settings.set', { colour: 'red' }), 'invalid-input');
      expect(expectOk(dispatch(ctx, 'settings.get', {}))).toMatchObject({ name: 'Payments' });
      expect(auditTrail(store.db, 'settings', 'portfolio')).toHaveLength(1);
    });

    it('loads the sample into an empty portfolio only', () => {
      const { created } = expectOk(dispatch(ctx, 'portfolio.loadSample', {})) as { created: number };
      expect(created).toBeGreaterThanOrEqual(35);
      expect(itemCount()).toBe(created);
      expectFail(dispatch(ctx, 'portfolio.loadSample', {}), 'conflict');
      expect(itemCount()).toBe(created);
    });
  });

  describe('scoring', () => {
    it('explains the worked example: risk 12 (High), expected effort 4, ROI 3, breaking point 4', () => {
      const item = create();
      const other = create({ title: 'Tiny fix', effort: { low: 0, likely: 0, high: 0 }, interest: 2 });
      const explained = expectOk(dispatch(ctx, 'items.explain', { id: item.id }) as Result<Output<'items.explain'>>);
      expect(explained.scores).toMatchObject({ risk: 12, riskBand: 'High', expectedEffort: 4, roi: 3, breakingPoint: 4 });
      expect(explained).toMatchObject({ rank: 2, of: 2, horizonSprints: 12, today: '2026-11-25' });
      expect(explained.terms.map((t) => t.key)).toEqual(['risk', 'interest', 'timeCriticality', 'outcome']);
      const free = expectOk(dispatch(ctx, 'items.explain', { id: other.id }) as Result<Output<'items.explain'>>);
      expect(free.scores).toMatchObject({ roi: null, priority: null });
      expect(free.rank).toBe(1);
      expectFail(dispatch(ctx, 'items.explain', { id: '00000000-0000-4000-8000-00000000ffff' }), 'not-found');
    });

    it('gets and sets weights and horizon, refusing all-zero weights', () => {
      const thresholds = { risk: 10, roi: 1 };
      expect(expectOk(dispatch(ctx, 'scoring.get', {}))).toEqual({ horizonSprints: 12, weights: { risk: 1, interest: 1, timeCriticality: 1, outcome: 1 }, thresholds });
      const weights = { risk: 3, interest: 1, timeCriticality: 1, outcome: 0.5 };
      expect(expectOk(dispatch(ctx, 'scoring.set', { weights, horizonSprints: 6 }))).toEqual({ horizonSprints: 6, weights, thresholds });
      expectFail(dispatch(ctx, 'scoring.set', { weights: { risk: 0, interest: 0, timeCriticality: 0, outcome: 0 } }), 'invalid-input');
      expectFail(dispatch(ctx, 'scoring.set', { horizonSprints: 0 }), 'invalid-input');
      expect(expectOk(dispatch(ctx, 'scoring.get', {}))).toEqual({ horizonSprints: 6, weights, thresholds });
      const item = create();
      expect((expectOk(dispatch(ctx, 'items.explain', { id: item.id })) as Output<'items.explain'>).scores.carryingCost).toBe(6);
    });

    it('keeps the quadrant thresholds beside the weights, refusing ones the matrix cannot draw', () => {
      const saved = expectOk(dispatch(ctx, 'scoring.set', { thresholds: { risk: 12, roi: 2.5 } })) as Output<'scoring.set'>;
      expect(saved).toEqual({ horizonSprints: 12, weights: { risk: 1, interest: 1, timeCriticality: 1, outcome: 1 }, thresholds: { risk: 12, roi: 2.5 } });
      const auditRows = store.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'settings'").pluck().get();
      expect(expectFail(dispatch(ctx, 'scoring.set', { thresholds: { risk: 12.5, roi: 1 } }), 'invalid-input').message).toContain('whole number from 1 to 25');
      expect(expectFail(dispatch(ctx, 'scoring.set', { thresholds: { risk: 10, roi: 0 } }), 'invalid-input').message).toContain('at least 0.01');
      expect(store.db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'settings'").pluck().get()).toBe(auditRows);
      expect((expectOk(dispatch(ctx, 'scoring.get', {})) as Output<'scoring.get'>).thresholds).toEqual({ risk: 12, roi: 2.5 });
    });

    it('reads the default thresholds from a portfolio whose scoring was saved before thresholds were kept', () => {
      store.db.prepare("INSERT INTO settings (key, value) VALUES ('scoring', ?)").run(JSON.stringify({ horizonSprints: 8, weights: { risk: 2, interest: 1, timeCriticality: 1, outcome: 1 } }));
      expect(expectOk(dispatch(ctx, 'scoring.get', {}))).toEqual({ horizonSprints: 8, weights: { risk: 2, interest: 1, timeCriticality: 1, outcome: 1 }, thresholds: { risk: 10, roi: 1 } });
    });
  });

  it('reports unexpected failures safely and logs them', () => {
    store.db.exec('DROP TABLE audit_log');
    const error = expectFail(dispatch(ctx, 'items.create', draft()), 'internal');
    expect(error.message).toContain('nothing was changed');
    expect(logged).toHaveLength(1);
    expect(itemCount()).toBe(0);
  });
});
