import { codeTexts } from '../../shared/api/matrix-codec.js';
import type { MatrixColumns } from '../../shared/api/matrix-data.js';
import { KINDS, STATUSES } from '../../shared/domain/debt-item.js';
import { cached, type Db } from './db.js';
import { whereClause, type ItemFilters } from './item-query.js';
import { StoreError } from './store-error.js';

/**
 * The matrix's columns as one row of long texts, each aggregated by SQLite in the same pass over the
 * rows in the same order. Reading 100k rows one by one cost ~600 ms, almost all of it building a JS
 * value per row and field; here SQLite joins each column (scanning is ~50 ms) and JS splits a dozen
 * strings. Texts that may hold commas or be null go through JSON; REAL values print as the shortest
 * text that reads back as the same double (SQLite ≥ 3.43), so numbers arrive exact.
 * Only what the matrix draws and scores: no owner, tags or description (filters on them still apply).
 */
type MatrixRow = [
  count: number,
  idsJson: string,
  titlesJson: string,
  kinds: string | null,
  statuses: string | null,
  likelihood: string | null,
  impact: string | null,
  effortLow: string | null,
  effortLikely: string | null,
  effortHigh: string | null,
  interest: string | null,
  version: string | null,
  dueDatesJson: string,
  outcomesJson: string,
];

const AGGREGATES = `count(*), json_group_array(id), json_group_array(title), group_concat(kind), group_concat(status),
  group_concat(likelihood), group_concat(impact), group_concat(effort_low), group_concat(effort_likely), group_concat(effort_high),
  group_concat(interest), group_concat(version), json_group_array(due_date), json_group_array(outcome)`;
const FIELDS = `d.id, d.title, d.kind, d.status, d.likelihood, d.impact, d.effort_low, d.effort_likely, d.effort_high, d.interest,
  d.due_date, d.outcome, d.version`;

function damaged(what: string): StoreError {
  return new StoreError('internal', `The portfolio is damaged: ${what}`);
}

// Lookups rather than zod per row: for 100k rows, two safeParse calls each were most of the read's time.
const KIND_CODES: ReadonlyMap<string, number> = new Map(KINDS.map((k, i) => [k, i]));
const STATUS_CODES: ReadonlyMap<string, number> = new Map(STATUSES.map((s, i) => [s, i]));

const split = (joined: string | null, count: number): string[] => (count === 0 || joined === null ? [] : joined.split(','));

function numbersOf(joined: string | null, count: number, field: string): Float64Array {
  const parts = split(joined, count);
  if (parts.length !== count) throw damaged(`${String(parts.length)} values of ${field} for ${String(count)} items`);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = Number(parts[i]);
    if (Number.isNaN(v)) throw damaged(`item ${String(i + 1)} has “${String(parts[i])}” as its ${field}`);
    out[i] = v;
  }
  return out;
}

function codesOf(joined: string | null, count: number, codes: ReadonlyMap<string, number>, field: string): Uint8Array {
  const parts = split(joined, count);
  if (parts.length !== count) throw damaged(`${String(parts.length)} values of ${field} for ${String(count)} items`);
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const code = codes.get(parts[i] ?? '');
    // Kind and status are checked like any data read back from disk; the numbers have CHECK constraints.
    if (code === undefined) throw damaged(`item ${String(i + 1)} has the unknown ${field} “${String(parts[i])}”`);
    out[i] = code;
  }
  return out;
}

function textsOf(json: string, count: number, field: string, nullable: boolean): (string | null)[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || parsed.length !== count) throw damaged(`the ${field} column is unreadable`);
  for (const v of parsed) if (!(typeof v === 'string' || (nullable && v === null))) throw damaged(`an item's ${field} is not text`);
  return parsed as (string | null)[]; // every element checked just above
}

/** Every item matching the filters, as columns, in the same stable order on every call (oldest first). */
export function matrixColumns(db: Db, filters: ItemFilters): MatrixColumns {
  const where = whereClause(filters);
  // One pass: every aggregate reads the ordered subquery's rows together, so index i is one item in every column.
  const row = cached(db, `SELECT ${AGGREGATES} FROM (SELECT ${FIELDS} FROM debt_items d ${where.sql} ORDER BY d.created_at, d.id)`)
    .raw(true)
    .get(...where.params) as MatrixRow; // AGGREGATES selects exactly the MatrixRow columns, in order; an aggregate always answers one row
  const [n, ids, titles, kinds, statuses, likelihood, impact, effortLow, effortLikely, effortHigh, interest, version, dueDates, outcomes] = row;
  return {
    count: n,
    id: textsOf(ids, n, 'id', false) as string[], // not nullable: checked by textsOf
    title: textsOf(titles, n, 'title', false) as string[], // not nullable: checked by textsOf
    kind: codesOf(kinds, n, KIND_CODES, 'kind'),
    status: codesOf(statuses, n, STATUS_CODES, 'status'),
    likelihood: numbersOf(likelihood, n, 'likelihood'),
    impact: numbersOf(impact, n, 'impact'),
    effortLow: numbersOf(effortLow, n, 'low effort'),
    effortLikely: numbersOf(effortLikely, n, 'likely effort'),
    effortHigh: numbersOf(effortHigh, n, 'high effort'),
    interest: numbersOf(interest, n, 'interest'),
    version: numbersOf(version, n, 'version'),
    dueDate: codeTexts(textsOf(dueDates, n, 'due date', true)),
    outcome: codeTexts(textsOf(outcomes, n, 'outcome', true)),
  };
}

/** The whole portfolio's size and highest interest, which every score is judged against. */
export function portfolioScale(db: Db): { count: number; maxInterest: number } {
  const row = cached(db, 'SELECT count(*) AS n, coalesce(max(interest), 0) AS m FROM debt_items').get() as { n: number; m: number };
  return { count: row.n, maxInterest: row.m };
}
