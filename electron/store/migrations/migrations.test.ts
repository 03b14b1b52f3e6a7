import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from './index.js';
import { memoryDatabases } from './test-databases.js';

const memory = memoryDatabases();

function schemaOf(db: Database.Database): string[] {
  return db
    .prepare("SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY type, name")
    .pluck()
    .all() as string[]; // pluck() of one TEXT column
}

describe('migrations', () => {
  it('are numbered in strictly increasing order starting at 1', () => {
    expect(MIGRATIONS[0]?.version).toBe(1);
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
    });
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('build the whole schema on an empty database, with STRICT tables and a clean integrity check', () => {
    const db = memory();
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const tables = db
      .prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'")
      .all() as { name: string; strict: number }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['audit_log', 'debt_items', 'import_mappings', 'item_search', 'item_tags', 'plan_exclusions', 'settings', 'sprint_pins', 'sprints']);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('are idempotent: migrating an up-to-date database changes nothing', () => {
    const db = memory();
    migrate(db);
    const before = schemaOf(db);
    migrate(db);
    expect(schemaOf(db)).toEqual(before);
  });

  it('stop at a target version', () => {
    const db = memory();
    migrate(db, 0);
    expect(schemaVersion(db)).toBe(0);
    expect(schemaOf(db)).toEqual([]);
  });

  it('refuse a database from a newer Paydown', () => {
    const db = memory();
    db.pragma(`user_version = ${String(LATEST_VERSION + 1)}`);
    expect(() => {
      migrate(db);
    }).toThrow(/newer version of Paydown/);
  });

  it('enforce the item constraints in SQL as a second line of defence', () => {
    const db = memory();
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO debt_items (id, title, kind, status, likelihood, impact, effort_low, effort_likely, effort_high, interest, created_at, updated_at, version)
       VALUES (?, ?, 'code', 'open', ?, 5, ?, 2, 3, 0, 't', 't', 1)`,
    );
    expect(() => insert.run('a', 'ok', 3, 1)).not.toThrow();
    expect(() => insert.run('b', 'bad likelihood', 7, 1)).toThrow(/CHECK/);
    expect(() => insert.run('c', 'low above likely', 3, 5)).toThrow(/CHECK/);
    expect(() => insert.run('d', '', 3, 1)).toThrow(/CHECK/);
  });
});
