import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir, sha256 } from '../testing/temp-dir.js';
import { LATEST_VERSION } from './migrations/index.js';
import { openStore, PAYDOWN_APPLICATION_ID, type Store } from './open-store.js';
import { StoreError } from './store-error.js';

let temp: ReturnType<typeof makeTempDir>;
const opened: Store[] = [];
const open = (file: string): Store => {
  const store = openStore(file);
  opened.push(store);
  return store;
};

beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  opened.splice(0).forEach((s) => {
    s.close();
  });
  temp.cleanup();
});

function refusal(file: string): StoreError {
  try {
    openStore(file);
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`openStore(${file}) did not refuse the file`);
}

describe('openStore', () => {
  it('creates a new portfolio, with its folder, marked as ours and at the latest schema', () => {
    const file = temp.file('nested/folder/portfolio.paydown');
    const store = open(file);
    expect(existsSync(file)).toBe(true);
    expect(store.path).toBe(file);
    expect(store.db.pragma('application_id', { simple: true })).toBe(PAYDOWN_APPLICATION_ID);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('sets WAL, foreign keys, busy timeout and synchronous on every open', () => {
    const file = temp.file('p.paydown');
    open(file).close();
    const store = open(file);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    // 1 = NORMAL
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('works in memory', () => {
    const store = open(':memory:');
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(store.path).toBe(':memory:');
  });

  it('reopens an existing portfolio with its data', () => {
    const file = temp.file('p.paydown');
    const first = open(file);
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('name', '\"Kept\"')").run();
    first.close();
    const second = open(file);
    expect(second.db.prepare("SELECT value FROM settings WHERE key = 'name'").pluck().get()).toBe('"Kept"');
  });

  it('refuses a file that is not SQLite and leaves it byte-for-byte untouched', () => {
    const file = temp.file('notes.paydown');
    writeFileSync(file, 'Title,Owner\nSlow build,Ana\n'.repeat(20));
    const before = sha256(file);
    const error = refusal(file);
    expect(error.code).toBe('not-sqlite');
    expect(error.message).toContain('not a SQLite database');
    expect(sha256(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses an empty file', () => {
    const file = temp.file('empty.paydown');
    writeFileSync(file, '');
    const error = refusal(file);
    expect(error.code).toBe('not-sqlite');
    expect(error.message).toContain('is empty');
    expect(statSync(file).size).toBe(0);
  });

  it('refuses another application’s SQLite database and leaves it untouched', () => {
    const file = temp.file('other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE contacts (name TEXT)');
    other.close();
    const before = sha256(file);
    const error = refusal(file);
    expect(error.code).toBe('not-a-portfolio');
    expect(error.message).toContain('not a Paydown portfolio');
    expect(sha256(file)).toBe(before);
  });

  it('refuses a portfolio from a newer Paydown and leaves it untouched', () => {
    const file = temp.file('future.paydown');
    open(file).close();
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${String(LATEST_VERSION + 5)}`);
    raw.close();
    const before = sha256(file);
    const error = refusal(file);
    expect(error.code).toBe('db-too-new');
    expect(error.message).toContain('newer version of Paydown');
    expect(error.message).toContain(String(LATEST_VERSION + 5));
    expect(sha256(file)).toBe(before);
  });

  it('refuses a folder with a clear message', () => {
    const dir = temp.file('a-folder.paydown');
    mkdirSync(dir);
    const error = refusal(dir);
    expect(error.code).toBe('io-error');
    expect(error.message).toContain('is a folder');
  });
});
