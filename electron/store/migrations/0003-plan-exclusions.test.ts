import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from './index.js';
import { insertItem, memoryDatabases } from './test-databases.js';

const memory = memoryDatabases();

describe('migration 0003: plan exclusions', () => {
  it('keeps version-2 items, sprints and pins, and adds an empty exclusions table', () => {
    const db = memory();
    migrate(db, 2);
    const itemSeq = insertItem(db, 'item-a');
    const sprintSeq = db
      .prepare(
        `INSERT INTO sprints (id, name, start_date, length_days, capacity, availability_pct, reserve_pct, created_at)
         VALUES ('s1', 'S1', '2027-01-04', 14, 40, 100, 15, 't')`,
      )
      .run().lastInsertRowid;
    db.prepare('INSERT INTO sprint_pins (sprint_seq, item_seq) VALUES (?, ?)').run(sprintSeq, itemSeq);
    migrate(db, 3);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT id FROM debt_items').pluck().all()).toEqual(['item-a']);
    expect(db.prepare('SELECT count(*) FROM sprint_pins').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM plan_exclusions').pluck().get()).toBe(0);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('drops the exclusion of a deleted item, refuses one of a missing item, and checks the note in SQL', () => {
    const db = memory();
    migrate(db);
    const itemSeq = insertItem(db, 'item-a');
    const exclude = db.prepare("INSERT INTO plan_exclusions (item_seq, note, excluded_at) VALUES (?, ?, 't')");
    exclude.run(itemSeq, 'Replaced next quarter');
    expect(() => exclude.run(itemSeq, null)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => exclude.run(Number(itemSeq) + 1, null)).toThrow(/FOREIGN KEY/);
    expect(() => exclude.run(itemSeq, '')).toThrow(/CHECK/);
    expect(() => exclude.run('one', null)).toThrow(/datatype|INTEGER/i);
    db.prepare('DELETE FROM debt_items WHERE seq = ?').run(itemSeq);
    expect(db.prepare('SELECT count(*) FROM plan_exclusions').pluck().get()).toBe(0);
  });
});
