import { StoreError } from '../store-error.js';
import type { Db } from '../db.js';
import { migration0001 } from './0001-initial.js';
import { migration0002 } from './0002-sprints.js';
import { migration0003 } from './0003-plan-exclusions.js';
import { migration0004 } from './0004-item-search.js';
import { migration0005 } from './0005-import-mappings.js';
import type { Migration } from './migration.js';

/** Every schema change, in order. A shipped migration is never edited: users open files of every version. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Brings the schema up to `target` in one transaction, so a failed step leaves the file as it was. */
export function migrate(db: Db, target: number = LATEST_VERSION): void {
  MIGRATIONS.forEach((m, i) => {
    const previous = MIGRATIONS[i - 1];
    if (previous !== undefined && m.version <= previous.version) {
      throw new StoreError('internal', `Migration ${m.name} (${m.version}) is out of order.`);
    }
  });
  const from = schemaVersion(db);
  if (from > LATEST_VERSION) {
    throw new StoreError(
      'db-too-new',
      `This portfolio was saved by a newer version of Paydown (schema ${from}; this version knows up to ${LATEST_VERSION}). Update Paydown to open it.`,
    );
  }
  const pending = MIGRATIONS.filter((m) => m.version > from && m.version <= target);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      // user_version takes no bound parameters; the value is an integer from our own list.
      db.pragma(`user_version = ${String(m.version)}`);
    }
  })();
}
