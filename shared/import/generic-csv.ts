import { EXTERNAL_SOURCES, type DebtItemDraftInput, type ExternalRef } from '../domain/debt-item.js';
import { cutText, parseDecimal, parseIsoDate, splitList, unguardCell } from './cell-values.js';
import type { CsvField, ImportIssue } from './import-schema.js';
import type { CsvTable } from './csv-records.js';
import type { ImportSteps } from './import-progress.js';
import { planColumns } from './column-mapping.js';
import { levelHint, levelOf } from './level-scales.js';
import { fitDescription, fitShort, fitTags, fitTitle, UNKNOWN_EFFORT, type ParseContext } from './parse-context.js';
import { type DraftField, type ImportDraft, type ImportLocation, type ParsedImport } from './parsed-import.js';
import { EFFORT_UNKNOWN_TAG } from '../domain/effort-estimate.js';
import { KIND_HINT, kindOf, QUADRANT_HINT, quadrantOf, STATUS_HINT, statusOf } from './status-kind-words.js';

/** Header names used in messages, as a person reads them in the file. */
const LABELS: Readonly<Record<CsvField, string>> = {
  key: 'Key',
  source: 'Source',
  url: 'Link',
  title: 'Title',
  description: 'Description',
  kind: 'Kind',
  quadrant: 'Quadrant',
  area: 'Area',
  owner: 'Owner',
  tags: 'Tags',
  status: 'Status',
  likelihood: 'Likelihood',
  impact: 'Impact',
  effortLow: 'Effort low',
  effort: 'Effort',
  effortHigh: 'Effort high',
  interest: 'Interest per sprint',
  dueDate: 'Due',
  outcome: 'Outcome',
  rationale: 'Acceptance rationale',
  acceptanceOwner: 'Acceptance owner',
  acceptedOn: 'Accepted on',
  reviewOn: 'Review on',
};

/** Thrown inside one row to refuse it with a message; caught per row, never escapes the parser. */
class RowProblem extends Error {}

interface Row {
  /** The cell for a field, formula guard removed; undefined when the file has no such column. */
  cell(field: CsvField): string | undefined;
  /** The cell when it holds something other than spaces. */
  filled(field: CsvField): string | undefined;
}

/** One reader for every record of a file, pointed at each record's cells in turn (a reader per row showed in profiles). */
class RowReader implements Row {
  cells: readonly string[] = [];
  constructor(private readonly columns: ReadonlyMap<CsvField, number>) {}

  cell(field: CsvField): string | undefined {
    const index = this.columns.get(field);
    return index === undefined ? undefined : unguardCell(this.cells[index] ?? '');
  }

  filled(field: CsvField): string | undefined {
    const value = this.cell(field);
    return value === undefined || value.trim() === '' ? undefined : value;
  }
}

function numberCell(row: Row, field: CsvField, decimalComma: boolean): number | undefined {
  const text = row.filled(field);
  if (text === undefined) return undefined;
  const value = parseDecimal(text, decimalComma);
  if (value === null) {
    const hint = decimalComma ? 'e.g. 2,5' : 'e.g. 2.5, without thousands separators or units';
    throw new RowProblem(`${LABELS[field]} “${text.trim()}” is not a number (${hint}).`);
  }
  return value;
}

function dateCell(row: Row, field: CsvField): string | undefined {
  const text = row.filled(field);
  if (text === undefined) return undefined;
  const date = parseIsoDate(text);
  if (date === null) throw new RowProblem(`${LABELS[field]} “${text.trim()}” is not a date written as YYYY-MM-DD (e.g. 2025-03-31).`);
  return date;
}

function effortOf(row: Row, decimalComma: boolean): DebtItemDraftInput['effort'] | undefined {
  const likely = numberCell(row, 'effort', decimalComma);
  const low = numberCell(row, 'effortLow', decimalComma);
  const high = numberCell(row, 'effortHigh', decimalComma);
  if (likely === undefined) {
    if (low !== undefined || high !== undefined) {
      throw new RowProblem('Effort low or high is filled but Effort (the likely value) is empty; fill Effort too.');
    }
    return undefined;
  }
  return { low: low ?? likely, likely, high: high ?? likely };
}

/** Builds one draft from a row; a RowProblem refuses the row with its message. */
function draftOfRow(ctx: ParseContext, row: Row, where: ImportLocation, decimalComma: boolean, key: string): ImportDraft {
  const fromSource: DraftField[] = [];
  const has = (field: CsvField): boolean => row.cell(field) !== undefined;
  const title = fitTitle(ctx, where, row.cell('title') ?? '');
  const draft: DebtItemDraftInput = {
    title,
    likelihood: ctx.defaultLikelihood,
    impact: ctx.defaultImpact,
    effort: { ...UNKNOWN_EFFORT },
    interest: 0,
  };
  fromSource.push('title');
  if (has('description')) {
    draft.description = fitDescription(ctx, where, row.cell('description') ?? '');
    fromSource.push('description');
  }
  for (const field of ['area', 'owner'] as const) {
    if (!has(field)) continue;
    draft[field] = fitShort(ctx, where, LABELS[field], row.cell(field) ?? '');
    fromSource.push(field);
  }
  const tags = has('tags') ? fitTags(ctx, where, splitList(row.cell('tags') ?? '')) : [];
  if (has('tags')) fromSource.push('tags');
  const kindText = row.filled('kind');
  if (kindText !== undefined) {
    const kind = kindOf(kindText);
    if (kind === null) throw new RowProblem(`Kind “${kindText.trim()}” is not one of ${KIND_HINT}.`);
    draft.kind = kind;
    fromSource.push('kind');
  }
  const quadrantText = row.filled('quadrant');
  if (quadrantText !== undefined) {
    const quadrant = quadrantOf(quadrantText);
    if (quadrant === null) throw new RowProblem(`Quadrant “${quadrantText.trim()}” is not one of ${QUADRANT_HINT}.`);
    draft.quadrant = quadrant;
    fromSource.push('quadrant');
  }
  const statusText = row.filled('status');
  if (statusText !== undefined) {
    const status = statusOf(statusText);
    if (status === null) throw new RowProblem(`Status “${statusText.trim()}” is not one of ${STATUS_HINT}.`);
    draft.status = status;
    fromSource.push('status');
  }
  for (const field of ['likelihood', 'impact'] as const) {
    const text = row.filled(field);
    if (text === undefined) {
      if (has(field)) ctx.notes.at(where, `${LABELS[field]} empty, set to ${String(draft[field])}`);
      continue;
    }
    const level = levelOf(text, ctx.levels);
    if (level === null) throw new RowProblem(`${LABELS[field]} “${text.trim()}” is not ${levelHint(ctx.levels)}.`);
    draft[field] = level;
    fromSource.push(field);
  }
  const effort = effortOf(row, decimalComma);
  if (effort === undefined) {
    tags.push(EFFORT_UNKNOWN_TAG);
    ctx.notes.at(where, `No effort estimate: effort set to 0 and tagged “${EFFORT_UNKNOWN_TAG}”; estimate these before planning`);
  } else {
    draft.effort = effort;
    fromSource.push('effort');
  }
  draft.tags = tags;
  const interest = numberCell(row, 'interest', decimalComma);
  if (interest !== undefined) {
    draft.interest = interest;
    fromSource.push('interest');
  }
  // An empty optional cell supplies nothing: a due date, outcome or rationale set in Paydown survives re-import.
  const due = dateCell(row, 'dueDate');
  if (due !== undefined) {
    draft.dueDate = due;
    fromSource.push('dueDate');
  }
  const outcome = row.filled('outcome');
  if (outcome !== undefined) {
    draft.outcome = fitShort(ctx, where, LABELS.outcome, outcome);
    fromSource.push('outcome');
  }
  const rationale = row.filled('rationale');
  if (rationale !== undefined) {
    const acceptance: NonNullable<DebtItemDraftInput['acceptance']> = { rationale: rationale.trim() };
    const owner = row.filled('acceptanceOwner');
    if (owner !== undefined) acceptance.owner = fitShort(ctx, where, LABELS.acceptanceOwner, owner);
    const acceptedOn = dateCell(row, 'acceptedOn');
    if (acceptedOn !== undefined) acceptance.acceptedOn = acceptedOn;
    const reviewOn = dateCell(row, 'reviewOn');
    if (reviewOn !== undefined) acceptance.reviewOn = reviewOn;
    draft.acceptance = acceptance;
    fromSource.push('acceptance');
  }
  draft.externalRef = externalRefOf(row, key);
  return { row: where.row, line: where.line, draft: draft as ImportDraft['draft'], fromSource }; // externalRef was set just above
}

function externalRefOf(row: Row, key: string): ExternalRef {
  const sourceText = row.filled('source')?.trim().toLowerCase();
  const source = EXTERNAL_SOURCES.find((s) => s === sourceText) ?? 'csv';
  const url = row.filled('url')?.trim();
  return url === undefined ? { source, key } : { source, key, url };
}

/** cyrb53, a small public-domain string hash: enough to tell long titles apart inside a key. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Keys hold at most 200 characters; a longer title keeps its start and a hash of the whole. */
const KEY_ROOM = 190;
const shortKey = (text: string): string =>
  text.length <= KEY_ROOM ? text : `${cutText(text, KEY_ROOM - 12)}${hash53(text).toString(36)}`;

/**
 * The key that finds a row again on re-import: its Key cell, else its title, with "#2", "#3" for a
 * title that repeats in the file (real backlogs hold a few exact duplicates, and each is an item).
 */
function keyOf(row: Row, seen: Map<string, number>): string {
  const explicit = row.filled('key')?.trim();
  const base = shortKey(explicit ?? (row.cell('title') ?? '').trim());
  const n = (seen.get(base) ?? 0) + 1;
  seen.set(base, n);
  return n === 1 || explicit !== undefined ? base : `${base}#${String(n)}`;
}

/** Records are read in steps of this many, each reporting how many are done. */
const STEP_RECORDS = 2000;

/**
 * Reads Paydown's generic CSV (and any spreadsheet whose headers match its fields by name or mapping),
 * in steps that report the records done.
 */
export function* parseGenericCsvSteps(table: CsvTable, ctx: ParseContext): ImportSteps<ParsedImport> {
  const result: ParsedImport = { format: 'csv', drafts: [], skipped: [], errors: [...table.errors], notes: [] };
  const plan = planColumns(table.header, ctx.mapping.columns);
  result.errors.push(...plan.errors);
  if (!plan.columns.has('title')) {
    result.errors.push({
      line: 1,
      message: `No column holds the item titles: the header has ${table.header.join(', ') || 'nothing'}. Name a column Title, or map one to title.`,
    });
  }
  if (table.records.length === 0) {
    result.errors.push({ line: 1, message: 'The file has a header but no data rows: there is nothing to import.' });
  }
  if (result.errors.length > 0) return result;
  if (plan.ignored.length > 0) ctx.notes.once(`Columns not imported: ${plan.ignored.map((h) => `“${h}”`).join(', ')}.`);
  for (const field of ['likelihood', 'impact'] as const) {
    if (!plan.columns.has(field)) {
      ctx.notes.once(`No ${LABELS[field]} column: every item gets ${String(field === 'likelihood' ? ctx.defaultLikelihood : ctx.defaultImpact)} (medium); set it in Paydown.`);
    }
  }
  const decimalComma = (ctx.mapping.decimalSeparator ?? (table.delimiter === ',' ? '.' : ',')) === ',';
  const seen = new Map<string, number>();
  const row = new RowReader(plan.columns);
  const total = table.records.length;
  for (let index = 0; index < total; index += 1) {
    if (index > 0 && index % STEP_RECORDS === 0) yield { phase: 'mapping', done: index, total };
    const record = table.records[index];
    if (record === undefined) break;
    const where = { row: record.row, line: record.line };
    if (record.problem !== undefined) {
      result.errors.push({ ...where, message: record.problem });
      continue;
    }
    row.cells = record.cells;
    if ((row.cell('title') ?? '').trim() === '') {
      result.errors.push({ ...where, message: 'The Title is empty; every item needs a title.' });
      continue;
    }
    try {
      result.drafts.push(draftOfRow(ctx, row, where, decimalComma, keyOf(row, seen)));
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      result.errors.push(issueOf(where, error.message));
    }
  }
  return result;
}

const issueOf = (where: { row: number; line: number }, message: string): ImportIssue => ({ ...where, message });
