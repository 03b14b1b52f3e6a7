import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportJobRef, ImportJobStatus } from '../../shared/import/import-job.js';
import { generateGenericCsv } from '../bench/generic-csv-generator.js';
import { openStore, type Store } from '../store/open-store.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { createContext, dispatch, type HandlerContext } from './dispatch.js';
import { ImportJobs } from './import-jobs.js';

// Large enough to take many slices (a slice is a few milliseconds here), small enough for a unit test.
const ROWS = 6000;
const CONTENT = generateGenericCsv(ROWS);

let temp: ReturnType<typeof makeTempDir>;
let store: Store;
let ctx: HandlerContext;

beforeEach(() => {
  temp = makeTempDir();
  store = openStore(temp.file('jobs.paydown'));
  ctx = createContext(store, { importJobs: new ImportJobs({ sliceMs: 2 }) });
});
afterEach(() => {
  store.close();
  temp.cleanup();
});

/** Counted through a second connection to the file, as another process would see it. */
function countRows(table: 'debt_items' | 'audit_log'): number {
  const reader = new Database(store.path, { readonly: true });
  try {
    return reader.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number; // one count
  } finally {
    reader.close();
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function call(channel: 'import.start' | 'import.status' | 'import.cancel', input: unknown): unknown {
  const result = dispatch(ctx, channel, input);
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.message}`);
  return result.value;
}

const start = (extra: Record<string, unknown> = {}): string =>
  ImportJobRef.parse(call('import.start', { fileName: 'big.csv', content: CONTENT, ...extra })).jobId;
const status = (jobId: string): ImportJobStatus => ImportJobStatus.parse(call('import.status', { jobId }));

/** Polls until the job finishes, returning every status seen on the way. */
async function follow(jobId: string): Promise<ImportJobStatus[]> {
  const seen: ImportJobStatus[] = [];
  for (;;) {
    const now = status(jobId);
    seen.push(now);
    if (now.phase === 'done' || now.phase === 'failed' || now.phase === 'cancelled') return seen;
    await turn();
  }
}

const PHASES = ['reading', 'mapping', 'checking', 'writing', 'done'];

describe('import jobs', () => {
  it('reports progress that only moves forward, then the summary, and writes like import.run', async () => {
    const seen = await follow(start());
    const order = seen.map((s) => PHASES.indexOf(s.phase));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(seen.map((s) => s.phase))).toEqual(new Set(PHASES));
    for (const phase of ['reading', 'mapping', 'checking', 'writing']) {
      const done = seen.filter((s) => s.phase === phase).map((s) => s.done);
      expect(done.length).toBeGreaterThan(1);
      expect(done).toEqual([...done].sort((a, b) => a - b));
    }
    expect(seen.find((s) => s.phase === 'reading')?.total).toBe(CONTENT.length);
    const last = seen.at(-1);
    expect(last).toMatchObject({ phase: 'done', summary: { created: ROWS, errors: [] } });
    expect(countRows('debt_items')).toBe(ROWS);
    expect(countRows('audit_log')).toBe(ROWS);
  });

  it('writes nothing when cancelled, and other calls made meanwhile are kept', async () => {
    const jobId = start();
    while (status(jobId).phase !== 'checking') await turn();
    // Runs between two slices of the job: no transaction of the import may be open around it.
    const created = dispatch(ctx, 'items.create', { title: 'Typed while importing', likelihood: 2, impact: 2, effort: { low: 1, likely: 1, high: 1 }, interest: 0 });
    expect(created.ok).toBe(true);
    expect(ImportJobStatus.parse(call('import.cancel', { jobId }))).toMatchObject({ phase: 'cancelled' });
    for (let i = 0; i < 20; i += 1) await turn();
    expect(countRows('debt_items')).toBe(1);
    expect(countRows('audit_log')).toBe(1);
  });

  it('turns other calls away while it writes, and serves them again once it committed', async () => {
    const jobId = start();
    while (status(jobId).phase !== 'writing') await turn();
    await turn();
    const refused = dispatch(ctx, 'items.list', {});
    expect(refused).toEqual({ ok: false, error: { code: 'busy', message: expect.stringContaining('An import is writing to this portfolio') as unknown } });
    expect(dispatch(ctx, 'import.run', { fileName: 'small.csv', content: 'Title\nOne\n' })).toMatchObject({ ok: false, error: { code: 'busy' } });
    // Another program sees nothing of the import until it commits.
    expect(countRows('debt_items')).toBe(0);
    expect((await follow(jobId)).at(-1)).toMatchObject({ phase: 'done', summary: { created: ROWS } });
    expect(dispatch(ctx, 'items.list', {})).toMatchObject({ ok: true });
    expect(countRows('debt_items')).toBe(ROWS);
  });

  it('rolls back everything it wrote when cancelled while writing', async () => {
    const jobId = start();
    let now = status(jobId);
    while (!(now.phase === 'writing' && now.done > 0)) {
      await turn();
      now = status(jobId);
    }
    expect(ImportJobStatus.parse(call('import.cancel', { jobId }))).toMatchObject({ phase: 'cancelled', done: now.done });
    expect(dispatch(ctx, 'items.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    for (let i = 0; i < 20; i += 1) await turn();
    expect(countRows('debt_items')).toBe(0);
    expect(countRows('audit_log')).toBe(0);
  });

  it('lets a job started while another writes check its file meanwhile, then wait its turn to write', async () => {
    // Large enough that its write takes many slices, so the second job is ready long before it commits.
    const first = start({ content: generateGenericCsv(5 * ROWS) });
    while (status(first).phase !== 'writing') await turn();
    await turn();
    // A wizard starts a new preview whenever its mapping changes: import.start is taken even now.
    const second = start({ content: 'Title\nWritten after the big one\n' });
    // Both followed in one loop, so each pair of statuses is a moment both jobs were in.
    const moments: [ImportJobStatus, ImportJobStatus][] = [];
    let pair: [ImportJobStatus, ImportJobStatus] = [status(first), status(second)];
    moments.push(pair);
    while (pair[0].phase !== 'done' || pair[1].phase !== 'done') {
      await turn();
      pair = [pair[0].phase === 'done' ? pair[0] : status(first), pair[1].phase === 'done' ? pair[1] : status(second)];
      moments.push(pair);
    }
    expect(pair[0]).toMatchObject({ summary: { created: 5 * ROWS } });
    expect(pair[1]).toMatchObject({ summary: { created: 1 } });
    expect(moments.some(([one, two]) => one.phase === 'writing' && two.phase === 'writing' && two.done === 0)).toBe(true);
    expect(moments.some(([one, two]) => one.phase !== 'done' && two.phase === 'done')).toBe(false);
    expect(countRows('debt_items')).toBe(5 * ROWS + 1);
  });

  it('fails cleanly when a write fails halfway: everything rolled back, the portfolio usable again', async () => {
    // Stands in for a disk that fails in the middle of the write.
    store.db.exec(`CREATE TEMP TRIGGER fail_midway AFTER INSERT ON debt_items WHEN NEW.seq = ${String(ROWS / 2)}
      BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const logged: string[] = [];
    ctx = createContext(store, { importJobs: new ImportJobs({ sliceMs: 2 }), logError: (channel, error) => logged.push(`${channel}: ${String(error)}`) });
    const seen = await follow(start());
    expect(logged).toEqual(['import.start: SqliteError: disk trouble']);
    expect(seen.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'internal' } });
    expect(seen.some((s) => s.phase === 'writing' && s.done > 0)).toBe(true);
    expect(store.db.inTransaction).toBe(false);
    expect(dispatch(ctx, 'items.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    expect(countRows('debt_items')).toBe(0);
    expect(countRows('audit_log')).toBe(0);
  });

  it('a dry run job writes nothing and answers the same counts', async () => {
    const seen = await follow(start({ dryRun: true }));
    expect(seen.at(-1)).toMatchObject({ phase: 'done', summary: { created: ROWS } });
    expect(countRows('debt_items')).toBe(0);
    expect(countRows('audit_log')).toBe(0);
  });

  it('answers not-found for a job it does not know, and for a finished job once its answer was read', async () => {
    expect(dispatch(ctx, 'import.status', { jobId: 'no-such-job' })).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('No import job no-such-job') as unknown },
    });
    const jobId = start({ dryRun: true });
    await follow(jobId);
    expect(dispatch(ctx, 'import.status', { jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(dispatch(ctx, 'import.cancel', { jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('forgets a finished job nobody asks about after a while', async () => {
    ctx = createContext(store, { importJobs: new ImportJobs({ keepFinishedMs: 5 }) });
    const jobId = start({ content: 'Title\nOne\n' });
    for (let i = 0; i < 5; i += 1) await turn();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(dispatch(ctx, 'import.status', { jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(countRows('debt_items')).toBe(1);
  });

  it('reports a refused file as a finished job with its errors, writing nothing', async () => {
    const seen = await follow(start({ content: 'Title,Likelihood\nA,9\n' }));
    expect(seen.at(-1)).toMatchObject({ phase: 'done', summary: { created: 0, errors: [{ row: 1 }] } });
    expect(countRows('debt_items')).toBe(0);
  });
});
