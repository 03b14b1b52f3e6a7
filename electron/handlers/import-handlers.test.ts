import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportSummary } from '../../shared/import/import-schema.js';
import { allItems } from '../store/debt-items-repo.js';
import { openStore, type Store } from '../store/open-store.js';
import { createContext, dispatch, type HandlerContext } from './dispatch.js';
import { sequentialIds } from '../testing/handler-test-support.js';
import { makeTempDir } from '../testing/temp-dir.js';

let store: Store;
let ctx: HandlerContext;

beforeEach(() => {
  store = openStore(':memory:');
  ctx = createContext(store, {
    now: () => new Date('2026-11-25T09:00:00Z'),
    newId: sequentialIds(),
  });
});
afterEach(() => {
  store.close();
});

const CSV = 'Summary;Chance;Severity;Estimate;Notes\nSlow build;High;Low;2,5;"Takes 40 min;\non CI"\nFlaky tests;medium;very high;1;\n';

function run(input: Record<string, unknown>): ImportSummary {
  const result = dispatch(ctx, 'import.run', input);
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return ImportSummary.parse(result.value);
}

describe('import.run', () => {
  it('reads a semicolon CSV with decimal commas, synonyms and level words', () => {
    expect(run({ content: CSV, fileName: 'team.csv' })).toMatchObject({ created: 2, errors: [] });
    const [slow, flaky] = allItems(store.db);
    expect(slow).toMatchObject({ title: 'Slow build', likelihood: 4, impact: 2, effort: { likely: 2.5 }, description: 'Takes 40 min;\non CI' });
    expect(flaky).toMatchObject({ title: 'Flaky tests', likelihood: 3, impact: 5, effort: { likely: 1 } });
  });

  it('takes a mapping: columns by header, extra level words', () => {
    const content = 'Name,Odds,Hurts,Size\nOld runtime,sometimes,ouch,3\n';
    const summary = run({
      content,
      mapping: { columns: { title: 'Name', likelihood: 'odds', impact: 'HURTS' }, levels: { sometimes: 2, ouch: 5 } },
    });
    expect(summary).toMatchObject({ created: 1, errors: [] });
    expect(allItems(store.db)[0]).toMatchObject({ title: 'Old runtime', likelihood: 2, impact: 5, effort: { likely: 3 } });
  });

  it('converts SonarQube time into a points portfolio at the mapping\'s hours per point, and says so', () => {
    const content = JSON.stringify({ issues: [{ key: 'K1', message: 'Too complex', status: 'OPEN', effort: '2h', type: 'CODE_SMELL', severity: 'MAJOR' }] });
    const summary = run({ content, mapping: { hoursPerPoint: 4 } });
    expect(allItems(store.db)[0]?.effort.likely).toBe(0.5);
    expect(summary.notes.join(' ')).toMatch(/converted to points at 4 hours per point/);
  });

  it('previews with dryRun: the same counts, nothing written', () => {
    const preview = run({ content: CSV, dryRun: true });
    expect(preview).toMatchObject({ created: 2 });
    expect(allItems(store.db)).toHaveLength(0);
  });

  it.each([
    [{ content: CSV, format: 'xml' }, 'format'],
    [{ content: CSV, mapping: { colour: 'red' } }, 'mapping'],
    [{ content: CSV, mapping: { levels: { constructor: 5 } } }, 'mapping.levels'],
    [{ content: CSV, mapping: { levels: { high: 9 } } }, 'mapping.levels'],
    [{ content: CSV, mapping: { columns: { nonsense: 'x' } } }, 'mapping.columns'],
    [{ content: CSV, dryRun: 'yes' }, 'dryRun'],
    [{ content: 42 }, 'content'],
    [{ content: CSV, extra: true }, ''],
  ])('refuses the malformed request %j as invalid input naming %s', (input, field) => {
    const result = dispatch(ctx, 'import.run', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues?.some((issue) => issue.path.startsWith(field))).toBe(true);
    expect(allItems(store.db)).toHaveLength(0);
  });

  it('never lets a hostile mapping touch Object.prototype', () => {
    const mapping = JSON.parse('{"levels": {"__proto__": {"polluted": "yes"}, "ok": 3}, "__proto__": {"polluted": "yes"}}') as unknown;
    expect(dispatch(ctx, 'import.run', { content: CSV, mapping }).ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('import.run on a file another program is writing', () => {
  it('answers busy with nothing begun, and leaves the connection as it was', () => {
    const temp = makeTempDir();
    const file = openStore(temp.file('shared.paydown'));
    try {
      file.db.pragma('busy_timeout = 20');
      const other = new Database(file.path);
      other.exec('BEGIN IMMEDIATE');
      try {
        const cacheBefore = file.db.pragma('cache_size', { simple: true }) as number;
        const answer = dispatch(createContext(file), 'import.run', { content: 'Title\nOne\n', fileName: 'one.csv' });
        expect(answer).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('The portfolio file is busy') as unknown } });
        expect(file.db.inTransaction).toBe(false);
        expect(file.db.pragma('cache_size', { simple: true })).toBe(cacheBefore);
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      expect(dispatch(createContext(file), 'import.run', { content: 'Title\nOne\n', fileName: 'one.csv' })).toMatchObject({ ok: true, value: { created: 1 } });
    } finally {
      file.close();
      temp.cleanup();
    }
  });
});
