import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceKeyOf } from '../../shared/import/saved-mapping.js';
import { createContext, dispatch } from '../handlers/dispatch.js';
import { openStore } from '../store/open-store.js';
import { makeTempDir } from '../testing/temp-dir.js';
import type { CliEnv } from './cli-env.js';
import { runCli } from './run-cli.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../import/fixtures');
const fixture = (name: string): string => path.join(FIXTURES, name);

let temp: ReturnType<typeof makeTempDir>;
let db: string;

beforeEach(() => {
  temp = makeTempDir('paydown-cli-import-');
  db = temp.file('team.paydown');
});
afterEach(() => {
  temp.cleanup();
});

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runOn({ stderrIsTTY: false }, ...argv);
}

async function runOn(terminal: { stderrIsTTY: boolean }, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const env: CliEnv = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text), isTTY: terminal.stderrIsTTY },
    env: { HOME: temp.dir, XDG_CONFIG_HOME: temp.file('config') },
    cwd: temp.dir,
  };
  const code = await runCli(argv, env);
  return { code, ...out };
}

/** Rows in the portfolio's tables, read without Paydown, so a test sees exactly what is on disk. */
function counts(): { items: number; audit: number } {
  const handle = new Database(db, { readonly: true });
  try {
    const count = (table: string) => handle.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number; // one count
    return { items: count('debt_items'), audit: count('audit_log') };
  } finally {
    handle.close();
  }
}

describe('paydown import', () => {
  it('draws a progress line on a terminal, and wipes it before the result', async () => {
    const shown = await runOn({ stderrIsTTY: true }, 'import', fixture('generic-debt.csv'), '--db', db);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toContain('\r\u001b[Kpaydown: reading the file… 100%');
    expect(shown.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(shown.stdout).toMatch(/^Imported generic-debt.csv into .*: 24 created/);
    expect((await run('import', fixture('generic-debt.csv'), '--db', db)).stderr).not.toContain('\r');
  });

  it('prints exactly the counts and errors as JSON, and re-imports as unchanged', async () => {
    const first = await run('import', fixture('generic-debt.csv'), '--db', db, '--json');
    expect(first).toEqual({ code: 0, stdout: '{"created":24,"updated":0,"unchanged":0,"skipped":0,"errors":[]}\n', stderr: 'paydown: note: Read as a generic CSV, comma-separated.\n' });
    const second = await run('import', fixture('generic-debt.csv'), '--db', db, '--json');
    expect(JSON.parse(second.stdout)).toEqual({ created: 0, updated: 0, unchanged: 24, skipped: 0, errors: [] });
    expect(counts()).toEqual({ items: 24, audit: 24 });
  });

  it('prints a readable summary with the notes', async () => {
    const res = await run('import', fixture('jira-export.csv'), '--db', db);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Imported jira-export.csv into ${db}: 16 created, 0 updated, 0 unchanged, 0 skipped.`);
    expect(res.stdout).toMatch(/Notes:\n {2}- Read as a Jira CSV export/);
    expect(res.stderr).toBe('');
  });

  it('--dry-run writes nothing, and does not create a missing portfolio', async () => {
    const missing = await run('import', fixture('generic-debt.csv'), '--db', db, '--dry-run');
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain('nothing was written: 24 would be created');
    expect(existsSync(db)).toBe(false);
    await run('import', fixture('jira-export.csv'), '--db', db);
    const before = counts();
    const preview = await run('import', fixture('generic-debt.csv'), '--db', db, '--dry-run', '--json');
    expect(JSON.parse(preview.stdout)).toEqual({ created: 24, updated: 0, unchanged: 0, skipped: 0, errors: [] });
    expect(counts()).toEqual(before);
  });

  it('exits 1 for a refused file, lists row and line, and writes nothing', async () => {
    const refusedNew = await run('import', fixture('bad/too-many-columns.csv'), '--db', db, '--json');
    expect(refusedNew.code).toBe(1);
    expect(existsSync(db)).toBe(false);
    const parsed = JSON.parse(refusedNew.stdout) as { errors: { row: number; line: number; message: string }[] };
    expect(parsed).toMatchObject({ created: 0, updated: 0, unchanged: 0, skipped: 0 });
    expect(parsed.errors.map((e) => [e.row, e.line])).toEqual([
      [3, 4],
      [5, 6],
    ]);
    await run('import', fixture('generic-debt.csv'), '--db', db);
    const before = counts();
    const text = await run('import', fixture('bad/truncated-quote.csv'), '--db', db);
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('Imported');
    expect(text.stderr).toContain('paydown: nothing was imported from truncated-quote.csv (1 problem):\n  row 4 (line 6): A quoted cell opens on line 6');
    expect(text.stderr).toContain('Fix the file and import again.');
    expect(counts()).toEqual(before);
    const rows = await run('import', fixture('bad/too-many-columns.csv'), '--db', db);
    expect(rows.code).toBe(1);
    expect(rows.stderr).toContain('or pass --skip-invalid to import the 4 valid records.');
    expect(counts()).toEqual(before);
  });

  it('creates a missing portfolio and its folders in one pass, and removes them again when the file is refused', async () => {
    const nested = temp.file('teams/payments/debt.paydown');
    const refused = await run('import', fixture('bad/too-many-columns.csv'), '--db', nested, '--json');
    expect(refused.code).toBe(1);
    expect(existsSync(temp.file('teams'))).toBe(false);
    const imported = await run('import', fixture('generic-debt.csv'), '--db', nested, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ created: 24, errors: [] });
    db = nested;
    expect(counts()).toEqual({ items: 24, audit: 24 });
  });

  it('--skip-invalid imports the valid rows and lists the others', async () => {
    const res = await run('import', fixture('bad/too-many-columns.csv'), '--db', db, '--skip-invalid');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('4 created, 0 updated, 0 unchanged, 2 skipped');
    expect(res.stderr).toContain('skipped 2 invalid records:\n  row 3 (line 4)');
    expect(counts().items).toBe(4);
  });

  it('reads a Latin-1 file and says so', async () => {
    const res = await run('import', fixture('bad/latin1.csv'), '--db', db);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('read as Windows-1252');
  });

  it('takes a mapping file and a forced format', async () => {
    writeFileSync(temp.file('map.json'), JSON.stringify({ columns: { title: 'Name' }, levels: { ouch: 5 } }));
    writeFileSync(temp.file('odd.csv'), 'Name,Impact\nOld runtime,ouch\n');
    const res = await run('import', 'odd.csv', '--db', db, '--mapping', 'map.json', '--format', 'csv', '--json');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ created: 1, errors: [] });
  });

  it('saves a --mapping for the source and reuses it on the next import, unless told not to', async () => {
    writeFileSync(temp.file('map.json'), JSON.stringify({ columns: { title: 'Thing', impact: 'Ouchness' }, levels: { ouch: 5 } }));
    writeFileSync(temp.file('first.csv'), 'Thing,Ouchness\nOld runtime,ouch\n');
    writeFileSync(temp.file('second.csv'), 'Thing,Ouchness\nFlaky deploy,ouch\n');
    const dry = await run('import', 'first.csv', '--db', db, '--mapping', 'map.json', '--dry-run');
    expect(dry.stdout).not.toContain('Saved this mapping');
    const first = await run('import', 'first.csv', '--db', db, '--mapping', 'map.json');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Saved this mapping in the portfolio');

    const ignored = await run('import', 'second.csv', '--db', db, '--ignore-saved-mapping', '--json');
    expect(ignored.code).toBe(1);
    expect(counts().items).toBe(1);

    const second = await run('import', 'second.csv', '--db', db, '--json');
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ created: 1, errors: [] });
    expect(second.stderr).toMatch(/note: Used the mapping saved in this portfolio for this source on \d{4}-\d{2}-\d{2}/);
    const handle = new Database(db, { readonly: true });
    const impacts = handle.prepare('SELECT title, impact FROM debt_items ORDER BY title').all();
    handle.close();
    expect(impacts).toEqual([
      { title: 'Flaky deploy', impact: 5 },
      { title: 'Old runtime', impact: 5 },
    ]);
  });

  it('uses a mapping the app saved for the same columns', async () => {
    const store = openStore(db);
    const saved = dispatch(createContext(store), 'importMappings.save', {
      sourceKey: sourceKeyOf('csv', ['Thing', 'Ouchness']),
      mapping: { columns: { title: 'Thing', impact: 'Ouchness' }, levels: { ouch: 4 } },
    });
    store.close();
    expect(saved.ok).toBe(true);
    writeFileSync(temp.file('app.csv'), 'Thing,Ouchness\nOld runtime,ouch\n');
    const res = await run('import', 'app.csv', '--db', db);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('Used the mapping saved in this portfolio');
    const handle = new Database(db, { readonly: true });
    expect(handle.prepare('SELECT impact FROM debt_items').pluck().get()).toBe(4);
    handle.close();
  });

  it('exits 1 when the file cannot be read', async () => {
    const missing = await run('import', 'nope.csv', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('there is no such file');
    const empty = await run('import', fixture('bad/empty.csv'), '--db', db);
    expect(empty).toMatchObject({ code: 1, stderr: 'paydown: “empty.csv” is empty: there is nothing to import.\n' });
    expect(existsSync(db)).toBe(false);
  });

  it.each([
    [[], 'needs the file to import'],
    [['--db', 'x.paydown'], 'needs the file to import'],
    [['FILE', '--format', 'xml'], '--format'],
    [['FILE', '--mapping', 'missing.json'], '--mapping: cannot read'],
    [['FILE', '--mapping', 'bad.json'], '--mapping: “bad.json” is not valid JSON'],
    [['FILE', '--mapping', 'unknown-key.json'], '--mapping'],
    [['FILE', '--colour', 'red'], '--colour'],
    [['FILE', '--dry-run=yes'], '--dry-run'],
  ])('exits 2 for %j and writes nothing', async (args, named) => {
    writeFileSync(temp.file('bad.json'), '{ not json');
    writeFileSync(temp.file('unknown-key.json'), '{"colour": "red"}');
    const argv = args.map((a) => (a === 'FILE' ? fixture('generic-debt.csv') : a));
    const res = await run('import', ...argv, '--db', db);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(named);
    expect(res.stdout).toBe('');
    expect(existsSync(db)).toBe(false);
  });
});
