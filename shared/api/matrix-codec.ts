import { KINDS, STATUSES } from '../domain/debt-item.js';
import { fromBase64, toBase64 } from './base64.js';
import {
  ID_SEPARATOR,
  LazyIdIndex,
  MatrixData,
  NUMBER_WIDTHS,
  type CodedTexts,
  type LoadedMatrix,
  type MatrixColumns,
  type MatrixWireColumns,
  type NumberColumn,
  type NumberWidth,
  SCALES,
} from './matrix-data.js';
import { fail, invalid, ok, type Result } from './result.js';

// Typed arrays travel as their bytes, which are little-endian on every platform Paydown runs on
// (x86-64, ARM64); a big-endian host would fail the decoder's range checks rather than show wrong numbers.
const ARRAYS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array } as const;
type Scale = (typeof SCALES)[number];
const LIMITS: Readonly<Record<Exclude<NumberWidth, 'f64'>, number>> = { u8: 0xff, u16: 0xffff, u32: 0xffffffff };

function integerWidth(max: number): Exclude<NumberWidth, 'f64'> | null {
  if (max <= LIMITS.u8) return 'u8';
  if (max <= LIMITS.u16) return 'u16';
  return max <= LIMITS.u32 ? 'u32' : null;
}

/**
 * The narrowest way to send every value exactly: as integers, or as integers over 10, 100 or 1000 when
 * dividing gives back the very same doubles (efforts like 0.5 or 2.25 travel in two bytes, not eight).
 */
function layoutOf(values: ArrayLike<number>): { width: NumberWidth; scale: Scale } {
  for (const scale of SCALES) {
    let max = 0;
    let exact = true;
    for (let i = 0; i < values.length && exact; i++) {
      const v = values[i] ?? 0;
      const n = Math.round(v * scale);
      exact = n >= 0 && n / scale === v && !Object.is(v, -0);
      if (n > max) max = n;
    }
    const width = exact ? integerWidth(max) : null;
    if (width !== null) return { width, scale };
  }
  return { width: 'f64', scale: 1 };
}

/** Bytes to base64; a host may pass its native encoder (Node's Buffer is ~50× faster than portable code). */
export type Base64Encoder = (bytes: Uint8Array) => string;

export function encodeNumbers(values: ArrayLike<number>, encode: Base64Encoder = toBase64): NumberColumn {
  const { width, scale } = layoutOf(values);
  const typed = new ARRAYS[width](values.length);
  for (let i = 0; i < values.length; i++) typed[i] = width === 'f64' ? (values[i] ?? 0) : Math.round((values[i] ?? 0) * scale);
  return { width, scale, data: encode(new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength)) };
}

function decodeNumbers(column: NumberColumn, count: number): Float64Array | null {
  const bytes = fromBase64(column.data);
  const size = NUMBER_WIDTHS[column.width];
  if (bytes === null || bytes.length !== count * size) return null;
  // fromBase64 answers a fresh, aligned buffer, so the typed view needs no copy.
  const typed = new ARRAYS[column.width](bytes.buffer, 0, count);
  if (typed instanceof Float64Array) return typed;
  const out = new Float64Array(count);
  const { scale } = column;
  if (scale === 1) out.set(typed);
  else for (let i = 0; i < count; i++) out[i] = (typed[i] ?? 0) / scale;
  return out;
}

/** Optional texts as codes into the distinct values, in order of first appearance. */
export function codeTexts(values: readonly (string | null)[]): CodedTexts {
  const index = new Map<string, number>();
  const codes = new Uint32Array(values.length);
  values.forEach((v, i) => {
    if (v === null) return;
    let code = index.get(v);
    if (code === undefined) {
      code = index.size + 1;
      index.set(v, code);
    }
    codes[i] = code;
  });
  return { codes, values: [...index.keys()] };
}

/** Every number column of the matrix; `kind` and `status` index KINDS and STATUSES. */
type NumberColumnKey = 'kind' | 'status' | 'likelihood' | 'impact' | 'effortLow' | 'effortLikely' | 'effortHigh' | 'interest' | 'version' | 'notEstimated';

/** The columns with ids and titles already joined, as a host holds them just before the numbers are encoded. */
export type JoinedColumns = { readonly [K in NumberColumnKey]: ArrayLike<number> } & {
  readonly count: number;
  /** Joined by ID_SEPARATOR. */
  readonly ids: string;
  /** Joined with nothing between them, cut again by `titleLengths` (UTF-16 units). */
  readonly titles: string;
  readonly titleLengths: ArrayLike<number>;
  readonly dueDate: CodedTexts;
  readonly outcome: CodedTexts;
};

/** The wire form of joined columns: each number column in its narrowest exact layout. */
export function encodeJoinedColumns(c: JoinedColumns, encode: Base64Encoder = toBase64): MatrixWireColumns {
  const numbers = (values: ArrayLike<number>) => encodeNumbers(values, encode);
  return {
    count: c.count,
    ids: c.ids,
    titles: c.titles,
    titleLengths: numbers(c.titleLengths),
    kind: { values: [...KINDS], codes: numbers(c.kind) },
    status: { values: [...STATUSES], codes: numbers(c.status) },
    likelihood: numbers(c.likelihood),
    impact: numbers(c.impact),
    effortLow: numbers(c.effortLow),
    effortLikely: numbers(c.effortLikely),
    effortHigh: numbers(c.effortHigh),
    interest: numbers(c.interest),
    version: numbers(c.version),
    notEstimated: numbers(c.notEstimated),
    dueDate: { values: [...c.dueDate.values], codes: numbers(c.dueDate.codes) },
    outcome: { values: [...c.outcome.values], codes: numbers(c.outcome.codes) },
  };
}

/** The columns as `items.matrix` sends them. Throws on an id holding the separator, which no UUID does. */
export function encodeMatrixColumns(c: MatrixColumns, encode: Base64Encoder = toBase64): MatrixWireColumns {
  for (const id of c.id) if (id.includes(ID_SEPARATOR) || id === '') throw new Error(`An item id cannot be sent to the matrix: ${JSON.stringify(id)}.`);
  return encodeJoinedColumns({ ...c, ids: c.id.join(ID_SEPARATOR), titles: c.title.join(''), titleLengths: c.title.map((t) => t.length) }, encode);
}

class Refused extends Error {}

function numbers(w: MatrixWireColumns, field: string, column: NumberColumn, valid: (v: number) => boolean, rule: string): Float64Array {
  const values = decodeNumbers(column, w.count);
  if (values === null) throw new Refused(`${field} is not valid base64 of ${String(w.count)} values`);
  for (let i = 0; i < values.length; i++) {
    if (!valid(values[i] ?? Number.NaN)) throw new Refused(`${field} of item ${String(i + 1)} is ${String(values[i])}, not ${rule}`);
  }
  return values;
}

/** Codes into `into` (KINDS or STATUSES), from codes into the dictionary the host sent. */
function enumCodes(w: MatrixWireColumns, field: 'kind' | 'status', into: readonly string[]): Uint8Array {
  const dictionary = w[field].values.map((v) => into.indexOf(v));
  const raw = numbers(w, field, w[field].codes, (v) => v < dictionary.length, `a code below ${String(dictionary.length)}`);
  const out = new Uint8Array(w.count);
  for (let i = 0; i < raw.length; i++) out[i] = dictionary[raw[i] ?? 0] ?? 0;
  return out;
}

function texts(w: MatrixWireColumns, field: 'dueDate' | 'outcome'): CodedTexts {
  const { values } = w[field];
  const codes = numbers(w, field, w[field].codes, (v) => v <= values.length, `a code up to ${String(values.length)}`);
  return { codes: Uint32Array.from(codes), values };
}

function titlesOf(w: MatrixWireColumns): string[] {
  const lengths = numbers(w, 'titleLengths', w.titleLengths, (v) => Number.isInteger(v) && v >= 0, 'a length');
  const titles = new Array<string>(w.count);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    const end = at + (lengths[i] ?? 0);
    titles[i] = w.titles.slice(at, end);
    at = end;
  }
  if (at !== w.titles.length) throw new Refused(`the title lengths add up to ${String(at)} characters, not the ${String(w.titles.length)} sent`);
  return titles;
}

function idsOf(w: MatrixWireColumns): string[] {
  const ids = w.count === 0 ? [] : w.ids.split(ID_SEPARATOR);
  if (ids.length !== w.count) throw new Refused(`${String(ids.length)} ids came for ${String(w.count)} items`);
  if (ids.includes('')) throw new Refused('an id is empty');
  return ids;
}

const isCount = (v: number) => Number.isInteger(v) && v >= 1 && v <= 5;
const isAmount = (v: number) => Number.isFinite(v) && v >= 0;

/**
 * The columns from what `items.matrix` sent, every value checked, one column per step: a caller may
 * yield to the event loop between steps, so decoding 100k items is never one long task. Throws Refused
 * naming the first wrong value.
 */
function* decodeSteps(w: MatrixWireColumns): Generator<void, MatrixColumns, void> {
  const id = idsOf(w);
  yield;
  const title = titlesOf(w);
  yield;
  const kind = enumCodes(w, 'kind', KINDS);
  const status = enumCodes(w, 'status', STATUSES);
  yield;
  const likelihood = numbers(w, 'likelihood', w.likelihood, isCount, 'a whole number from 1 to 5');
  const impact = numbers(w, 'impact', w.impact, isCount, 'a whole number from 1 to 5');
  yield;
  const effortLow = numbers(w, 'effortLow', w.effortLow, isAmount, 'a finite amount ≥ 0');
  yield;
  const effortLikely = numbers(w, 'effortLikely', w.effortLikely, isAmount, 'a finite amount ≥ 0');
  yield;
  const effortHigh = numbers(w, 'effortHigh', w.effortHigh, isAmount, 'a finite amount ≥ 0');
  yield;
  const interest = numbers(w, 'interest', w.interest, isAmount, 'a finite amount ≥ 0');
  yield;
  const version = numbers(w, 'version', w.version, (v) => Number.isInteger(v) && v >= 1, 'a whole number ≥ 1');
  const notEstimated = Uint8Array.from(numbers(w, 'notEstimated', w.notEstimated, (v) => v === 0 || v === 1, '0 or 1'));
  const dueDate = texts(w, 'dueDate');
  const outcome = texts(w, 'outcome');
  return { count: w.count, id, title, kind, status, likelihood, impact, effortLow, effortLikely, effortHigh, interest, version, notEstimated, dueDate, outcome };
}

/** Runs the steps, awaiting `pause` between them; a damaged column becomes a failed Result. */
async function runSteps(w: MatrixWireColumns, pause: () => Promise<void> | void): Promise<Result<MatrixColumns>> {
  const steps = decodeSteps(w);
  try {
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done === true) return ok(step.value);
      await pause();
    }
  } catch (e) {
    if (e instanceof Refused) return fail('internal', `The matrix data is damaged: ${e.message}.`);
    throw e;
  }
}

function decodeMatrixColumns(w: MatrixWireColumns): Result<MatrixColumns> {
  const steps = decodeSteps(w);
  try {
    for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return ok(step.value);
  } catch (e) {
    if (e instanceof Refused) return fail('internal', `The matrix data is damaged: ${e.message}.`);
    throw e;
  }
}

/** Validates and decodes an `items.matrix` answer, from either host: the schema for its shape, then every value. */
export function readMatrixData(raw: unknown): Result<LoadedMatrix> {
  const parsed = MatrixData.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, 'The matrix data is damaged');
  const columns = decodeMatrixColumns(parsed.data.columns);
  return columns.ok ? ok({ ...parsed.data, columns: columns.value, idIndex: new LazyIdIndex(columns.value.id) }) : columns;
}

/** readMatrixData, awaiting `pause` (e.g. the next task) between columns so the page stays responsive. */
export async function readMatrixDataInSteps(raw: unknown, pause: () => Promise<void>): Promise<Result<LoadedMatrix>> {
  const parsed = MatrixData.safeParse(raw);
  if (!parsed.success) return invalid(parsed.error, 'The matrix data is damaged');
  const columns = await runSteps(parsed.data.columns, pause);
  if (!columns.ok) return columns;
  await pause();
  return ok({ ...parsed.data, columns: columns.value, idIndex: new LazyIdIndex(columns.value.id) });
}
