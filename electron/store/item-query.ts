import type { ItemPage, ParsedInput, SortField } from '../../shared/api/contract.js';
import { foldForSearch } from '../../shared/domain/search-text.js';
import { cached, type Db } from './db.js';
import { itemFromRow, selectItemRows } from './debt-items-repo.js';

export type ParsedListQuery = ParsedInput<'items.list'>;

/** Sort keys map to fixed column expressions; user input never reaches the SQL text. */
const SORT_SQL: Record<SortField, string> = {
  title: 'd.title COLLATE NOCASE',
  kind: 'd.kind',
  status: 'd.status',
  owner: 'd.owner COLLATE NOCASE',
  area: 'd.area COLLATE NOCASE',
  risk: 'd.risk',
  likelihood: 'd.likelihood',
  impact: 'd.impact',
  effort: 'd.effort_likely',
  interest: 'd.interest',
  dueDate: 'd.due_date',
  createdAt: 'd.created_at',
  updatedAt: 'd.updated_at',
};

/** Sorts with an index on (column, id) in migration 0001; the others sort the matching rows in memory. */
const SORT_INDEX: Partial<Record<SortField, string>> = {
  updatedAt: 'debt_items_by_updated',
  risk: 'debt_items_by_risk',
  title: 'debt_items_by_title',
};

/**
 * Above this many matches, walking the sort index and skipping non-matching rows finds a page sooner
 * than sorting every match; below it, the filter's own index and a small sort win.
 */
const ORDERED_SCAN_FROM = 2_000;

/** The filters `items.list` and `items.matrix` share, so the table and the matrix always show the same items. */
export type ItemFilters = Pick<ParsedListQuery, 'status' | 'kind' | 'owner' | 'tag' | 'text'>;

const CONTAINS = "LIKE ? ESCAPE '\\'";

/** A LIKE pattern matching `text` anywhere, with LIKE's own characters escaped. */
const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE clause (alias `d` for debt_items) and its bound parameters for a set of filters. */
export function whereClause(query: ItemFilters): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (query.status !== undefined && query.status.length > 0) {
    clauses.push(`d.status IN (${query.status.map(() => '?').join(', ')})`);
    params.push(...query.status);
  }
  if (query.kind !== undefined && query.kind.length > 0) {
    clauses.push(`d.kind IN (${query.kind.map(() => '?').join(', ')})`);
    params.push(...query.kind);
  }
  if (query.owner !== undefined && query.owner !== '') {
    clauses.push('d.owner = ?');
    params.push(query.owner);
  }
  if (query.tag !== undefined && query.tag !== '') {
    clauses.push('d.seq IN (SELECT t.item_seq FROM item_tags t WHERE t.tag = ?)');
    params.push(query.tag);
  }
  const text = foldForSearch(query.text?.trim() ?? '');
  if (text !== '') {
    // LIKE with every %, _ and \ in the text escaped matches it literally: no wildcard or operator in it has any
    // meaning. Both sides are folded to lower case already, and LIKE scans about 40% faster than instr(), which
    // counts characters for a position nobody reads. Looked up per row, so a sorted page stops reading as soon
    // as it has its items.
    clauses.push(`(SELECT s.text FROM item_search s WHERE s.item_seq = d.seq) ${CONTAINS}`);
    params.push(containsPattern(text));
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

/**
 * How many items match. A tag alone is counted in the tag index and a text alone in the search table:
 * counting through debt_items would visit one item row per tagged item (≈50× slower over 100k items), or
 * look each item's text up one by one.
 */
function countMatches(db: Db, query: ItemFilters, where: { sql: string; params: unknown[] }): number {
  const text = foldForSearch(query.text?.trim() ?? '');
  const rest = [query.status?.length ?? 0, query.kind?.length ?? 0, query.owner ?? ''].every((value) => value === 0 || value === '');
  const tag = query.tag ?? '';
  let statement = cached(db, `SELECT count(*) AS n FROM debt_items d ${where.sql}`);
  if (rest && tag !== '' && text === '') statement = cached(db, 'SELECT count(*) AS n FROM item_tags t WHERE t.tag = ?');
  if (rest && tag === '' && text !== '') statement = cached(db, `SELECT count(*) AS n FROM item_search s WHERE s.text ${CONTAINS}`);
  return (statement.get(...where.params) as { n: number }).n; // count(*) without GROUP BY is always one row
}

/** One page of items matching the filters, in a total and stable order (ties broken by id). */
export function listItems(db: Db, query: ParsedListQuery): ItemPage {
  const where = whereClause(query);
  const total = countMatches(db, query, where);
  const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
  // Missing due dates sort last either way: an item without a deadline is never the most urgent.
  const nullsLast = query.sort === 'dueDate' ? 'd.due_date IS NULL, ' : '';
  const order = `ORDER BY ${nullsLast}${SORT_SQL[query.sort]} ${direction}, d.id ${direction}`;
  const index = SORT_INDEX[query.sort];
  const indexed = index !== undefined && total >= ORDERED_SCAN_FROM ? `INDEXED BY ${index}` : '';
  const rows = selectItemRows(db, `${indexed} ${where.sql} ${order} LIMIT ? OFFSET ?`, ...where.params, query.limit, query.offset);
  return { items: rows.map(itemFromRow), total, offset: query.offset, limit: query.limit };
}
