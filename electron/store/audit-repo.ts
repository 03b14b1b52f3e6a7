import { cached, type Db } from './db.js';

export type AuditAction = 'create' | 'update' | 'delete';

export interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly action: AuditAction;
  readonly entity: string;
  readonly entityId: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Records one change; callers run it inside the transaction that made the change. */
export function recordAudit(
  db: Db,
  entry: { at: string; action: AuditAction; entity: string; entityId: string; before: unknown; after: unknown },
): void {
  cached(db, 'INSERT INTO audit_log (at, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  );
}

interface AuditRow {
  seq: number;
  at: string;
  action: AuditAction;
  entity: string;
  entity_id: string;
  before: string | null;
  after: string | null;
}

/** The history of one entity, oldest first. */
export function auditTrail(db: Db, entity: string, entityId: string): AuditEntry[] {
  const rows = cached(
    db,
    'SELECT seq, at, action, entity, entity_id, before, after FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY seq',
  ).all(entity, entityId) as AuditRow[]; // the SELECT above names exactly these columns
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  }));
}

export function auditCount(db: Db): number {
  const row = cached(db, 'SELECT count(*) AS n FROM audit_log').get() as { n: number }; // count(*) is always one row
  return row.n;
}
