import { codeTexts, encodeJoinedColumns, type Base64Encoder } from '../../shared/api/matrix-codec.js';
import { ID_SEPARATOR, type MatrixWireColumns } from '../../shared/api/matrix-data.js';
import { KINDS, STATUSES } from '../../shared/domain/debt-item.js';
import { EFFORT_UNKNOWN_TAG } from '../../shared/domain/effort-estimate.js';
import { cached, type Db } from './db.js';
import { whereClause, type ItemFilters } from './item-query.js';
import { StoreError } from './store-error.js';

/**
 * The matrix's columns from one pass over the matching rows, in the shape `items.matrix` sends them.
 * Reading 100k rows one by one cost ~600 ms (a JS value per row and field), and joining each number column
 * with group_concat ~250 ms (SQLite prints every REAL as text, JS parses it back). Here one JS aggregate,
 * `paydown_matrix_pack`, copies each row's numbers straight into a Float64Array and answers its bytes as one
 * BLOB; ids and titles are joined by SQLite as they are sent. All aggregates of one SELECT step through the
 * same rows in the same order, so index i is one item in every column.
 * Only what the matrix draws and scores: no owner, tags or description (filters on them still apply).
 */
const PACK = 'paydown_matrix_pack';

/** Per row, in this order: what the pack aggregate stores, one double each. */
const PACKED = ['kind', 'status', 'likelihood', 'impact', 'effortLow', 'effortLikely', 'effortHigh', 'interest', 'version', 'notEstimated', 'titleLength'] as const;
type Packed = (typeof PACKED)[number];
const WIDTH = PACKED.length;

/** Enum texts as their index in KINDS / STATUSES, computed by SQLite: -1 marks a value Paydown does not know. */
const codeSql = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${String(i)}`).join(' ')} ELSE -1 END`;

const AGGREGATES = `count(*), group_concat(id, '${ID_SEPARATOR}'), group_concat(title, ''),
  ${PACK}(kind_code, status_code, likelihood, impact, effort_low, effort_likely, effort_high, interest, version, not_estimated, title),
  json_group_array(due_date), json_group_array(outcome)`;
/** effortNotEstimated() in SQL: the tag is only looked up for the few items whose effort is all zero. */
export const NOT_ESTIMATED_SQL = `CASE WHEN d.effort_high = 0
  AND EXISTS (SELECT 1 FROM item_tags t WHERE t.item_seq = d.seq AND t.tag = '${EFFORT_UNKNOWN_TAG}') THEN 1 ELSE 0 END`;
const FIELDS = `d.id, d.title, ${codeSql('d.kind', KINDS)} AS kind_code, ${codeSql('d.status', STATUSES)} AS status_code,
  d.likelihood, d.impact, d.effort_low, d.effort_likely, d.effort_high, d.interest, d.version, d.due_date, d.outcome,
  ${NOT_ESTIMATED_SQL} AS not_estimated`;

type MatrixRow = [count: number, ids: string | null, titles: string | null, packed: Buffer | null, dueDatesJson: string, outcomesJson: string];

interface PackState {
  values: Float64Array;
  rows: number;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number.NaN);

/**
 * The aggregate, registered once per connection. Its rows go into one buffer per connection, kept between
 * calls, so reloading the matrix of 100k items does not allocate and grow 8 MB again each time. SQLite copies
 * the BLOB `result` answers, so the next call may overwrite the buffer.
 */
function registerPack(db: Db): void {
  let scratch = new Float64Array(WIDTH * 1024);
  // Named parameters: better-sqlite3 takes the SQL function's arity from step's length.
  const step = (state: PackState, kind: unknown, status: unknown, likelihood: unknown, impact: unknown, low: unknown, likely: unknown, high: unknown,
    interest: unknown, version: unknown, notEstimated: unknown, title: unknown): PackState => {
    let { values } = state;
    const at = state.rows * WIDTH;
    if (at + WIDTH > values.length) {
      const grown = new Float64Array(values.length * 2);
      grown.set(values);
      state.values = values = scratch = grown;
    }
    values[at] = num(kind);
    values[at + 1] = num(status);
    values[at + 2] = num(likelihood);
    values[at + 3] = num(impact);
    values[at + 4] = num(low);
    values[at + 5] = num(likely);
    values[at + 6] = num(high);
    values[at + 7] = num(interest);
    values[at + 8] = num(version);
    values[at + 9] = num(notEstimated);
    // JS string length (UTF-16 units), as the renderer cuts the joined titles; SQLite's length() counts characters.
    values[at + WIDTH - 1] = typeof title === 'string' ? title.length : Number.NaN;
    state.rows += 1;
    return state;
  };
  const options = {
    start: (): PackState => ({ values: scratch, rows: 0 }),
    step,
    result: (state: PackState): Buffer => Buffer.from(state.values.buffer, 0, state.rows * WIDTH * 8),
    // Only Paydown's own queries may call it: never a view or trigger in a file someone sent.
    directOnly: true,
  };
  // @types/better-sqlite3 types `step` with a single argument; SQLite passes one per SQL argument (eleven here).
  db.aggregate(PACK, options as unknown as Parameters<Db['aggregate']>[1]);
}

const registered = new WeakSet<Db>();

function damaged(what: string): StoreError {
  return new StoreError('internal', `The portfolio is damaged: ${what}`);
}

/** The packed rows as one Float64Array per field, every value checked the way the renderer's decoder would refuse it. */
function unpack(packed: Buffer | null, count: number): Record<Packed, Float64Array> {
  const bytes = packed ?? Buffer.alloc(0);
  if (bytes.length !== count * WIDTH * 8) throw damaged(`the matrix read ${String(bytes.length / (WIDTH * 8))} rows of numbers for ${String(count)} items`);
  // A copy into an aligned buffer: SQLite's blob may start at any byte.
  const all = new Float64Array(count * WIDTH);
  new Uint8Array(all.buffer).set(bytes);
  const columns = Object.fromEntries(PACKED.map((name) => [name, new Float64Array(count)])) as Record<Packed, Float64Array>; // every key set here
  PACKED.forEach((name, k) => {
    const column = columns[name];
    for (let i = 0; i < count; i++) {
      const v = all[i * WIDTH + k] ?? Number.NaN;
      // Kind and status are checked like any data read back from disk; the numbers have CHECK constraints.
      if (!(v >= 0)) throw damaged(`item ${String(i + 1)} has no valid ${name}`);
      column[i] = v;
    }
  });
  return columns;
}

function textsOf(json: string, count: number, field: string): (string | null)[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || parsed.length !== count) throw damaged(`the ${field} column is unreadable`);
  for (const v of parsed) if (!(typeof v === 'string' || v === null)) throw damaged(`an item's ${field} is not text`);
  return parsed as (string | null)[]; // every element checked just above
}

/** Ids joined by ID_SEPARATOR, checked to hold exactly `count` non-empty ids (an id holding the separator would not). */
function checkedIds(ids: string, count: number): string {
  let separators = 0;
  for (let at = ids.indexOf(ID_SEPARATOR); at !== -1; at = ids.indexOf(ID_SEPARATOR, at + 1)) separators++;
  const emptyId = ids.startsWith(ID_SEPARATOR) || ids.endsWith(ID_SEPARATOR) || ids.includes(ID_SEPARATOR + ID_SEPARATOR);
  if ((count > 0 && separators !== count - 1) || (count > 0 && emptyId) || (count === 0 && ids !== '')) {
    throw damaged(`an item id is empty or holds “${ID_SEPARATOR}”, so the matrix cannot send it`);
  }
  return ids;
}

/** The whole portfolio's size and highest interest, which every score is judged against. */
export interface PortfolioScale {
  readonly count: number;
  readonly maxInterest: number;
}

/**
 * Every item matching the filters as the compact columns `items.matrix` sends, in the same stable order on
 * every call: insertion order (the table's integer key), which reads the rows in the order they are stored.
 * With no filter the columns hold the whole portfolio, so its scale comes from them rather than from a
 * second scan of every row (max(interest) has no index: ~25-50 ms over 100k items).
 */
export function readMatrix(db: Db, filters: ItemFilters, encode: Base64Encoder): { columns: MatrixWireColumns; scale: PortfolioScale } {
  if (!registered.has(db)) {
    registerPack(db);
    registered.add(db);
  }
  const where = whereClause(filters);
  const row = cached(db, `SELECT ${AGGREGATES} FROM (SELECT ${FIELDS} FROM debt_items d ${where.sql} ORDER BY d.seq)`)
    .raw(true)
    .get(...where.params) as MatrixRow; // AGGREGATES selects exactly the MatrixRow columns, in order; an aggregate always answers one row
  const [count, ids, titles, packed, dueDates, outcomes] = row;
  const c = unpack(packed, count);
  const joinedTitles = titles ?? '';
  const titleChars = c.titleLength.reduce((sum, n) => sum + n, 0);
  if (titleChars !== joinedTitles.length) throw damaged(`the titles hold ${String(joinedTitles.length)} characters, not ${String(titleChars)}`);
  for (let i = 0; i < count; i++) {
    if ((c.kind[i] ?? 0) >= KINDS.length || (c.status[i] ?? 0) >= STATUSES.length) throw damaged(`item ${String(i + 1)} has an unknown kind or status`);
  }
  const columns = encodeJoinedColumns(
    {
      ...c,
      count,
      ids: checkedIds(ids ?? '', count),
      titles: joinedTitles,
      titleLengths: c.titleLength,
      dueDate: codeTexts(textsOf(dueDates, count, 'due date')),
      outcome: codeTexts(textsOf(outcomes, count, 'outcome')),
    },
    encode,
  );
  return { columns, scale: where.sql === '' ? { count, maxInterest: c.interest.reduce((max, v) => (v > max ? v : max), 0) } : portfolioScale(db) };
}

function portfolioScale(db: Db): PortfolioScale {
  const row = cached(db, 'SELECT count(*) AS n, coalesce(max(interest), 0) AS m FROM debt_items').get() as { n: number; m: number };
  return { count: row.n, maxInterest: row.m };
}
