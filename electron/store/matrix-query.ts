import type { MatrixColumns } from '../../shared/api/matrix-data.js';
import { KINDS, STATUSES, type Kind, type Status } from '../../shared/domain/debt-item.js';
import { cached, type Db } from './db.js';
import { TAGS_JSON } from './debt-items-repo.js';
import { whereClause, type ItemFilters } from './item-query.js';
import { StoreError } from './store-error.js';

/**
 * One row as an array, in MATRIX_COLUMNS order: read with better-sqlite3's `raw()`, because building an
 * object per row took about as long as the query itself for 100k rows.
 */
type MatrixRow = [
  id: string,
  title: string,
  kind: string,
  status: string,
  owner: string,
  tagsJson: string,
  likelihood: number,
  impact: number,
  effortLow: number,
  effortLikely: number,
  effortHigh: number,
  interest: number,
  dueDate: string | null,
  outcome: string | null,
  version: number,
];

const MATRIX_COLUMNS = `d.id, d.title, d.kind, d.status, d.owner,
  ${TAGS_JSON} AS tags_json,
  d.likelihood, d.impact, d.effort_low, d.effort_likely, d.effort_high, d.interest, d.due_date, d.outcome, d.version`;

function damaged(id: string, what: string): StoreError {
  return new StoreError('internal', `Item ${id} in the portfolio is damaged: ${what}`);
}

// Membership tests rather than zod per row: for 100k rows, two safeParse calls each were most of the read's time.
const KIND_SET: ReadonlySet<string> = new Set(KINDS);
const STATUS_SET: ReadonlySet<string> = new Set(STATUSES);
const isKind = (v: string): v is Kind => KIND_SET.has(v);
const isStatus = (v: string): v is Status => STATUS_SET.has(v);

function tagsOf(id: string, tagsJson: string): string[] {
  // Most items have no tags; skip JSON.parse for them.
  if (tagsJson === '[]') return [];
  const parsed: unknown = JSON.parse(tagsJson);
  if (!Array.isArray(parsed) || !parsed.every((t) => typeof t === 'string')) throw damaged(id, 'its tags are unreadable');
  return parsed;
}

/**
 * Every item matching the filters, as columns, in the same stable order on every call (oldest first).
 * Only the fields the matrix and the scorer use are read: the descriptions would be most of the bytes.
 */
export function matrixColumns(db: Db, filters: ItemFilters): MatrixColumns {
  const where = whereClause(filters);
  // This SQL is this function's alone, so switching its cached statement to raw rows affects no other read.
  const rows = cached(db, `SELECT ${MATRIX_COLUMNS} FROM debt_items d ${where.sql} ORDER BY d.created_at, d.id`)
    .raw(true)
    .all(...where.params) as MatrixRow[]; // MATRIX_COLUMNS selects exactly the MatrixRow columns, in order
  const c: MatrixColumns = {
    id: [],
    title: [],
    kind: [],
    status: [],
    owner: [],
    tags: [],
    likelihood: [],
    impact: [],
    effortLow: [],
    effortLikely: [],
    effortHigh: [],
    interest: [],
    dueDate: [],
    outcome: [],
    version: [],
  };
  for (const [id, title, kind, status, owner, tagsJson, likelihood, impact, effortLow, effortLikely, effortHigh, interest, dueDate, outcome, version] of rows) {
    // Kind and status are checked like any data read back from disk; the numbers have CHECK constraints.
    if (!isKind(kind)) throw damaged(id, `its kind “${kind}” is unknown`);
    if (!isStatus(status)) throw damaged(id, `its status “${status}” is unknown`);
    c.id.push(id);
    c.title.push(title);
    c.kind.push(kind);
    c.status.push(status);
    c.owner.push(owner);
    c.tags.push(tagsOf(id, tagsJson));
    c.likelihood.push(likelihood);
    c.impact.push(impact);
    c.effortLow.push(effortLow);
    c.effortLikely.push(effortLikely);
    c.effortHigh.push(effortHigh);
    c.interest.push(interest);
    c.dueDate.push(dueDate);
    c.outcome.push(outcome);
    c.version.push(version);
  }
  return c;
}

/** The whole portfolio's size and highest interest, which every score is judged against. */
export function portfolioScale(db: Db): { count: number; maxInterest: number } {
  const row = cached(db, 'SELECT count(*) AS n, coalesce(max(interest), 0) AS m FROM debt_items').get() as { n: number; m: number };
  return { count: row.n, maxInterest: row.m };
}
