import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api/contract.js';
import { readMatrixData } from '../../shared/api/matrix-codec.js';
import { textAt, type LoadedMatrix } from '../../shared/api/matrix-data.js';
import { KINDS } from '../../shared/domain/debt-item.js';
import type { Result } from '../../shared/api/result.js';
import type { DebtItemDraftInput } from '../../shared/domain/debt-item.js';
import { scoreContext, scorePortfolio } from '../../shared/scoring/score-portfolio.js';
import { scoreColumns } from '../../shared/scoring/score-columns.js';
import { openStore, type Store } from '../store/open-store.js';
import { createContext, dispatch, type HandlerContext } from './dispatch.js';
import { sequentialIds } from '../testing/handler-test-support.js';
import { makeTempDir } from '../testing/temp-dir.js';

let store: Store;
let ctx: HandlerContext;

beforeEach(() => {
  store = openStore(':memory:');
  let clock = Date.parse('2026-11-25T09:00:00Z');
  ctx = createContext(store, {
    now: () => new Date((clock += 1000)),
    newId: sequentialIds(),
  });
});
afterEach(() => {
  store.close();
});

function value(result: Result<unknown>): unknown {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

const create = (over: Partial<DebtItemDraftInput>) =>
  value(dispatch(ctx, 'items.create', { title: 'Debt', likelihood: 3, impact: 4, effort: { low: 2, likely: 3, high: 10 }, interest: 1, ...over }));

// dispatch answers Result<unknown>; each helper names the channel whose Output it reads.
// The renderer's decoder reads the compact columns, after the same JSON round trip the preview host makes.
const matrix = (input: unknown) => {
  const sent = value(dispatch(ctx, 'items.matrix', input)) as Output<'items.matrix'>;
  return value(readMatrixData(JSON.parse(JSON.stringify(sent)))) as LoadedMatrix;
};
const list = (input: unknown) => value(dispatch(ctx, 'items.list', input)) as Output<'items.list'>;

describe('items.matrix', () => {
  beforeEach(() => {
    create({ title: 'Flaky checkout tests', kind: 'test', owner: 'Zoë', tags: ['checkout'], outcome: 'lead_time', dueDate: '2026-12-09' });
    create({ title: 'Old TLS library', kind: 'security', status: 'planned', interest: 4, effort: { low: 0, likely: 0, high: 0 } });
    create({ title: 'Undocumented deploy', kind: 'documentation', interest: 0, tags: ['checkout', 'ops'] });
  });

  it('answers every item as columns, with the portfolio-wide scale and the scoring settings', () => {
    const m = matrix({});
    expect(m.columns.title).toEqual(['Flaky checkout tests', 'Old TLS library', 'Undocumented deploy']);
    expect(Array.from(m.columns.kind, (k) => KINDS[k])).toEqual(['test', 'security', 'documentation']);
    expect([0, 1, 2].map((i) => textAt(m.columns.dueDate, i))).toEqual(['2026-12-09', null, null]);
    expect([0, 1, 2].map((i) => textAt(m.columns.outcome, i))).toEqual(['lead_time', null, null]);
    expect(m.columns.effortHigh).toEqual(Float64Array.from([10, 0, 10]));
    expect(m).toMatchObject({ portfolioCount: 3, maxInterest: 4, sprintLengthDays: 14, unit: 'points', today: '2026-11-25' });
    expect(m.scoring.horizonSprints).toBe(12);
  });

  it('marks the items nobody estimated: effort 0 with the effort-unknown tag, not a real zero or the tag alone', () => {
    create({ title: 'Imported issue', effort: { low: 0, likely: 0, high: 0 }, tags: ['github', 'effort-unknown'] });
    create({ title: 'Estimated since', effort: { low: 1, likely: 2, high: 3 }, tags: ['effort-unknown'] });
    const m = matrix({});
    expect(m.columns.title.filter((_t, i) => m.columns.notEstimated[i] === 1)).toEqual(['Imported issue']);
    expect(Array.from(m.columns.notEstimated)).toEqual([0, 0, 0, 1, 0]);
  });

  it('shows exactly the items the table shows for the same filters', () => {
    const filters = [{ kind: ['security'] }, { status: ['open'] }, { owner: 'Zoë' }, { tag: 'checkout' }, { text: 'zoe' }, { text: 'tls' }, {}];
    for (const f of filters) {
      const m = matrix(f);
      const page = list({ ...f, limit: 1000 });
      expect([...m.columns.id].sort()).toEqual(page.items.map((i) => i.id).sort());
      // Filters narrow the items, never the scale the scores are judged on.
      expect(m.portfolioCount).toBe(3);
      expect(m.maxInterest).toBe(4);
    }
  });

  it('lets the renderer score exactly as items.explain does', () => {
    const m = matrix({});
    const items = list({ limit: 1000 }).items;
    const ctxScores = scoreContext(items, m.scoring, m.sprintLengthDays, m.today);
    expect(ctxScores.maxInterest).toBe(m.maxInterest);
    const scores = scoreColumns(m.columns, ctxScores);
    for (const { item, scores: expected } of scorePortfolio(items, m.scoring, m.sprintLengthDays, m.today)) {
      const i = m.columns.id.indexOf(item.id);
      expect(scores.priority[i]).toBe(expected.priority);
      expect(scores.roi[i]).toBe(expected.roi);
    }
  });

  it('refuses sorting and paging fields, which the matrix does not take', () => {
    const result = dispatch(ctx, 'items.matrix', { sort: 'risk' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-input');
  });

  it('keeps titles with characters outside the BMP whole, in the order the items were added', () => {
    create({ title: 'Emoji 🚀 in the build 🔥', effort: { low: 0.25, likely: 1.5, high: 1e6 } });
    create({ title: 'Zoë’s “quoted” title, with a comma' });
    const m = matrix({});
    expect(m.columns.title).toEqual([
      'Flaky checkout tests',
      'Old TLS library',
      'Undocumented deploy',
      'Emoji 🚀 in the build 🔥',
      'Zoë’s “quoted” title, with a comma',
    ]);
    expect(m.columns.effortLow[3]).toBe(0.25);
    expect(m.columns.effortLikely[3]).toBe(1.5);
    expect(m.columns.effortHigh[3]).toBe(1e6);
    expect(m.columns.version[3]).toBe(1);
  });

  it('answers nothing as an empty matrix', () => {
    const m = matrix({ owner: 'nobody' });
    expect(m.columns.count).toBe(0);
    expect(m.columns.id).toEqual([]);
    expect(m.columns.title).toEqual([]);
  });

  it('refuses a portfolio whose rows Paydown cannot read, naming what is wrong, instead of drawing wrong points', () => {
    store.db.prepare("UPDATE debt_items SET kind = 'mystery' WHERE title = 'Old TLS library'").run();
    const result = dispatch(ctx, 'items.matrix', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringMatching(/damaged: item 2 has no valid kind/) as unknown } });
  });
});


describe('items.matrixRevision', () => {
  const revision = (c: HandlerContext = ctx) => (value(dispatch(c, 'items.matrixRevision', {})) as Output<'items.matrixRevision'>).revision;
  const sentRevision = (c: HandlerContext = ctx) => (value(dispatch(c, 'items.matrix', {})) as Output<'items.matrix'>).revision;

  it('stays the matrix answer’s revision while nothing changes, and moves with every write', () => {
    create({ title: 'Old TLS library' });
    const held = sentRevision();
    expect(revision()).toBe(held);
    dispatch(ctx, 'items.list', {});
    expect(revision()).toBe(held);
    const item = create({ title: 'Flaky deploy' }) as { id: string; version: number };
    const afterCreate = revision();
    expect(afterCreate).not.toBe(held);
    value(dispatch(ctx, 'scoring.set', { horizonSprints: 6 }));
    const afterScoring = revision();
    expect(afterScoring).not.toBe(afterCreate);
    value(dispatch(ctx, 'items.delete', { id: item.id, version: item.version }));
    expect(revision()).not.toBe(afterScoring);
    expect(sentRevision()).toBe(revision());
  });

  it('moves when the date does, since time criticality is measured from today', () => {
    const days = ['2026-11-25T09:00:00Z', '2026-11-25T18:00:00Z', '2026-11-26T09:00:00Z'];
    let day = 0;
    const dated = createContext(store, { now: () => new Date(days[day] ?? '') });
    const first = revision(dated);
    day = 1;
    expect(revision(dated)).toBe(first);
    day = 2;
    expect(revision(dated)).not.toBe(first);
  });

  it('moves when another connection writes the file, and differs between two files', () => {
    const temp = makeTempDir('paydown-revision-');
    try {
      const file = temp.file('team.paydown');
      const mine = openStore(file);
      const theirs = openStore(file);
      const other = openStore(temp.file('other.paydown'));
      try {
        const mineCtx = createContext(mine);
        const before = revision(mineCtx);
        expect(revision(createContext(other))).not.toBe(before);
        value(dispatch(createContext(theirs), 'items.create', { title: 'From the CLI', likelihood: 2, impact: 2, effort: { low: 1, likely: 1, high: 1 }, interest: 0 }));
        expect(revision(mineCtx)).not.toBe(before);
      } finally {
        mine.close();
        theirs.close();
        other.close();
      }
    } finally {
      temp.cleanup();
    }
  });
});
