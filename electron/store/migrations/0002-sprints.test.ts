import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './index.js';
import { insertItem, memoryDatabases } from './test-databases.js';

const memory = memoryDatabases();

describe('migration 0002: sprints', () => {
  it('keeps version-1 items and settings, and adds empty sprint tables', () => {
    const db = memory();
    migrate(db, 1);
    insertItem(db, 'item-a');
    db.prepare("INSERT INTO settings (key, value) VALUES ('name', '\"Team\"')").run();
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT id FROM debt_items').pluck().all()).toEqual(['item-a']);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'name'").pluck().get()).toBe('"Team"');
    expect(db.prepare('SELECT count(*) FROM sprints').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sprint_pins').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('drops the pins of a deleted item and checks sprint values in SQL', () => {
    const db = memory();
    migrate(db, 1);
    const itemSeq = insertItem(db, 'item-a');
    migrate(db, 2);
    const add = db.prepare(
      `INSERT INTO sprints (id, name, start_date, length_days, capacity, availability_pct, reserve_pct, created_at)
       VALUES (?, ?, ?, 14, 40, 100, ?, 't')`,
    );
    const sprintSeq = add.run('s1', 'S1', '2027-01-04', 15).lastInsertRowid;
    db.prepare('INSERT INTO sprint_pins (sprint_seq, item_seq) VALUES (?, ?)').run(sprintSeq, itemSeq);
    db.prepare('DELETE FROM debt_items WHERE seq = ?').run(itemSeq);
    expect(db.prepare('SELECT count(*) FROM sprint_pins').pluck().get()).toBe(0);
    expect(() => add.run('s2', 'S1', '2027-01-18', 15)).toThrow(/UNIQUE/);
    expect(() => add.run('s3', 'S3', '2027-02-30', 15)).toThrow(/CHECK/);
    expect(() => add.run('s4', 'S4', '2027-01-18', 120)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sprints SET completed = 10 WHERE id = 's1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sprints SET completed = 10, debt_spent = 12, closed_at = 't' WHERE id = 's1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE sprints SET completed = 10, debt_spent = 2, closed_at = 't' WHERE id = 's1'").run()).not.toThrow();
  });
});
