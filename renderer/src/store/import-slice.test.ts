import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fail, ok, type Result } from '../../../shared/api/result.js';
import type { ImportJobStatus } from '../../../shared/import/import-job.js';
import { ImportMapping, MAX_IMPORT_BYTES, type ImportSummary } from '../../../shared/import/import-schema.js';
import type { SavedMapping } from '../../../shared/import/saved-mapping.js';
import { EMPTY_MAPPING_DRAFT } from '../forms/import-mapping.js';
import { createAppStore } from './app-store.js';
import { fakeBridge } from './fake-bridge.js';
import { JOB_FROM_CHARS, type PickedFile } from './import-slice.js';

const CSV = 'Title,Likelihood,Impact,Team\nRewrite billing,4,5,Payments\nDrop IE11 polyfills,2,2,Web\n';
const SUMMARY: ImportSummary = { created: 2, updated: 0, unchanged: 0, skipped: 0, errors: [], notes: ['Read as a generic CSV, comma-separated.'] };

const picked = (name: string, bytes: Uint8Array, size = bytes.length): PickedFile => ({ name, size, bytes: () => Promise.resolve(bytes) });
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function setup() {
  const fake = fakeBridge({ 'import.run': () => ok(SUMMARY) });
  return { ...fake, store: createAppStore(fake.bridge) };
}

test('a picked CSV is decoded, its format detected and its header kept for the mapping', async () => {
  const { store } = setup();
  await store.getState().chooseImportFile(picked('debt.csv', utf8(CSV)));
  expect(store.getState()).toMatchObject({
    importOpen: true,
    importFileError: null,
    importSource: { fileName: 'debt.csv', content: CSV, detected: 'csv', header: ['Title', 'Likelihood', 'Impact', 'Team'] },
  });
  expect(store.getState().importSource?.note).toBeUndefined();
});

test('a file that is not UTF-8 is read as Windows-1252 with a note', async () => {
  const { store } = setup();
  await store.getState().chooseImportFile(picked('latin.csv', Uint8Array.from([...utf8('Title,Owner\nX,J'), 0xfc, ...utf8('rgen\n')])));
  expect(store.getState().importSource).toMatchObject({ content: 'Title,Owner\nX,Jürgen\n', note: expect.stringMatching(/Windows-1252/) as unknown });
  await store.getState().previewImport();
  expect(store.getState().importPreview?.notes).toEqual([store.getState().importSource?.note, ...SUMMARY.notes]);
});

test('a file over the limit is refused without being read, and a workbook with what to do instead', async () => {
  const { store } = setup();
  let read = false;
  const huge: PickedFile = { name: 'huge.csv', size: MAX_IMPORT_BYTES + 1, bytes: () => ((read = true), Promise.resolve(new Uint8Array())) };
  await store.getState().chooseImportFile(huge);
  expect(read).toBe(false);
  expect(store.getState().importFileError).toMatch(/Paydown imports files up to 200 MB/);
  await store.getState().chooseImportFile(picked('book.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0])));
  expect(store.getState().importFileError).toMatch(/save it as “CSV UTF-8”/);
  expect(store.getState().importSource).toBeNull();
});

test('the preview is a dry run of exactly the request the import sends', async () => {
  const { store, inputsOf } = setup();
  await store.getState().chooseImportFile(picked('debt.csv', utf8(CSV)));
  store.getState().setImportColumns({ area: 'Team' });
  await store.getState().setImportOptions({ skipInvalid: true });
  await store.getState().previewImport();
  expect(store.getState().importPreview).toEqual(SUMMARY);
  await store.getState().runImport();
  const [preview, real] = inputsOf('import.run');
  expect(preview).toEqual({
    fileName: 'debt.csv',
    content: CSV,
    format: 'auto',
    mapping: { columns: { area: 'Team' } },
    skipInvalid: true,
    overwriteTeamFields: false,
    dryRun: true,
  });
  expect(real).toEqual({ ...(preview as object), dryRun: false });
  expect(store.getState()).toMatchObject({ importStep: 'done', importResult: SUMMARY });
});

test('changing an option on the preview step runs the preview again; a failed call becomes a notice', async () => {
  const { store, inputsOf, handlers } = setup();
  await store.getState().chooseImportFile(picked('debt.csv', utf8(CSV)));
  await store.getState().previewImport();
  await store.getState().setImportOptions({ overwriteTeamFields: true });
  expect(inputsOf('import.run')).toHaveLength(2);
  expect(inputsOf('import.run')[1]).toMatchObject({ overwriteTeamFields: true, dryRun: true });
  handlers['import.run'] = () => ({ ok: false, error: { code: 'internal', message: 'Disk full.' } });
  await store.getState().runImport();
  expect(store.getState().importStep).toBe('preview');
  expect(store.getState().notices.at(-1)?.message).toMatch(/Could not import “debt.csv”. Disk full./);
});

test('showing the imported items closes the wizard and reloads the list', async () => {
  const { store, inputsOf } = setup();
  await store.getState().chooseImportFile(picked('debt.csv', utf8(CSV)));
  await store.getState().runImport();
  const listsBefore = inputsOf('items.list').length;
  await store.getState().showImportedItems();
  expect(store.getState()).toMatchObject({ importOpen: false, importSource: null, importResult: null });
  expect(inputsOf('items.list').length).toBe(listsBefore + 1);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

test('the whole mapping goes into the request, and a mistake in it sends nothing at all', async () => {
  const { store, inputsOf } = setup();
  await store.getState().chooseImportFile(picked('debt.csv', utf8(CSV)));
  store.getState().setImportColumns({ area: 'Team' });
  // Hours per day is not read from a generic CSV, so it is neither sent nor checked.
  const draft = { ...EMPTY_MAPPING_DRAFT, levels: [{ word: 'Very likely', level: '5' }], defaultImpact: '2', decimalSeparator: ',', hoursPerDay: '30' } as const;
  store.getState().setImportMappingDraft(draft);
  await store.getState().refreshImportPreview();
  expect(store.getState()).toMatchObject({ importStep: 'file', importPreview: SUMMARY });
  expect(inputsOf('import.run')[0]).toMatchObject({
    dryRun: true,
    mapping: { columns: { area: 'Team' }, levels: { 'Very likely': 5 }, defaultImpact: 2, decimalSeparator: ',' },
  });
  store.getState().setImportMappingDraft({ ...draft, levels: [{ word: 'Seldom', level: '' }] });
  expect(store.getState().importPreview).toBeNull();
  await store.getState().previewImport();
  await store.getState().runImport();
  expect(inputsOf('import.run')).toHaveLength(1);
  expect(store.getState().importResult).toBeNull();
});

test('choosing a delimiter reads the header again and matches its columns afresh', async () => {
  const { store } = setup();
  const semicolons = 'Title;Effort, in days, likely;Notes, free text\nRewrite billing;2,5;None\n';
  await store.getState().chooseImportFile(picked('debt.csv', utf8(semicolons)));
  expect(store.getState().importSource?.header).toEqual(['Title;Effort', 'in days', 'likely;Notes', 'free text']);
  store.getState().setImportColumns({ title: 'Title;Effort' });
  store.getState().setImportMappingDraft({ ...EMPTY_MAPPING_DRAFT, delimiter: ';' });
  expect(store.getState().importSource?.header).toEqual(['Title', 'Effort, in days, likely', 'Notes, free text']);
  expect(store.getState().importColumns).toEqual({});
});

test('the mapping of a finished import is saved in the portfolio for its source and reused by the next import of it', async () => {
  // The portfolio's saved mappings, shared by every window that opens it.
  const portfolio = new Map<string, SavedMapping>();
  const withPortfolio = () => {
    const fake = fakeBridge({
      'import.run': () => ok(SUMMARY),
      'importMappings.get': ({ sourceKey }) => ok(portfolio.get(sourceKey) ?? null),
      'importMappings.save': ({ sourceKey, mapping }) => {
        const saved = { mapping: ImportMapping.parse(mapping), savedAt: '2026-11-25T10:00:00.000Z' };
        portfolio.set(sourceKey, saved);
        return ok(saved);
      },
    });
    return { ...fake, store: createAppStore(fake.bridge) };
  };
  const first = withPortfolio();
  await first.store.getState().chooseImportFile(picked('debt.csv', utf8(CSV)));
  expect(first.store.getState().importMappingSavedAt).toBeNull();
  first.store.getState().setImportColumns({ area: 'Team' });
  first.store.getState().setImportMappingDraft({ ...EMPTY_MAPPING_DRAFT, levels: [{ word: 'Very likely', level: '5' }], defaultLikelihood: '4' });
  await first.store.getState().runImport();
  const sent = first.inputsOf('import.run')[0] as { mapping: unknown };
  expect(first.inputsOf('importMappings.save')).toEqual([{ sourceKey: 'csv:title|likelihood|impact|team', mapping: sent.mapping }]);

  const next = withPortfolio();
  await next.store.getState().chooseImportFile(picked('debt (1).csv', utf8(CSV.replace('Rewrite billing', 'Rewrite invoicing'))));
  expect(next.store.getState()).toMatchObject({
    importColumns: { area: 'Team' },
    importMappingDraft: { levels: [{ word: 'Very likely', level: '5' }], defaultLikelihood: '4' },
    importMappingSavedAt: '2026-11-25T10:00:00.000Z',
  });
  await next.store.getState().previewImport();
  expect(next.inputsOf('import.run')[0]).toMatchObject({ mapping: sent.mapping });

  const other = withPortfolio();
  await other.store.getState().chooseImportFile(picked('other.csv', utf8('Title,Owner\nA,B\n')));
  expect(other.store.getState()).toMatchObject({ importColumns: {}, importMappingDraft: EMPTY_MAPPING_DRAFT, importMappingSavedAt: null });
  next.store.getState().resetImportMapping();
  expect(next.store.getState()).toMatchObject({ importColumns: {}, importMappingDraft: EMPTY_MAPPING_DRAFT });
});

test('a saved mapping that arrives after the user changed the mapping does not overwrite the change', async () => {
  let answer: (value: Result<SavedMapping | null>) => void = () => undefined;
  const fake = fakeBridge({
    'importMappings.get': () =>
      new Promise((resolve) => {
        answer = resolve;
      }),
  });
  const store = createAppStore(fake.bridge);
  const choosing = store.getState().chooseImportFile(picked('debt.csv', utf8(CSV)));
  await vi.waitFor(() => {
    expect(fake.inputsOf('importMappings.get')).toHaveLength(1);
  });
  store.getState().setImportColumns({ owner: 'Team' });
  answer(ok({ mapping: { columns: { area: 'Team' } }, savedAt: '2026-11-25T10:00:00.000Z' }));
  await choosing;
  expect(store.getState()).toMatchObject({ importColumns: { owner: 'Team' }, importMappingSavedAt: null });
});

test('when the portfolio cannot give or keep a mapping, the user is told and the import is unaffected', async () => {
  const fake = fakeBridge({
    'import.run': () => ok(SUMMARY),
    'importMappings.get': () => fail('io-error', 'The disk is unreadable.'),
    'importMappings.save': () => fail('io-error', 'The disk is full.'),
  });
  const store = createAppStore(fake.bridge);
  await store.getState().chooseImportFile(picked('debt.csv', utf8(CSV)));
  expect(store.getState().importSource?.header).toEqual(['Title', 'Likelihood', 'Impact', 'Team']);
  expect(store.getState().notices.map((n) => n.message)).toEqual([expect.stringMatching(/Could not read the mapping saved for this source.*unreadable/)]);
  await store.getState().runImport();
  expect(store.getState()).toMatchObject({ importStep: 'done', importResult: SUMMARY });
  expect(store.getState().notices.map((n) => n.message)).toContainEqual(expect.stringMatching(/imported, but their mapping could not be saved.*disk is full/));
});

describe('a large file runs as a job', () => {
  const BIG = `Title\n${Array.from({ length: 100_000 }, (_, i) => `Item number ${String(i)}`).join('\n')}\n`;

  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function jobSetup(statuses: ImportJobStatus[]) {
    const fake = fakeBridge({
      'import.start': () => ok({ jobId: 'job-1' }),
      'import.status': () => ok(statuses.shift() ?? { phase: 'checking', done: 1, total: 2 }),
      'import.cancel': () => ok({ phase: 'cancelled', done: 5, total: 10 }),
    });
    return { ...fake, store: createAppStore(fake.bridge) };
  }

  test('shows its progress, then the summary', async () => {
    expect(BIG.length).toBeGreaterThanOrEqual(JOB_FROM_CHARS);
    const { store, inputsOf } = jobSetup([
      { phase: 'reading', done: 500, total: BIG.length },
      { phase: 'done', done: 2, total: 2, summary: SUMMARY },
    ]);
    await store.getState().chooseImportFile(picked('big.csv', utf8(BIG)));
    const preview = store.getState().previewImport();
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().importProgress).toEqual({ phase: 'reading', done: 500, total: BIG.length, dryRun: true });
    await vi.advanceTimersByTimeAsync(200);
    await preview;
    expect(store.getState()).toMatchObject({ importPreview: SUMMARY, importProgress: null, importBusy: false });
    expect(inputsOf('import.start')).toEqual([expect.objectContaining({ fileName: 'big.csv', dryRun: true })]);
    expect(inputsOf('import.run')).toEqual([]);
  });

  test('can be cancelled: the wizard says nothing was written', async () => {
    const { store, inputsOf } = jobSetup([]);
    await store.getState().chooseImportFile(picked('big.csv', utf8(BIG)));
    const running = store.getState().runImport();
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().importProgress).toMatchObject({ phase: 'checking', dryRun: false });
    await store.getState().cancelImportJob();
    await vi.advanceTimersByTimeAsync(200);
    await running;
    expect(inputsOf('import.cancel')).toEqual([{ jobId: 'job-1' }]);
    expect(store.getState()).toMatchObject({ importCancelled: 'Import cancelled — nothing was written.', importProgress: null, importResult: null, importBusy: false });
  });

  test('closing the wizard cancels its job at once, and only once', async () => {
    const { store, inputsOf } = jobSetup([]);
    await store.getState().chooseImportFile(picked('big.csv', utf8(BIG)));
    const running = store.getState().runImport();
    await vi.advanceTimersByTimeAsync(200);
    store.getState().closeImport();
    await vi.advanceTimersByTimeAsync(0);
    expect(inputsOf('import.cancel')).toEqual([{ jobId: 'job-1' }]);
    await vi.advanceTimersByTimeAsync(1000);
    await running;
    expect(inputsOf('import.cancel')).toEqual([{ jobId: 'job-1' }]);
    expect(store.getState()).toMatchObject({ importOpen: false, importCancelled: null, importProgress: null });
  });

  test('a new preview first cancels the job it supersedes, then starts its own', async () => {
    const { store, calls } = jobSetup([]);
    await store.getState().chooseImportFile(picked('big.csv', utf8(BIG)));
    const first = store.getState().previewImport();
    await vi.advanceTimersByTimeAsync(200);
    const second = store.getState().previewImport();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.channel).filter((c) => c.startsWith('import.') && c !== 'import.status')).toEqual(['import.start', 'import.cancel', 'import.start']);
    await vi.advanceTimersByTimeAsync(200);
    await first;
    // The superseded preview says nothing; the new one shows its own progress.
    expect(store.getState()).toMatchObject({ importCancelled: null, importProgress: { phase: 'checking', dryRun: true } });
    await store.getState().cancelImportJob();
    await vi.advanceTimersByTimeAsync(200);
    await second;
  });
});
