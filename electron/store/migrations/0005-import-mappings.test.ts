import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './index.js';
import { insertItem, memoryDatabases } from './test-databases.js';

const memory = memoryDatabases();

describe('migration 0005: import mappings kept in the portfolio', () => {
  it('adds the table to a version-4 portfolio, leaving its items alone, and refuses rows that are not JSON', () => {
    const db = memory();
    migrate(db, 4);
    insertItem(db, 'item-a');
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(5);
    expect(db.prepare('SELECT id FROM debt_items').pluck().all()).toEqual(['item-a']);
    const insert = db.prepare('INSERT INTO import_mappings (source_key, mapping, saved_at) VALUES (?, ?, ?)');
    insert.run('jira', '{"defaultImpact":4}', '2026-11-25T10:00:00.000Z');
    expect(() => insert.run('github', 'not json', '2026-11-25T10:00:00.000Z')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('', '{}', '2026-11-25T10:00:00.000Z')).toThrow(/CHECK constraint failed/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
