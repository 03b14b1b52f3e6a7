import { expect, test } from 'vitest';
import { ok } from '../../../shared/api/result.js';
import { MAX_IMPORT_BYTES, type ImportSummary } from '../../../shared/import/import-schema.js';
import { createAppStore } from './app-store.js';
import { fakeBridge } from './fake-bridge.js';
import type { PickedFile } from './import-slice.js';

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
