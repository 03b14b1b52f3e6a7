import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/api/result.js';
import type { DebtItem } from '../../shared/domain/debt-item.js';
import type { ImportRequest, ImportSummary } from '../../shared/import/import-schema.js';
import { EFFORT_UNKNOWN_TAG } from '../../shared/domain/effort-estimate.js';
import { createContext, dispatch, type HandlerContext } from '../handlers/dispatch.js';
import { allItems } from '../store/debt-items-repo.js';
import { openStore, type Store } from '../store/open-store.js';
import { readImportFile } from './read-import-file.js';
import { sequentialIds } from '../testing/handler-test-support.js';

/** The sample files of the import issue, copied beside this test (the canonical set lives outside the repo). */
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

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

function importFile(name: string, extra: Partial<ImportRequest> = {}): ImportSummary {
  const file = readImportFile(path.join(FIXTURES, name));
  const result = dispatch(ctx, 'import.run', { fileName: file.fileName, content: file.content, ...extra }) as Result<ImportSummary>;
  if (!result.ok) throw new Error(`import.run refused: ${result.error.message}`);
  return result.value;
}

const OPEN = new Set(['open', 'planned', 'in_progress']);
const items = (): DebtItem[] => allItems(store.db);
const openItems = (): DebtItem[] => items().filter((i) => OPEN.has(i.status));
const sum = (list: readonly DebtItem[], pick: (i: DebtItem) => number): number => list.reduce((s, i) => s + pick(i), 0);
const byTitle = (title: string): DebtItem | undefined => items().find((i) => i.title === title);
const byKey = (key: string): DebtItem | undefined => items().find((i) => i.externalRef?.key === key);
const rows = (table: string): number => store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number; // count(*) is one number

describe('the good sample files', () => {
  it('generic-debt.csv: 24 items, effort 162.5, interest 35, risk 267, no warnings', () => {
    const summary = importFile('generic-debt.csv');
    expect(summary).toMatchObject({ created: 24, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    expect(summary.notes).toEqual(['Read as a generic CSV, comma-separated.']);
    expect(items()).toHaveLength(24);
    expect(sum(items(), (i) => i.effort.likely)).toBeCloseTo(162.5, 9);
    expect(sum(items(), (i) => i.interest)).toBeCloseTo(35, 9);
    expect(sum(items(), (i) => i.likelihood * i.impact)).toBe(267);
    expect(new Set(items().flatMap((i) => i.tags)).size).toBe(26);
    const android = byTitle('Android app targets API 31');
    expect(android).toMatchObject({ likelihood: 5, impact: 5, interest: 0, dueDate: '2024-08-31', owner: 'Ngozi Okafor' });
    expect(android?.description).toContain('⚠️');
    const index = byTitle('Missing DB index on orders.customer_id');
    expect(index).toMatchObject({ likelihood: 5, impact: 4, effort: { low: 0.5, likely: 0.5, high: 0.5 }, interest: 3 });
    expect(byTitle('Manual release checklist (43 steps)')?.description).toBe(
      'A release takes a day; steps 12–19 are copy-paste.\n\nSee the wiki page "Release day".',
    );
    expect(byTitle('God class OrderManager (4,800 lines)')?.tags).toEqual(['refactoring']);
    expect(byTitle('Legacy XML export for partner "Acme"')?.owner).toBe('Łukasz Nowak');
    expect(new Set(items().map((i) => i.owner))).toContain('渡辺 健');
    expect(items().filter((i) => i.dueDate === undefined)).toHaveLength(10);
  });

  it('jira-export.csv: 16 items, 14 open, 55.5 story points open (59.5 in all)', () => {
    const summary = importFile('jira-export.csv');
    expect(summary).toMatchObject({ created: 16, updated: 0, skipped: 0, errors: [] });
    expect(items()).toHaveLength(16);
    expect(openItems()).toHaveLength(14);
    expect(sum(openItems(), (i) => i.effort.likely)).toBeCloseTo(55.5, 9);
    expect(sum(items(), (i) => i.effort.likely)).toBeCloseTo(59.5, 9);
    expect(byKey('PAY-160')?.status).toBe('paid');
    expect(byKey('PAY-168')?.status).toBe('wont_fix');
    expect(byKey('PAY-150')?.effort.likely).toBe(8);
    expect(byKey('PAY-150')?.dueDate).toBe('2024-05-31');
    expect(byKey('PAY-142')?.title).toBe('Retry wrapper swallows 5xx, so "declined" and "timeout" look the same');
    expect(byKey('PAY-147')?.tags).toEqual(['tech-debt', 'ci', 'flaky']);
    expect(byKey('PAY-147')?.kind).toBe('infrastructure');
    expect(byKey('PAY-143')?.area).toBe('Billing, Gateway');
    expect(byKey('PAY-155')?.owner).toBe('');
    for (const key of ['PAY-120', 'PAY-161']) {
      expect(byKey(key)?.effort).toEqual({ low: 0, likely: 0, high: 0 });
      expect(byKey(key)?.tags).toContain(EFFORT_UNKNOWN_TAG);
    }
    expect(byKey('PAY-163')?.description).toContain('1.234,50 €');
    expect(byKey('PAY-120')?.status).toBe('in_progress');
  });

  it('github-issues.json: 12 items, 9 open, no estimate, HTML kept as text', () => {
    const summary = importFile('github-issues.json');
    expect(summary).toMatchObject({ created: 12, skipped: 0, errors: [] });
    expect(openItems()).toHaveLength(9);
    expect(items().filter((i) => !OPEN.has(i.status)).map((i) => i.externalRef?.key.split('/').pop()).sort()).toEqual(['461', '482', '503']);
    expect(items().filter((i) => i.tags.includes('tech-debt'))).toHaveLength(11);
    expect(items().every((i) => i.effort.likely === 0 && i.tags.includes(EFFORT_UNKNOWN_TAG))).toBe(true);
    const issue495 = byKey('https://github.com/acme-example/storefront/issues/495');
    expect(issue495?.owner).toBe('Marco Bianchi, Priya Raman');
    expect(issue495?.dueDate).toBe('2024-06-30');
    const issue487 = byKey('https://github.com/acme-example/storefront/issues/487');
    expect(issue487?.title).toContain("<script>alert('x')</script>");
    expect(issue487?.description).toContain('<img src=x onerror=alert(1)>');
    expect(byKey('https://github.com/acme-example/storefront/issues/509')?.owner).toBe('aiko-t');
    expect(byKey('https://github.com/acme-example/storefront/issues/470')?.description).toBe('');
  });

  it('sonarqube-issues.json: 15 open items, principal 30.8 h; the resolved two closed', () => {
    expect(dispatch(ctx, 'settings.set', { unit: 'hours' }).ok).toBe(true);
    const summary = importFile('sonarqube-issues.json');
    expect(summary).toMatchObject({ created: 17, skipped: 0, errors: [] });
    expect(openItems()).toHaveLength(15);
    expect(sum(openItems(), (i) => i.effort.likely)).toBeCloseTo(30.8, 9);
    expect(sum(items(), (i) => i.effort.likely)).toBeCloseTo(1978 / 60, 9);
    const key = (suffix: string) => `AY7tQk2mX1c9R0vB3${suffix}`;
    expect(byKey(key('a01'))?.effort.likely).toBeCloseTo(65 / 60, 12);
    expect(byKey(key('a02'))?.effort.likely).toBe(17);
    expect(byKey(key('a09'))?.effort.likely).toBe(0);
    expect(byKey(key('a09'))?.tags).not.toContain(EFFORT_UNKNOWN_TAG);
    expect(byKey(key('a15'))?.tags).toContain(EFFORT_UNKNOWN_TAG);
    expect(byKey(key('a16'))?.status).toBe('wont_fix');
    expect(byKey(key('a17'))).toMatchObject({ status: 'accepted', acceptance: { rationale: expect.stringContaining('SonarQube') as unknown } });
    expect(byKey(key('a01'))).toMatchObject({ impact: 4, likelihood: 3, kind: 'code', area: 'Storefront' });
    expect(byKey(key('a01'))?.description).toContain('src/main/java/com/acme/orders/OrderManager.java:412');
    expect(items().filter((i) => i.kind === 'security').length).toBeGreaterThanOrEqual(1);
  });

  it('every good sample imported a second time changes nothing', () => {
    for (const name of ['generic-debt.csv', 'jira-export.csv', 'github-issues.json', 'sonarqube-issues.json']) {
      const first = importFile(name);
      const audit = rows('audit_log');
      const second = importFile(name);
      expect(second).toMatchObject({ created: 0, updated: 0, unchanged: first.created, errors: [] });
      expect(rows('audit_log')).toBe(audit);
    }
    expect(items()).toHaveLength(24 + 16 + 12 + 17);
  });
});

describe('the bad sample files', () => {
  /** Imports a file expected to be refused and checks that not one row was written anywhere. */
  function refused(name: string): ImportSummary {
    const before = [rows('debt_items'), rows('audit_log'), rows('item_tags')];
    const summary = importFile(name);
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: 0 });
    expect(summary.errors.length).toBeGreaterThan(0);
    expect([rows('debt_items'), rows('audit_log'), rows('item_tags')]).toEqual(before);
    return summary;
  }

  beforeEach(() => {
    importFile('generic-debt.csv');
  });

  it('truncated-quote.csv: refused at data row 4, line 6 (unterminated quote)', () => {
    expect(refused('bad/truncated-quote.csv').errors).toEqual([
      { row: 4, line: 6, message: expect.stringContaining('opens on line 6 and never closes') as unknown },
    ]);
  });

  it('too-many-columns.csv: refused at row 3 / line 4 (11 fields) and row 5 / line 6 (12)', () => {
    const { errors } = refused('bad/too-many-columns.csv');
    expect(errors).toEqual([
      { row: 3, line: 4, message: expect.stringContaining('11 fields but the header has 10') as unknown },
      { row: 5, line: 6, message: expect.stringContaining('12 fields but the header has 10') as unknown },
    ]);
  });

  it('header-only.csv: refused with a "no rows" message', () => {
    expect(refused('bad/header-only.csv').errors[0]?.message).toMatch(/no data rows/);
  });

  it('invalid.json: refused at line 48', () => {
    const [error] = refused('bad/invalid.json').errors;
    expect(error?.line).toBe(48);
    expect(error?.message).toMatch(/not valid JSON at line 48/);
  });

  it('sonar-missing-issues.json: refused as not an issues response', () => {
    expect(refused('bad/sonar-missing-issues.json').errors[0]).toMatchObject({ path: 'issues', message: expect.stringMatching(/no “issues” list/) as unknown });
  });

  it("sonar-error-response.json: refused with SonarQube's own message", () => {
    expect(refused('bad/sonar-error-response.json').errors[0]?.message).toContain('Insufficient privileges');
  });

  it('an empty file is refused before it reaches the API', () => {
    expect(() => readImportFile(path.join(FIXTURES, 'bad/empty.csv'))).toThrow(/empty/);
    const before = rows('debt_items');
    const result = dispatch(ctx, 'import.run', { content: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/empty/) as unknown } });
    expect(rows('debt_items')).toBe(before);
  });
});

describe('the bad sample files that are handled safely', () => {
  it('formula-injection.csv: 9 items, formulas kept as plain text', () => {
    expect(importFile('bad/formula-injection.csv')).toMatchObject({ created: 9, errors: [] });
    expect(byTitle('=HYPERLINK("http://example.invalid","x")')).toBeDefined();
    expect(byTitle('@HYPERLINK("http://example.invalid","at")')).toBeDefined();
    expect(byTitle('=HYPERLINK("http://example.invalid","lf")')).toBeDefined();
    expect(byTitle('Formulas in other columns')).toMatchObject({ area: '+Area', tags: ['@tag', '-tag'] });
  });

  it('bom-crlf.csv: 5 items, BOM and CR gone, effort 42, interest 7', () => {
    expect(importFile('bad/bom-crlf.csv')).toMatchObject({ created: 5, errors: [] });
    expect(sum(items(), (i) => i.effort.likely)).toBe(42);
    expect(sum(items(), (i) => i.interest)).toBe(7);
    expect(items().map((i) => i.tags.join(', ')).sort()).toEqual(
      ['ci, release', 'duplication', 'duplication, i18n', 'mobile, compliance', 'upgrade, runtime'].sort(),
    );
    expect(items().map((i) => i.owner)).toEqual(expect.arrayContaining(['Søren Kjær', '渡辺 健']));
    expect(items().every((i) => !i.title.includes('\uFEFF'))).toBe(true);
  });

  it('latin1.csv: read as Windows-1252, 4 items with their accents, effort 18', () => {
    const file = readImportFile(path.join(FIXTURES, 'bad/latin1.csv'));
    expect(file.encoding).toBe('windows-1252');
    expect(file.note).toMatch(/line 2/);
    expect(importFile('bad/latin1.csv')).toMatchObject({ created: 4, errors: [] });
    expect(items().map((i) => i.owner).sort()).toEqual(['Chloé Dubois', 'José Ramírez', 'Jürgen Weiß', 'Søren Kjær']);
    expect(sum(items(), (i) => i.effort.likely)).toBe(18);
    expect(JSON.stringify(items())).not.toMatch(/\uFFFD|Ã/);
  });

  it('proto-header.csv and proto-keys.json: imported from their own keys, no prototype pollution', () => {
    expect(importFile('bad/proto-header.csv')).toMatchObject({ created: 2, errors: [] });
    expect(importFile('bad/proto-keys.json')).toMatchObject({ created: 3, errors: [] });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    expect(items().map((i) => i.title).sort()).toEqual(
      ['Header keys that pollute prototypes', 'Issue carrying a __proto__ key', 'Issue carrying a constructor key', 'Label named __proto__ and nested keys', 'Second row'].sort(),
    );
    expect(byTitle('Label named __proto__ and nested keys')?.tags).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
  });

  it('github-ids-beyond-2p53.json: 3 distinct items keyed by their exact URLs', () => {
    const summary = importFile('bad/github-ids-beyond-2p53.json');
    expect(summary).toMatchObject({ created: 3, errors: [] });
    expect(items().map((i) => i.externalRef?.key.split('/').pop()).sort()).toEqual(['42', '9007199254740992', '9007199254740993']);
    expect(summary.notes.join(' ')).toMatch(/9007199254740993/);
  });

  it('sonar-numbers-as-strings.json: read strictly, 3 items, 49 min', () => {
    expect(dispatch(ctx, 'settings.set', { unit: 'hours' }).ok).toBe(true);
    const summary = importFile('bad/sonar-numbers-as-strings.json');
    expect(summary).toMatchObject({ created: 3, errors: [] });
    expect(sum(items(), (i) => i.effort.likely)).toBeCloseTo(49 / 60, 12);
    expect(items().map((i) => /:(\d+)\.$/.exec(i.description)?.[1]).sort()).toEqual(['21', '57', '77']);
  });

  it('huge-string.json (generated here): 2 items, the 5 MiB body cut to 20,000 characters with a note', () => {
    const body = 'x'.repeat(5 * 1024 * 1024);
    const issue = (number: number, text: string) => ({
      body: text,
      labels: [{ name: 'tech-debt' }],
      number,
      state: 'OPEN',
      title: `Issue ${String(number)}`,
      url: `https://github.com/acme-example/storefront/issues/${String(number)}`,
    });
    const content = JSON.stringify([issue(701, 'A normal issue.'), issue(702, body)], null, 2);
    const started = Date.now();
    const result = dispatch(ctx, 'import.run', { content }) as Result<ImportSummary>;
    expect(Date.now() - started).toBeLessThan(20_000);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ created: 2, errors: [] });
    expect(byTitle('Issue 702')?.description).toHaveLength(20_000);
    expect(result.value.notes.join('\n')).toMatch(/Description of 5,242,880 characters cut to Paydown's limit of 20,000 \(1 record: \[1\] \(#702\)\)/);
  });
});
