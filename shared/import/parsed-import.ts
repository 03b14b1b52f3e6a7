import type { DebtItemDraftInput, ExternalRef } from '../domain/debt-item.js';
import type { ImportIssue, SourceFormat } from './import-schema.js';

/** Draft fields a source can supply; re-import only ever changes fields the source supplied. */
export const DRAFT_FIELDS = [
  'title',
  'description',
  'kind',
  'quadrant',
  'area',
  'owner',
  'tags',
  'status',
  'likelihood',
  'impact',
  'effort',
  'interest',
  'dueDate',
  'acceptance',
  'outcome',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** Where a record sits in its file: data row and physical line for CSV, a JSON path for JSON. */
export interface ImportLocation {
  readonly row?: number | undefined;
  readonly line?: number | undefined;
  readonly path?: string | undefined;
}

export type ImportDraftInput = DebtItemDraftInput & { externalRef: ExternalRef };

export interface ImportDraft extends ImportLocation {
  readonly draft: ImportDraftInput;
  /**
   * The fields this record really supplied. Every other field holds a default (likelihood 3, effort
   * unknown, …) so the draft is complete; on re-import those fields keep what the team set in Paydown.
   */
  readonly fromSource: readonly DraftField[];
}

export interface ImportSkip extends ImportLocation {
  readonly reason: string;
}

export interface ParsedImport {
  readonly format: SourceFormat;
  readonly drafts: ImportDraft[];
  readonly skipped: ImportSkip[];
  readonly errors: ImportIssue[];
  readonly notes: string[];
}

/** "row 3 (line 4)", "[2].title" or "" for the whole file: the place a person looks for the problem. */
export function describeLocation(where: ImportLocation): string {
  const parts: string[] = [];
  if (where.row !== undefined) parts.push(`row ${String(where.row)}`);
  if (where.line !== undefined) parts.push(where.row === undefined ? `line ${String(where.line)}` : `(line ${String(where.line)})`);
  if (where.path !== undefined) parts.push(where.path);
  return parts.join(' ');
}

/** One issue as a line of text: "row 3 (line 4): Likelihood must be from 1 to 5." */
export function formatIssue(issue: ImportIssue): string {
  const where = describeLocation(issue);
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** Only the location keys that are set, so JSON output never carries `"row": undefined`. */
export function issueAt(where: ImportLocation, message: string): ImportIssue {
  const issue: ImportIssue = { message };
  if (where.row !== undefined) issue.row = where.row;
  if (where.line !== undefined) issue.line = where.line;
  if (where.path !== undefined) issue.path = where.path;
  return issue;
}
