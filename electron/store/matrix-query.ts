import type { MatrixColumns } from '../../shared/api/matrix-data.js';
import { Kind, Status } from '../../shared/domain/debt-item.js';
import { cached, type Db } from './db.js';
import { TAGS_JSON } from './debt-items-repo.js';
import { whereClause, type ItemFilters } from './item-query.js';
import { StoreError } from './store-error.js';

interface MatrixRow {
  id: string;
  title: string;
  kind: string;
  status: string;
  owner: string;
  tags_json: string;
  likelihood: number;
  impact: number;
  effort_low: number;
  effort_likely: number;
  effort_high: number;
  interest: number;
  due_date: string | null;
  outcome: string | null;
}

const MATRIX_COLUMNS = `d.id, d.title, d.kind, d.status, d.owner,
  ${TAGS_JSON} AS tags_json,
  d.likelihood, d.impact, d.effort_low, d.effort_likely, d.effort_high, d.interest, d.due_date, d.outcome`;

function damaged(id: string, what: string): StoreError {
  return new StoreError('internal', `Item ${id} in the portfolio is damaged: ${what}`);
}

function tagsOf(row: MatrixRow): string[] {
  const parsed: unknown = JSON.parse(row.tags_json);
  if (!Array.isArray(parsed) || !parsed.every((t) => typeof t === 'string')) throw damaged(row.id, 'its tags are unreadable');
  return parsed;
}

/**
 * Every item matching the filters, as columns, in the same stable order on every call (oldest first).
 * Only the fields the matrix and the scorer use are read: the descriptions would be most of the bytes.
 */
export function matrixColumns(db: Db, filters: ItemFilters): MatrixColumns {
  const where = whereClause(filters);
  const rows = cached(db, `SELECT ${MATRIX_COLUMNS} FROM debt_items d ${where.sql} ORDER BY d.created_at, d.id`).all(
    ...where.params,
  ) as MatrixRow[]; // MATRIX_COLUMNS selects exactly the MatrixRow fields
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
  };
  for (const row of rows) {
    // Kind and status are checked like any data read back from disk; the numbers have CHECK constraints.
    const kind = Kind.safeParse(row.kind);
    const status = Status.safeParse(row.status);
    if (!kind.success) throw damaged(row.id, `its kind “${row.kind}” is unknown`);
    if (!status.success) throw damaged(row.id, `its status “${row.status}” is unknown`);
    c.id.push(row.id);
    c.title.push(row.title);
    c.kind.push(kind.data);
    c.status.push(status.data);
    c.owner.push(row.owner);
    c.tags.push(tagsOf(row));
    c.likelihood.push(row.likelihood);
    c.impact.push(row.impact);
    c.effortLow.push(row.effort_low);
    c.effortLikely.push(row.effort_likely);
    c.effortHigh.push(row.effort_high);
    c.interest.push(row.interest);
    c.dueDate.push(row.due_date);
    c.outcome.push(row.outcome);
  }
  return c;
}

/** The whole portfolio's size and highest interest, which every score is judged against. */
export function portfolioScale(db: Db): { count: number; maxInterest: number } {
  const row = cached(db, 'SELECT count(*) AS n, coalesce(max(interest), 0) AS m FROM debt_items').get() as { n: number; m: number };
  return { count: row.n, maxInterest: row.m };
}
