import { StoredSprint } from '../../shared/api/planning-contract.js';
import { DebtItemDraft, mergePatch } from '../../shared/domain/debt-item.js';
import { Sprint, type SprintActuals, type SprintPin } from '../../shared/planning/sprint.js';
import { recordAudit } from './audit-repo.js';
import { cached, type Db } from './db.js';
import { requireItem, updateItem } from './debt-items-repo.js';
import { StoreError } from './store-error.js';

const SPRINT_COLUMNS = `seq, id, name, start_date, length_days, capacity, availability_pct, reserve_pct, reserve_reason,
  completed, debt_spent, paid_item_ids, closed_at`;

interface SprintRow {
  seq: number;
  id: string;
  name: string;
  start_date: string;
  length_days: number;
  capacity: number;
  availability_pct: number;
  reserve_pct: number;
  reserve_reason: string | null;
  completed: number | null;
  debt_spent: number | null;
  paid_item_ids: string;
  closed_at: string | null;
}

interface PinRow {
  sprint_seq: number;
  item_id: string;
  note: string | null;
}

/** Rebuilds a sprint from its row and pins, and validates it: what comes back from disk is parsed like any input. */
function sprintFromRow(row: SprintRow, pins: readonly SprintPin[]): StoredSprint {
  const candidate: Record<string, unknown> = {
    id: row.id,
    name: row.name,
    startDate: row.start_date,
    lengthDays: row.length_days,
    capacity: row.capacity,
    availabilityPct: row.availability_pct,
    reservePct: row.reserve_pct,
    pins,
  };
  if (row.reserve_reason !== null) candidate['reserveReason'] = row.reserve_reason;
  if (row.completed !== null && row.debt_spent !== null) {
    candidate['actuals'] = { completed: row.completed, debtSpent: row.debt_spent, paidItemIds: JSON.parse(row.paid_item_ids) as unknown };
  }
  if (row.closed_at !== null) candidate['closedAt'] = row.closed_at;
  const parsed = StoredSprint.safeParse(candidate);
  if (!parsed.success) {
    throw new StoreError('internal', `Sprint ${row.name} in the portfolio is damaged: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

function pinsBySprint(rows: readonly PinRow[]): Map<number, SprintPin[]> {
  const bySprint = new Map<number, SprintPin[]>();
  for (const r of rows) {
    const pins = bySprint.get(r.sprint_seq) ?? [];
    pins.push(r.note === null ? { itemId: r.item_id } : { itemId: r.item_id, note: r.note });
    bySprint.set(r.sprint_seq, pins);
  }
  return bySprint;
}

const PIN_SELECT = 'SELECT p.sprint_seq, d.id AS item_id, p.note FROM sprint_pins p JOIN debt_items d ON d.seq = p.item_seq';

/** Every sprint in calendar order (start date, then id), with its pins and actuals. */
export function listSprints(db: Db): StoredSprint[] {
  const rows = cached(db, `SELECT ${SPRINT_COLUMNS} FROM sprints ORDER BY start_date, id`).all() as SprintRow[];
  const pins = pinsBySprint(cached(db, `${PIN_SELECT} ORDER BY p.sprint_seq, d.id`).all() as PinRow[]);
  return rows.map((row) => sprintFromRow(row, pins.get(row.seq) ?? []));
}

function rowByName(db: Db, name: string): SprintRow {
  const row = cached(db, `SELECT ${SPRINT_COLUMNS} FROM sprints WHERE name = ?`).get(name) as SprintRow | undefined;
  if (row === undefined) throw new StoreError('not-found', `No sprint is called “${name}”. List the sprints with "paydown sprint list".`);
  return row;
}

function readRow(db: Db, row: SprintRow): StoredSprint {
  const pins = pinsBySprint(cached(db, `${PIN_SELECT} WHERE p.sprint_seq = ? ORDER BY d.id`).all(row.seq) as PinRow[]);
  return sprintFromRow(row, pins.get(row.seq) ?? []);
}

function requireSprint(db: Db, name: string): StoredSprint {
  return readRow(db, rowByName(db, name));
}

/** Inserts sprints and one audit entry each, all or nothing; a name already taken refuses the whole run. */
export function insertSprints(db: Db, sprints: readonly Sprint[], at: string): StoredSprint[] {
  const insert = cached(
    db,
    `INSERT INTO sprints (id, name, start_date, length_days, capacity, availability_pct, reserve_pct, reserve_reason, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const taken = cached(db, 'SELECT 1 FROM sprints WHERE name = ?');
  return db.transaction(() =>
    sprints.map((s) => {
      if (taken.get(s.name) !== undefined) {
        throw new StoreError('conflict', `A sprint called “${s.name}” already exists; choose another name. No sprint was added.`);
      }
      insert.run(s.id, s.name, s.startDate, s.lengthDays, s.capacity, s.availabilityPct, s.reservePct, s.reserveReason ?? null, at);
      const created = requireSprint(db, s.name);
      recordAudit(db, { at, action: 'create', entity: 'sprint', entityId: s.id, before: null, after: created });
      return created;
    }),
  )();
}

export interface SprintChanges {
  readonly capacity?: number | undefined;
  readonly availabilityPct?: number | undefined;
  readonly reservePct?: number | undefined;
  readonly reserveReason?: string | undefined;
}

function refuseClosed(sprint: StoredSprint, what: string): void {
  if (sprint.actuals !== undefined) {
    throw new StoreError('conflict', `Sprint “${sprint.name}” is closed, so ${what}. Nothing was changed.`);
  }
}

/**
 * Changes an open sprint's capacity, availability or reserve. A new reserve without a reason drops the old
 * reason (it was about the old value), so leaving the healthy band always needs a reason of its own.
 */
export function updateSprint(db: Db, name: string, changes: SprintChanges, at: string): StoredSprint {
  return db.transaction(() => {
    const row = rowByName(db, name);
    const before = readRow(db, row);
    refuseClosed(before, 'its capacity and reserve can no longer change');
    const { closedAt: _closedAt, ...current } = before;
    const merged: Record<string, unknown> = { ...current };
    if (changes.capacity !== undefined) merged['capacity'] = changes.capacity;
    if (changes.availabilityPct !== undefined) merged['availabilityPct'] = changes.availabilityPct;
    if (changes.reservePct !== undefined) {
      merged['reservePct'] = changes.reservePct;
      Reflect.deleteProperty(merged, 'reserveReason');
    }
    if (changes.reserveReason !== undefined) merged['reserveReason'] = changes.reserveReason;
    const parsed = Sprint.safeParse(merged);
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => i.message).join('; ');
      throw new StoreError('invalid-input', `Sprint “${name}” was not changed: ${message}`, parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
    }
    const s = parsed.data;
    cached(db, 'UPDATE sprints SET capacity = ?, availability_pct = ?, reserve_pct = ?, reserve_reason = ? WHERE seq = ?').run(
      s.capacity,
      s.availabilityPct,
      s.reservePct,
      s.reserveReason ?? null,
      row.seq,
    );
    const after = readRow(db, rowByName(db, name));
    recordAudit(db, { at, action: 'update', entity: 'sprint', entityId: before.id, before, after });
    return after;
  })();
}

/**
 * Sets one reserve on every open sprint, all or nothing: a sprint the new value does not suit refuses the whole
 * change. Answers the changed sprints in calendar order; with no open sprint there is nothing to change.
 */
export function setOpenReserves(db: Db, reservePct: number, reserveReason: string | undefined, at: string): StoredSprint[] {
  return db.transaction(() =>
    listSprints(db)
      .filter((s) => s.actuals === undefined)
      .map((s) => updateSprint(db, s.name, { reservePct, reserveReason }, at)),
  )();
}

/**
 * Records what really happened in a sprint and closes it. The paid items are marked `paid` in the same
 * transaction (each with its own audit entry), so a missing item refuses the whole close.
 */
export function closeSprint(db: Db, name: string, actuals: SprintActuals, at: string): StoredSprint {
  return db.transaction(() => {
    const row = rowByName(db, name);
    const before = readRow(db, row);
    refuseClosed(before, 'it cannot be closed again');
    const paidItemIds = [...new Set(actuals.paidItemIds)];
    for (const id of paidItemIds) {
      const item = requireItem(db, id);
      if (item.status === 'paid') continue;
      const draft = DebtItemDraft.safeParse(mergePatch(item, { status: 'paid' }));
      if (!draft.success) {
        throw new StoreError('invalid-input', `“${item.title}” could not be marked paid: ${draft.error.issues[0]?.message ?? 'invalid'}`);
      }
      updateItem(db, id, item.version, draft.data, at);
    }
    cached(db, 'UPDATE sprints SET completed = ?, debt_spent = ?, paid_item_ids = ?, closed_at = ? WHERE seq = ?').run(
      actuals.completed,
      actuals.debtSpent,
      JSON.stringify(paidItemIds),
      at,
      row.seq,
    );
    const after = readRow(db, rowByName(db, name));
    recordAudit(db, { at, action: 'update', entity: 'sprint', entityId: before.id, before, after });
    return after;
  })();
}

/** The item's stable integer key, which pins and exclusions reference; refuses an unknown id. */
export function itemSeq(db: Db, itemId: string): number {
  requireItem(db, itemId);
  const found = cached(db, 'SELECT seq FROM debt_items WHERE id = ?').get(itemId) as { seq: number }; // requireItem found the row
  return found.seq;
}

/**
 * Pins an item to an open sprint: the planner starts it there. Pinning again replaces the note, and a pin on
 * another open sprint moves here (each change audited), since an item starts in one sprint only; closed sprints
 * keep their pins as history.
 */
export function pinItem(db: Db, name: string, itemId: string, note: string | undefined, at: string): StoredSprint {
  return db.transaction(() => {
    const row = rowByName(db, name);
    const before = readRow(db, row);
    refuseClosed(before, 'no item can be pinned to it');
    const seq = itemSeq(db, itemId);
    const elsewhere = cached(
      db,
      `SELECT ${SPRINT_COLUMNS} FROM sprints WHERE closed_at IS NULL AND seq <> ?
         AND seq IN (SELECT sprint_seq FROM sprint_pins WHERE item_seq = ?)`,
    ).all(row.seq, seq) as SprintRow[];
    for (const other of elsewhere) {
      const otherBefore = readRow(db, other);
      cached(db, 'DELETE FROM sprint_pins WHERE sprint_seq = ? AND item_seq = ?').run(other.seq, seq);
      recordAudit(db, { at, action: 'update', entity: 'sprint', entityId: other.id, before: otherBefore, after: readRow(db, other) });
    }
    cached(
      db,
      'INSERT INTO sprint_pins (sprint_seq, item_seq, note) VALUES (?, ?, ?) ON CONFLICT (sprint_seq, item_seq) DO UPDATE SET note = excluded.note',
    ).run(row.seq, seq, note ?? null);
    const after = readRow(db, row);
    recordAudit(db, { at, action: 'update', entity: 'sprint', entityId: before.id, before, after });
    return after;
  })();
}

export function unpinItem(db: Db, name: string, itemId: string, at: string): StoredSprint {
  return db.transaction(() => {
    const row = rowByName(db, name);
    const before = readRow(db, row);
    const removed = cached(db, 'DELETE FROM sprint_pins WHERE sprint_seq = ? AND item_seq = ?').run(row.seq, itemSeq(db, itemId));
    if (removed.changes === 0) throw new StoreError('not-found', `Item ${itemId} is not pinned to sprint “${name}”.`);
    const after = readRow(db, row);
    recordAudit(db, { at, action: 'update', entity: 'sprint', entityId: before.id, before, after });
    return after;
  })();
}
