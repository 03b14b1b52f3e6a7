import { existsSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportMapping, ImportSummary } from '../../shared/import/import-schema.js';
import { EFFORT_UNKNOWN_TAG } from '../../shared/domain/effort-estimate.js';
import { parseImport } from '../../shared/import/parse-import.js';
import { makeTempDir } from '../testing/temp-dir.js';
import { auditTrail } from './audit-repo.js';
import { allItems, updateItem } from './debt-items-repo.js';
import { BACKUP_FROM_ROWS, importItems, type ImportWriteOptions } from './import-repo.js';
import { openStore, PAYDOWN_APPLICATION_ID, type Store } from './open-store.js';
import { draftOf, type DebtItem } from '../../shared/domain/debt-item.js';
import type { ParsedImport } from '../../shared/import/parsed-import.js';
import { sequentialIds } from '../testing/handler-test-support.js';

let store: Store;
let newId: () => string;
let clock = 0;

beforeEach(() => {
  store = openStore(':memory:');
  newId = sequentialIds();
  clock = Date.parse('2026-11-25T09:00:00Z');
});
afterEach(() => {
  store.close();
});

const HEADER = 'Key,Title,Likelihood,Impact,Effort,Interest per sprint,Status,Tags';

function run(content: string, options: Partial<ImportWriteOptions> = {}, mapping?: ImportMapping, db = store.db): ImportSummary {
  const parsed = parseImport(content, mapping === undefined ? { unit: 'points' } : { unit: 'points', mapping });
  clock += 60_000;
  return importItems(db, parsed, {
    at: new Date(clock).toISOString(),
    newId,
    skipInvalid: false,
    dryRun: false,
    overwriteTeamFields: false,
    ...options,
  });
}

const rows = (table: string, db = store.db): number => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number; // one count
const snapshot = () => ({ items: rows('debt_items'), audit: rows('audit_log'), tags: rows('item_tags') });
const byKey = (key: string): DebtItem => {
  const item = allItems(store.db).find((i) => i.externalRef?.key === key);
  if (item === undefined) throw new Error(`no item ${key}`);
  return item;
};

function teamEdit(key: string, change: (item: DebtItem) => Partial<DebtItem>): void {
  const item = byKey(key);
  clock += 60_000;
  updateItem(store.db, item.id, item.version, { ...draftOf(item), ...change(item) }, new Date(clock).toISOString());
}

const csv = (...lines: string[]): string => [HEADER, ...lines].join('\n');
const THREE = csv('A-1,Flaky tests,3,3,5,1,open,ci', 'A-2,Slow build,2,4,3,0.5,open,build', 'A-3,Old runtime,4,4,8,2,planned,runtime');

describe('importItems', () => {
  it('creates items with one audit entry each, then re-imports without duplicates or writes', () => {
    expect(run(THREE)).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0, errors: [], notes: expect.any(Array) as unknown });
    expect(auditTrail(store.db, 'item', byKey('A-1').id).map((e) => e.action)).toEqual(['create']);
    const before = snapshot();
    expect(run(THREE)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(run(THREE)).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(snapshot()).toEqual(before);
  });

  it('updates what the source owns and keeps what the team set, unless asked to overwrite', () => {
    run(THREE);
    teamEdit('A-1', () => ({ likelihood: 5, impact: 5, status: 'in_progress' }));
    const edited = csv('A-1,Flaky e2e tests,1,1,8,2,open,"ci, tests"', 'A-2,Slow build,2,4,3,0.5,open,build', 'A-3,Old runtime,4,4,8,2,planned,runtime');
    expect(run(edited)).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(byKey('A-1')).toMatchObject({ title: 'Flaky e2e tests', effort: { likely: 8 }, interest: 2, tags: ['ci', 'tests'], likelihood: 5, impact: 5, status: 'in_progress' });
    expect(auditTrail(store.db, 'item', byKey('A-1').id).map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(run(edited, { overwriteTeamFields: true })).toMatchObject({ updated: 1, unchanged: 2 });
    expect(byKey('A-1')).toMatchObject({ likelihood: 1, impact: 1, status: 'open' });
  });

  it('says when the source closed an item that is still open in Paydown', () => {
    run(THREE);
    const summary = run(csv('A-1,Flaky tests,3,3,5,1,done,ci'));
    expect(byKey('A-1').status).toBe('open');
    expect(summary.notes.join(' ')).toMatch(/1 item is closed in the source but still open in Paydown/);
  });

  it('keeps the team estimate and due date of an item whose source has neither, and drops the effort-unknown tag', () => {
    const issues = JSON.stringify([{ number: 1, title: 'No retries', body: '', state: 'OPEN', labels: [{ name: 'tech-debt' }], url: 'https://github.com/o/r/issues/1' }]);
    run(issues);
    const key = 'https://github.com/o/r/issues/1';
    expect(byKey(key)).toMatchObject({ effort: { likely: 0 }, interest: 0, tags: ['tech-debt', EFFORT_UNKNOWN_TAG] });
    teamEdit(key, () => ({ effort: { low: 2, likely: 3, high: 5 }, interest: 1.5, dueDate: '2027-03-31' }));
    expect(run(issues)).toMatchObject({ updated: 1 });
    expect(byKey(key)).toMatchObject({ effort: { low: 2, likely: 3, high: 5 }, interest: 1.5, tags: ['tech-debt'], dueDate: '2027-03-31' });
    expect(run(issues)).toMatchObject({ updated: 0, unchanged: 1 });
  });

  it('refuses the whole file for one invalid row, or imports the rest with skipInvalid', () => {
    const content = csv('A-1,Flaky tests,3,3,5,1,open,ci', 'A-2,Bad row,7,4,3,0.5,open,build', 'A-3,Old runtime,4,4,abc,2,planned,runtime');
    const before = snapshot();
    const refused = run(content);
    expect(refused).toMatchObject({ created: 0, updated: 0, unchanged: 0, skipped: 0 });
    expect(refused.errors).toEqual([
      { row: 2, line: 3, message: 'Likelihood “7” is not a whole number from 1 to 5, or one of Very high, High, Medium, Low, Very low.' },
      { row: 3, line: 4, message: 'Effort “abc” is not a number (e.g. 2.5, without thousands separators or units).' },
    ]);
    expect(snapshot()).toEqual(before);
    expect(run(content, { skipInvalid: true })).toMatchObject({ created: 1, skipped: 2, errors: refused.errors });
  });

  it('previews exactly what the import then does, writing nothing', () => {
    run(THREE);
    teamEdit('A-2', () => ({ owner: 'Ana' }));
    const next = csv('A-1,Flaky tests,3,3,5,1,open,ci', 'A-2,Slow build,2,4,3,0.5,open,build', 'A-4,New one,1,2,1,0,open,');
    const before = snapshot();
    const preview = run(next, { dryRun: true });
    expect(snapshot()).toEqual(before);
    expect(preview).toMatchObject({ created: 1, updated: 0, unchanged: 2 });
    expect(run(next)).toEqual(preview);
  });

  it('skips an exact repeat of a record and refuses a different record with the same key', () => {
    expect(run(csv('A-1,Flaky tests,3,3,5,1,open,ci', 'A-1,Flaky tests,3,3,5,1,open,ci'))).toMatchObject({
      created: 1,
      skipped: 1,
      errors: [],
    });
    const clash = run(csv('B-1,One,3,3,5,1,open,', 'B-1,Other,3,3,5,1,open,'));
    expect(clash.errors).toEqual([{ row: 2, line: 3, message: 'Has the same key “B-1” as row 1 (line 2) but different content; give each record its own key.' }]);
  });

  it('refuses a record that is accepted without a rationale', () => {
    run(THREE);
    const summary = run(csv('A-1,Flaky tests,3,3,5,1,accepted,ci'), { overwriteTeamFields: true });
    expect(summary.errors).toEqual([
      { row: 1, line: 2, message: 'Accepted debt needs a written rationale: say why the team accepts it.' },
    ]);
    expect(byKey('A-1').status).toBe('open');
  });

  it('refuses an update whose mix of source and team fields breaks a rule, leaving the item as it was', () => {
    run(THREE);
    const before = byKey('A-1');
    const parsed: ParsedImport = {
      format: 'csv',
      // The source supplies the status but not the acceptance: taking one without the other would be invalid.
      drafts: [{ row: 1, line: 2, draft: { ...draftOf(before), status: 'accepted', acceptance: { rationale: 'x' }, externalRef: { source: 'csv', key: 'A-1' } }, fromSource: ['status'] }],
      skipped: [],
      errors: [],
      notes: [],
    };
    const options = { at: '2026-11-26T00:00:00.000Z', newId: () => 'unused', dryRun: false, overwriteTeamFields: true };
    expect(importItems(store.db, parsed, { ...options, skipInvalid: false })).toMatchObject({
      updated: 0,
      errors: [{ row: 1, line: 2, message: 'Updating “Flaky tests” would make it invalid: Accepted debt needs a written rationale: say why the team accepts it.' }],
    });
    expect(importItems(store.db, parsed, { ...options, skipInvalid: true })).toMatchObject({ updated: 0, skipped: 1 });
    expect(byKey('A-1')).toEqual(before);
  });

  it('imports titles that repeat as separate items, and finds each again on re-import', () => {
    const content = ['Title,Effort', 'Same title,1', 'Same title,2', 'Other,3'].join('\n');
    expect(run(content)).toMatchObject({ created: 3 });
    expect(allItems(store.db).map((i) => i.externalRef?.key).sort()).toEqual(['Other', 'Same title', 'Same title#2']);
    expect(run(content)).toMatchObject({ created: 0, unchanged: 3 });
  });
});

describe('the backup before a large import', () => {
  it(`copies a non-empty portfolio file next to it before writing more than ${String(BACKUP_FROM_ROWS)} rows`, () => {
    const temp = makeTempDir('paydown-import-backup-');
    const file = temp.file('team.paydown');
    const fileStore = openStore(file);
    try {
      run(THREE, {}, undefined, fileStore.db);
      const many = csv(...Array.from({ length: BACKUP_FROM_ROWS + 1 }, (_, i) => `K-${String(i)},Item ${String(i)},3,3,1,0,open,`));
      expect(run(many, { dryRun: true }, undefined, fileStore.db).notes.join(' ')).not.toMatch(/copy of the portfolio/);
      expect(readdirSync(temp.dir).filter((f) => f.includes('before-import'))).toEqual([]);
      const summary = run(many, {}, undefined, fileStore.db);
      expect(summary.created).toBe(BACKUP_FROM_ROWS + 1);
      const [backup] = readdirSync(temp.dir).filter((f) => f.includes('before-import'));
      expect(backup).toMatch(/^team\.before-import-\d{8}T\d{6}Z\.paydown$/);
      const copy = temp.file(backup ?? '');
      expect(summary.notes.join(' ')).toContain(copy);
      const db = new Database(copy, { readonly: true });
      try {
        expect(db.pragma('application_id', { simple: true })).toBe(PAYDOWN_APPLICATION_ID);
        expect(rows('debt_items', db)).toBe(3);
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
      expect(existsSync(file)).toBe(true);
    } finally {
      fileStore.close();
      temp.cleanup();
    }
  });
});
