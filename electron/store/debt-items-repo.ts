import { Acceptance, DebtItem, type DebtItemDraft } from '../../shared/domain/debt-item.js';
import { foldForSearch } from '../../shared/domain/search-text.js';
import { recordAudit } from './audit-repo.js';
import { cached, cachedTransaction, type Db } from './db.js';
import { StoreError } from './store-error.js';

/** An item's tags as a JSON array, in their saved order; `d` is the debt_items row. */
const TAGS_JSON = `(SELECT json_group_array(tag) FROM (SELECT tag FROM item_tags t WHERE t.item_seq = d.seq ORDER BY position))`;

/** Columns every item read selects; tags come as a JSON array in `tags_json`. */
export const ITEM_COLUMNS = `d.seq, d.id, d.title, d.description, d.kind, d.quadrant, d.area, d.owner, d.status,
  d.likelihood, d.impact, d.effort_low, d.effort_likely, d.effort_high, d.interest, d.due_date, d.acceptance,
  d.outcome, d.ext_source, d.ext_key, d.ext_url, d.created_at, d.updated_at, d.version,
  ${TAGS_JSON} AS tags_json`;

export interface ItemRow {
  seq: number;
  id: string;
  title: string;
  description: string;
  kind: string;
  quadrant: string | null;
  area: string;
  owner: string;
  status: string;
  likelihood: number;
  impact: number;
  effort_low: number;
  effort_likely: number;
  effort_high: number;
  interest: number;
  due_date: string | null;
  acceptance: string | null;
  outcome: string | null;
  ext_source: string | null;
  ext_key: string | null;
  ext_url: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  tags_json: string;
}

/** An ItemRow as `ITEM_COLUMNS` lists its values, in order. */
type ItemRowValues = [
  seq: number, id: string, title: string, description: string, kind: string, quadrant: string | null, area: string, owner: string,
  status: string, likelihood: number, impact: number, effort_low: number, effort_likely: number, effort_high: number, interest: number,
  due_date: string | null, acceptance: string | null, outcome: string | null, ext_source: string | null, ext_key: string | null,
  ext_url: string | null, created_at: string, updated_at: string, version: number, tags_json: string,
];

const rowOfValues = ([seq, id, title, description, kind, quadrant, area, owner, status, likelihood, impact, effort_low, effort_likely,
  effort_high, interest, due_date, acceptance, outcome, ext_source, ext_key, ext_url, created_at, updated_at, version, tags_json]: ItemRowValues): ItemRow => ({
  seq, id, title, description, kind, quadrant, area, owner, status, likelihood, impact, effort_low, effort_likely, effort_high, interest,
  due_date, acceptance, outcome, ext_source, ext_key, ext_url, created_at, updated_at, version, tags_json,
});

/**
 * The item rows `SELECT ITEM_COLUMNS FROM debt_items d <rest>` answers. Read as arrays and built into objects
 * here: better-sqlite3's own row objects of 25 named columns cost ~18 µs each, so 100k rows took ~1.9 s where
 * arrays take ~0.6 s.
 */
export function selectItemRows(db: Db, rest: string, ...params: unknown[]): ItemRow[] {
  const values = cached(db, `SELECT ${ITEM_COLUMNS} FROM debt_items d ${rest}`).raw(true).all(...params) as ItemRowValues[]; // ITEM_COLUMNS lists exactly these values, in this order
  return values.map(rowOfValues);
}

/** Rebuilds an item from its row and validates it: what comes back from disk is parsed like any input. */
export function itemFromRow(row: ItemRow): DebtItem {
  const candidate: Record<string, unknown> = {
    id: row.id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    area: row.area,
    owner: row.owner,
    tags: JSON.parse(row.tags_json) as unknown,
    status: row.status,
    likelihood: row.likelihood,
    impact: row.impact,
    effort: { low: row.effort_low, likely: row.effort_likely, high: row.effort_high },
    interest: row.interest,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
  if (row.quadrant !== null) candidate['quadrant'] = row.quadrant;
  if (row.due_date !== null) candidate['dueDate'] = row.due_date;
  if (row.acceptance !== null) candidate['acceptance'] = Acceptance.parse(JSON.parse(row.acceptance));
  if (row.outcome !== null) candidate['outcome'] = row.outcome;
  if (row.ext_source !== null && row.ext_key !== null) {
    candidate['externalRef'] =
      row.ext_url === null
        ? { source: row.ext_source, key: row.ext_key }
        : { source: row.ext_source, key: row.ext_key, url: row.ext_url };
  }
  const parsed = DebtItem.safeParse(candidate);
  if (!parsed.success) {
    throw new StoreError('internal', `Item ${row.id} in the portfolio is damaged: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
  }
  return parsed.data;
}

function columnValues(draft: DebtItemDraft): unknown[] {
  return [
    draft.title,
    draft.description,
    draft.kind,
    draft.quadrant ?? null,
    draft.area,
    draft.owner,
    draft.status,
    draft.likelihood,
    draft.impact,
    draft.effort.low,
    draft.effort.likely,
    draft.effort.high,
    draft.interest,
    draft.dueDate ?? null,
    draft.acceptance === undefined ? null : JSON.stringify(draft.acceptance),
    draft.outcome ?? null,
    draft.externalRef?.source ?? null,
    draft.externalRef?.key ?? null,
    draft.externalRef?.url ?? null,
  ];
}

/** What a text search looks in: title, description, owner, area and tags, folded (migration 0004). */
const searchTextOf = (draft: DebtItemDraft): string =>
  foldForSearch([draft.title, draft.description, draft.owner, draft.area, ...draft.tags].join('\n'));

const DATA_COLUMNS = `title, description, kind, quadrant, area, owner, status, likelihood, impact, effort_low,
  effort_likely, effort_high, interest, due_date, acceptance, outcome, ext_source, ext_key, ext_url`;

function insertTags(db: Db, seq: number, tags: readonly string[]): void {
  const insert = cached(db, 'INSERT INTO item_tags (item_seq, position, tag) VALUES (?, ?, ?)');
  tags.forEach((tag, position) => insert.run(seq, position, tag));
}

function seqOf(db: Db, id: string): number | undefined {
  const row = cached(db, 'SELECT seq FROM debt_items WHERE id = ?').get(id) as { seq: number } | undefined;
  return row?.seq;
}

export function getItem(db: Db, id: string): DebtItem | undefined {
  const [row] = selectItemRows(db, 'WHERE d.id = ?', id);
  return row === undefined ? undefined : itemFromRow(row);
}

/** Every item, oldest first: for whole-portfolio maths such as ranking. */
export function allItems(db: Db): DebtItem[] {
  return selectItemRows(db, 'ORDER BY d.created_at, d.id').map(itemFromRow);
}

export function requireItem(db: Db, id: string): DebtItem {
  const item = getItem(db, id);
  if (item === undefined) throw new StoreError('not-found', `No debt item has the id ${id}; it may have been deleted.`);
  return item;
}

const INSERT_ITEM_SQL = `INSERT INTO debt_items (id, ${DATA_COLUMNS}, created_at, updated_at, version)
  VALUES (?, ${DATA_COLUMNS.split(',').map(() => '?').join(', ')}, ?, ?, 1)`;

/**
 * Inserts items, their tags and one audit entry each, all or nothing. Inside a caller's transaction (an
 * import, a bulk create) the rows join it and the caller's rollback covers them: a nested call would open a
 * SAVEPOINT, and within a large transaction SQLite copies every page a savepoint touches to a sub-journal,
 * which made 100k creates in one transaction four times slower than the inserts themselves.
 */
export function insertItems(db: Db, items: readonly { id: string; draft: DebtItemDraft }[], at: string): DebtItem[] {
  if (db.inTransaction) return insertItemsInTransaction(db, items, at);
  return cachedTransaction(db, 'insertItems', insertItemsInTransaction)(db, items, at);
}

function insertItemsInTransaction(db: Db, items: readonly { id: string; draft: DebtItemDraft }[], at: string): DebtItem[] {
  const insert = cached(db, INSERT_ITEM_SQL);
  const insertSearch = cached(db, 'INSERT INTO item_search (item_seq, text) VALUES (?, ?)');
  return items.map(({ id, draft }) => {
    const seq = Number(insert.run(id, ...columnValues(draft), at, at).lastInsertRowid);
    insertTags(db, seq, draft.tags);
    insertSearch.run(seq, searchTextOf(draft));
    // Object.assign, not a spread: drafts differ in which optional keys they have, and V8's spread of such
    // mixed shapes takes a slow path that was ~0.9 s of a 100k-row import where this takes ~0.05 s.
    const created: DebtItem = Object.assign({}, draft, { id, createdAt: at, updatedAt: at, version: 1 });
    recordAudit(db, { at, action: 'create', entity: 'item', entityId: id, before: null, after: created });
    return created;
  });
}

function conflict(current: DebtItem, expected: number): StoreError {
  return new StoreError(
    'conflict',
    `“${current.title}” was changed elsewhere since you opened it (you had version ${String(expected)}, it is now version ${String(current.version)}). Reload it and make your change again.`,
  );
}

/** Replaces an item's fields when `version` is still current; a stale version is a conflict. */
export function updateItem(db: Db, id: string, version: number, draft: DebtItemDraft, at: string): DebtItem {
  return db.transaction(() => {
    const before = requireItem(db, id);
    if (before.version !== version) throw conflict(before, version);
    return writeUpdate(db, before, draft, at);
  })();
}

/**
 * Writes `draft` over `before`, which the caller read in the same transaction and found current; for
 * callers that have already read and checked many items (a bulk change), so each is read once.
 */
export function writeUpdate(db: Db, before: DebtItem, draft: DebtItemDraft, at: string): DebtItem {
  const { id, version } = before;
  const assignments = DATA_COLUMNS.split(',')
    .map((c) => `${c.trim()} = ?`)
    .join(', ');
  cached(db, `UPDATE debt_items SET ${assignments}, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`).run(
    ...columnValues(draft),
    at,
    id,
    version,
  );
  const seq = seqOf(db, id);
  if (seq !== undefined) {
    cached(db, 'DELETE FROM item_tags WHERE item_seq = ?').run(seq);
    insertTags(db, seq, draft.tags);
    cached(db, 'UPDATE item_search SET text = ? WHERE item_seq = ?').run(searchTextOf(draft), seq);
  }
  const after: DebtItem = { ...draft, id, createdAt: before.createdAt, updatedAt: at, version: version + 1 };
  recordAudit(db, { at, action: 'update', entity: 'item', entityId: id, before, after });
  return after;
}

export function deleteItem(db: Db, id: string, version: number, at: string): void {
  db.transaction(() => {
    const before = requireItem(db, id);
    if (before.version !== version) throw conflict(before, version);
    cached(db, 'DELETE FROM debt_items WHERE id = ? AND version = ?').run(id, version);
    recordAudit(db, { at, action: 'delete', entity: 'item', entityId: id, before, after: null });
  })();
}

export function countItems(db: Db): { total: number; open: number } {
  const row = cached(
    db,
    "SELECT count(*) AS total, coalesce(sum(status IN ('open', 'planned', 'in_progress')), 0) AS open FROM debt_items",
  ).get() as { total: number; open: number }; // an aggregate without GROUP BY is always one row
  return row;
}

export function distinctOwners(db: Db): string[] {
  const rows = cached(db, "SELECT DISTINCT owner FROM debt_items WHERE owner <> '' ORDER BY owner").all() as { owner: string }[];
  return rows.map((r) => r.owner);
}

export function distinctTags(db: Db): string[] {
  const rows = cached(db, 'SELECT DISTINCT tag FROM item_tags ORDER BY tag').all() as { tag: string }[];
  return rows.map((r) => r.tag);
}
