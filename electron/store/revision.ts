import { randomUUID } from 'node:crypto';
import { cached, type Db } from './db.js';

const connections = new WeakMap<Db, string>();

/**
 * A text that differs whenever anything in the portfolio may have changed since it was last read:
 * `data_version` moves with every commit by another connection (the CLI, a second window),
 * `total_changes()` with every row this connection wrote, and the token per open connection keeps two
 * files (or one file opened twice) from sharing a revision. O(1): no table is read. A rolled-back write
 * still moves it, which costs a caller one needless reload and never a stale answer.
 */
export function portfolioRevision(db: Db): string {
  let token = connections.get(db);
  if (token === undefined) {
    token = randomUUID();
    connections.set(db, token);
  }
  const dataVersion = cached(db, 'PRAGMA data_version').pluck().get() as number; // a pragma of one value
  const changes = cached(db, 'SELECT total_changes()').pluck().get() as number; // one row, one value
  return `${token}.${String(dataVersion)}.${String(changes)}`;
}
