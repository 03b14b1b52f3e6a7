import { PlanExclusion } from '../../shared/api/planning-contract.js';
import { recordAudit } from './audit-repo.js';
import { cached, type Db } from './db.js';
import { itemSeq } from './sprints-repo.js';
import { StoreError } from './store-error.js';

interface ExclusionRow {
  item_id: string;
  note: string | null;
}

const AUDIT_ENTITY = 'plan-exclusion';

function exclusionFromRow(row: ExclusionRow): PlanExclusion {
  const parsed = PlanExclusion.safeParse(row.note === null ? { itemId: row.item_id } : { itemId: row.item_id, note: row.note });
  if (!parsed.success) {
    throw new StoreError('internal', `The plan exclusion of item ${row.item_id} is damaged: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

/** Every item kept out of the plan, by item id. */
export function listExclusions(db: Db): PlanExclusion[] {
  const rows = cached(
    db,
    'SELECT d.id AS item_id, e.note FROM plan_exclusions e JOIN debt_items d ON d.seq = e.item_seq ORDER BY d.id',
  ).all() as ExclusionRow[];
  return rows.map(exclusionFromRow);
}

function exclusionOf(db: Db, seq: number): PlanExclusion | null {
  const row = cached(db, 'SELECT d.id AS item_id, e.note FROM plan_exclusions e JOIN debt_items d ON d.seq = e.item_seq WHERE e.item_seq = ?').get(seq) as
    | ExclusionRow
    | undefined;
  return row === undefined ? null : exclusionFromRow(row);
}

/** Keeps an item out of the plan whatever its rank or pins; excluding it again replaces the note. Audited. */
export function excludeItem(db: Db, itemId: string, note: string | undefined, at: string): PlanExclusion[] {
  return db.transaction(() => {
    const seq = itemSeq(db, itemId);
    const before = exclusionOf(db, seq);
    cached(
      db,
      'INSERT INTO plan_exclusions (item_seq, note, excluded_at) VALUES (?, ?, ?) ON CONFLICT (item_seq) DO UPDATE SET note = excluded.note',
    ).run(seq, note ?? null, at);
    recordAudit(db, { at, action: before === null ? 'create' : 'update', entity: AUDIT_ENTITY, entityId: itemId, before, after: exclusionOf(db, seq) });
    return listExclusions(db);
  })();
}

/** Lets an excluded item back into the plan; refuses an item that is not excluded. Audited. */
export function includeItem(db: Db, itemId: string, at: string): PlanExclusion[] {
  return db.transaction(() => {
    const seq = itemSeq(db, itemId);
    const before = exclusionOf(db, seq);
    if (before === null) throw new StoreError('not-found', `Item ${itemId} is not excluded from the plan, so there is nothing to include.`);
    cached(db, 'DELETE FROM plan_exclusions WHERE item_seq = ?').run(seq);
    recordAudit(db, { at, action: 'delete', entity: AUDIT_ENTITY, entityId: itemId, before, after: null });
    return listExclusions(db);
  })();
}
