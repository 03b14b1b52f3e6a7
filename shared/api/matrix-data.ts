import { z } from 'zod';
import { KINDS, STATUSES } from '../domain/debt-item.js';
import { Unit } from '../domain/settings.js';
import { ScoringSettings } from '../scoring/weights.js';
import { base64Length } from './base64.js';

/**
 * The matrix's items as the host sends them: a few long strings instead of one JSON value per item and
 * field. 100k items as per-item arrays were 10.8 MB of JSON and 1.5 million values to parse; here each
 * numeric column is one base64 string of a little-endian typed array, enums and optional texts are codes
 * into a dictionary, ids are one string joined by ID_SEPARATOR, and titles are one string cut by a column
 * of lengths (a title may hold any character, so no separator is safe for titles). `decodeMatrixColumns`
 * (matrix-codec.ts) turns this into MatrixColumns and checks every value; the schema checks only what is
 * O(1) per column (each column holds exactly `count` values), so validating 100k items stays cheap.
 */
export const NUMBER_WIDTHS = { u8: 1, u16: 2, u32: 4, f64: 8 } as const;
export type NumberWidth = keyof typeof NUMBER_WIDTHS;

/**
 * Ids are UUIDs, which never hold a comma; the encoder refuses any id that does. A comma rather than a
 * newline because JSON sends it as it is: an escaped character sends JSON.parse down its slow path.
 */
export const ID_SEPARATOR = ',';

/** Decimal scales a column may travel in: 1.25 as the integer 125 with scale 100. */
export const SCALES = [1, 10, 100, 1000] as const;

const NumberColumn = z.object({
  /** The narrowest array type that holds every value exactly: small integers travel as one or two bytes. */
  width: z.enum(['u8', 'u16', 'u32', 'f64']),
  /** Each value is the integer sent divided by this; the encoder checks that the division gives back the very same double. */
  scale: z.union(SCALES.map((k) => z.literal(k))),
  data: z.string(),
});
export type NumberColumn = z.infer<typeof NumberColumn>;

/** Code 0 is "none"; code k is values[k - 1]. */
const TextCodes = z.object({ values: z.array(z.string()), codes: NumberColumn });

const NUMBER_FIELDS = ['likelihood', 'impact', 'effortLow', 'effortLikely', 'effortHigh', 'interest', 'version', 'notEstimated'] as const;

export const MatrixWireColumns = z
  .object({
    count: z.number().int().min(0),
    ids: z.string(),
    titles: z.string(),
    titleLengths: NumberColumn,
    kind: z.object({ values: z.array(z.enum(KINDS)), codes: NumberColumn }),
    status: z.object({ values: z.array(z.enum(STATUSES)), codes: NumberColumn }),
    likelihood: NumberColumn,
    impact: NumberColumn,
    effortLow: NumberColumn,
    effortLikely: NumberColumn,
    effortHigh: NumberColumn,
    interest: NumberColumn,
    /** The version each item was read at: bulk changes send it back, so a stale item refuses the change. */
    version: NumberColumn,
    /** 1 for an item whose effort nobody estimated (see effortNotEstimated), else 0. */
    notEstimated: NumberColumn,
    dueDate: TextCodes,
    outcome: TextCodes,
  })
  .superRefine((c, ctx) => {
    const sized = (path: (string | number)[], column: NumberColumn) => {
      const expected = base64Length(c.count * NUMBER_WIDTHS[column.width]);
      if (column.data.length !== expected) {
        ctx.addIssue({ code: 'custom', path, message: `holds ${String(column.data.length)} base64 characters, not the ${String(expected)} of ${String(c.count)} values` });
      }
    };
    for (const field of NUMBER_FIELDS) sized([field, 'data'], c[field]);
    sized(['titleLengths', 'data'], c.titleLengths);
    for (const field of ['kind', 'status', 'dueDate', 'outcome'] as const) sized([field, 'codes', 'data'], c[field].codes);
    // n ids of at least one character need n - 1 separators; a complete count is checked when they are split.
    if (c.count === 0 ? c.ids !== '' : c.ids.length < 2 * c.count - 1) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: `is too short for ${String(c.count)} ids` });
    }
  });
export type MatrixWireColumns = z.infer<typeof MatrixWireColumns>;

/** What `items.matrix` answers: the matching items, plus what the renderer needs to score them as `items.explain` does. */
export const MatrixData = z.object({
  columns: MatrixWireColumns,
  /** Items in the whole portfolio, and its highest interest: scores are judged portfolio-wide, as `items.explain` does. */
  portfolioCount: z.number().int().min(0),
  maxInterest: z.number().min(0),
  scoring: ScoringSettings,
  sprintLengthDays: z.number().int().min(1),
  unit: Unit,
  /** The host's local date (YYYY-MM-DD) the time criticality is measured from. */
  today: z.iso.date(),
  /**
   * What the answer was read from: the same text as long as nothing in the portfolio changed and the date
   * did not. `items.matrixRevision` answers the current one, so a renderer holding a matrix can tell
   * whether it is still exact without reading 100k items again.
   */
  revision: z.string().min(1),
});
export type MatrixData = z.infer<typeof MatrixData>;

export const MatrixRevision = z.object({ revision: z.string().min(1) });
export type MatrixRevision = z.infer<typeof MatrixRevision>;

/** Optional texts as codes: 0 is none, k is values[k - 1]; few distinct values, so per-value work runs once each. */
export interface CodedTexts {
  readonly codes: Uint32Array;
  readonly values: readonly string[];
}

/**
 * Every matching item as parallel typed arrays: index i of each column is one item, and no item is an
 * object, so 100k of them cost a few allocations. Numbers are Float64Array whatever width they travelled in.
 */
export interface MatrixColumns {
  readonly count: number;
  readonly id: readonly string[];
  readonly title: readonly string[];
  /** Index into KINDS. */
  readonly kind: Uint8Array;
  /** Index into STATUSES. */
  readonly status: Uint8Array;
  readonly likelihood: Float64Array;
  readonly impact: Float64Array;
  readonly effortLow: Float64Array;
  readonly effortLikely: Float64Array;
  readonly effortHigh: Float64Array;
  readonly interest: Float64Array;
  readonly version: Float64Array;
  /**
   * 1 where nobody estimated the effort (0 and tagged effort-unknown): such an item's ROI and priority would
   * read "no effort" as if it were free, so the matrix counts it apart and does not plot it.
   */
  readonly notEstimated: Uint8Array;
  readonly dueDate: CodedTexts;
  readonly outcome: CodedTexts;
}

/** The text item i has in a coded column, or null. */
export function textAt(column: CodedTexts, i: number): string | null {
  const code = column.codes[i] ?? 0;
  return code === 0 ? null : (column.values[code - 1] ?? null);
}

/** Finds an item's index by its id. */
export interface IdLookup {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/** Linear lookups a LazyIdIndex answers before it builds its map. */
const SCANS_BEFORE_MAP = 8;

/**
 * An id → index lookup that does not hash 100k ids in the middle of the matrix's first draw (a 95 ms task).
 * Until its map is built it answers a few lookups by scanning (~1 ms each for 100k ids); the renderer builds
 * the map in idle slices after the first draw (`indexUpTo`), and a caller that needs many lookups before that
 * gets the rest of the map built at once.
 */
export class LazyIdIndex implements IdLookup {
  private readonly map = new Map<string, number>();
  private built = 0;
  private scans = 0;

  constructor(private readonly ids: readonly string[]) {}

  /** Whether every id is in the map. */
  get complete(): boolean {
    return this.built >= this.ids.length;
  }

  /** Adds the ids before `end` to the map; the first index of a repeated id wins, as indexOf answers. */
  indexUpTo(end: number): void {
    const stop = Math.min(end, this.ids.length);
    for (let i = this.built; i < stop; i++) {
      const id = this.ids[i] ?? '';
      if (!this.map.has(id)) this.map.set(id, i);
    }
    this.built = Math.max(this.built, stop);
  }

  get(id: string): number | undefined {
    if (!this.complete && this.scans < SCANS_BEFORE_MAP) {
      this.scans += 1;
      const i = this.ids.indexOf(id);
      return i === -1 ? undefined : i;
    }
    this.indexUpTo(this.ids.length);
    return this.map.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/**
 * `items.matrix`'s answer once decoded: what the renderer keeps. `idIndex` finds each id's index, so
 * turning a selection of ids back into points costs what the selection holds, not a pass over 100k ids.
 */
export type LoadedMatrix = Omit<MatrixData, 'columns'> & { readonly columns: MatrixColumns; readonly idIndex: LazyIdIndex };
