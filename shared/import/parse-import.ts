import type { Unit } from '../domain/settings.js';
import { delimiterName, readCsv } from './csv-records.js';
import { parseGenericCsv } from './generic-csv.js';
import { parseGithubIssues } from './github-issues.js';
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
    const table = readCsv(text, options.mapping?.delimiter);
    const jira = requested === 'jira' || (requested === 'auto' && isJiraHeader(table.header));
    ctx.notes.once(`Read as ${FORMAT_NAMES[jira ? 'jira' : 'csv']}, ${delimiterName(table.delimiter)}-separated.`);
    result = jira ? parseJiraCsv(table, ctx) : parseGenericCsv(table, ctx);
  }
  return { ...result, notes: ctx.notes.list() };
}
