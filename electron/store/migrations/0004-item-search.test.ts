import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './index.js';
import { memoryDatabases } from './test-databases.js';

const memory = memoryDatabases();

describe('migration 0004: item search text in a table of its own', () => {
  it('carries every version-3 item’s search text over, drops the old column, and cascades deletes', () => {
    const db = memory();
    migrate(db, 3);
    const insert = db.prepare(
      `INSERT INTO debt_items (id, title, kind, status, likelihood, impact, effort_low, effort_likely, effort_high, interest, created_at, updated_at, version, search_text)
       VALUES (?, ?, 'code', 'open', 3, 4, 1, 2, 3, 1, 't', 't', 1, ?)`,
    );
    const a = insert.run('item-a', 'Flaky tests', 'flaky tests\nzoe').lastInsertRowid;
    const b = insert.run('item-b', 'Old ORM', 'old orm').lastInsertRowid;
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(4);
    expect(db.prepare('SELECT item_seq, text FROM item_search ORDER BY item_seq').all()).toEqual([
      { item_seq: a, text: 'flaky tests\nzoe' },
      { item_seq: b, text: 'old orm' },
    ]);
    const columns = (db.prepare('PRAGMA table_info(debt_items)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain('search_text');
    db.prepare('DELETE FROM debt_items WHERE id = ?').run('item-a');
    expect(db.prepare('SELECT item_seq FROM item_search').pluck().all()).toEqual([b]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
