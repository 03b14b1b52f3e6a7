import type { Unit } from '../domain/settings.js';
import { delimiterName, readCsv, readCsvSteps } from './csv-records.js';
import { parseGenericCsvSteps } from './generic-csv.js';
import { parseGithubIssues } from './github-issues.js';
import { finishSteps, type ImportSteps } from './import-progress.js';
import type { ImportFormat, ImportMapping, SourceFormat } from './import-schema.js';
import { isJiraHeader, parseJiraCsv } from './jira-csv.js';
import { isObject, own, parseJsonDocuments } from './json-values.js';
import { parseContext } from './parse-context.js';
import type { ParsedImport } from './parsed-import.js';
import { parseSonarIssues } from './sonarqube-issues.js';

export interface ParseImportOptions {
  readonly format?: ImportFormat;
  readonly mapping?: ImportMapping;
  /** The portfolio's effort unit: time and story points are converted into it. */
  readonly unit: Unit;
}

const FORMAT_NAMES: Readonly<Record<SourceFormat, string>> = {
  csv: 'a generic CSV',
  jira: 'a Jira CSV export',
  github: 'GitHub issues (JSON)',
  sonarqube: 'a SonarQube issues response (JSON)',
};

const looksLikeJson = (text: string): boolean => /^\s*[[{]/.test(text);

/** GitHub lists are arrays of issues (or the search API's `{ items }`); SonarQube answers objects with `issues`, `paging` or `errors`. */
function jsonFormat(documents: readonly unknown[]): SourceFormat {
  const first = documents[0];
  const sample: unknown = Array.isArray(first) ? first[0] : first;
  if (!isObject(sample)) return 'github';
  const sonarKeys = ['issues', 'paging', 'effortTotal', 'errors', 'components'];
  if (sonarKeys.some((key) => own(sample, key) !== undefined)) return 'sonarqube';
  return 'github';
}

/**
 * The format `auto` resolves to, by the same rules as `parseImport`: JSON is GitHub or SonarQube by its
 * keys, a CSV with Jira's columns is Jira, any other text a generic CSV. Lets a wizard show its guess.
 */
export function detectImportFormat(content: string, delimiter?: ImportMapping['delimiter']): SourceFormat {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  if (looksLikeJson(text)) {
    const parsed = parseJsonDocuments(text);
    return 'error' in parsed ? 'github' : jsonFormat(parsed.documents);
  }
  return isJiraHeader(csvHeader(text, delimiter)) ? 'jira' : 'csv';
}

/** A CSV's header cells, read from its first lines only so a large file is not parsed twice. */
export function csvHeader(content: string, delimiter?: ImportMapping['delimiter']): readonly string[] {
  return readCsv(firstLines(content), delimiter).header;
}

function firstLines(text: string, count = 20): string {
  let end = 0;
  for (let i = 0; i < count && end !== -1; i += 1) end = text.indexOf('\n', end + 1);
  return end === -1 ? text : text.slice(0, end);
}

const failed = (format: SourceFormat, message: string, line?: number): ParsedImport => ({
  format,
  drafts: [],
  skipped: [],
  errors: [line === undefined ? { message } : { line, message }],
  notes: [],
});

/**
 * Reads an import file's text into drafts, one per record, plus what was skipped, what is wrong
 * (with its row and line, or JSON path) and notes. Pure: the same text and options always give the
 * same result, and nothing here touches a portfolio.
 */
export function parseImport(content: string, options: ParseImportOptions): ParsedImport {
  return finishSteps(parseImportSteps(content, options));
}

/** `parseImport` in steps: a CSV reports the characters read, then the records mapped; JSON is read in one step. */
export function* parseImportSteps(content: string, options: ParseImportOptions): ImportSteps<ParsedImport> {
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  const requested = options.format ?? 'auto';
  const ctx = parseContext(options.mapping ?? {}, options.unit);
  if (text.trim() === '') return failed(requested === 'auto' ? 'csv' : requested, 'The file is empty: there is nothing to import.');
  let result: ParsedImport;
  const jsonFormatRequested = requested === 'github' || requested === 'sonarqube';
  if (jsonFormatRequested && !looksLikeJson(text)) {
    return failed(requested, `${FORMAT_NAMES[requested]} must be JSON, but the file does not start with { or [.`);
  }
  if (jsonFormatRequested || (requested === 'auto' && looksLikeJson(text))) {
    const parsed = parseJsonDocuments(text);
    if ('error' in parsed) return failed(requested === 'auto' ? 'github' : requested, parsed.error.message, parsed.error.line);
    const format = requested === 'auto' ? jsonFormat(parsed.documents) : requested;
    ctx.notes.once(`Read as ${FORMAT_NAMES[format]}.`);
    result = format === 'sonarqube' ? parseSonarIssues(parsed.documents, ctx) : parseGithubIssues(parsed.documents, ctx);
  } else {
    const table = yield* readCsvSteps(text, options.mapping?.delimiter);
    const jira = requested === 'jira' || (requested === 'auto' && isJiraHeader(table.header));
    ctx.notes.once(`Read as ${FORMAT_NAMES[jira ? 'jira' : 'csv']}, ${delimiterName(table.delimiter)}-separated.`);
    result = jira ? parseJiraCsv(table, ctx) : yield* parseGenericCsvSteps(table, ctx);
  }
  return { ...result, notes: ctx.notes.list() };
}
