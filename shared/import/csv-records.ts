import Papa from 'papaparse/papaparse.js';
import type { ImportIssue } from './import-schema.js';
import { finishSteps, type ImportSteps } from './import-progress.js';

export type Delimiter = ',' | ';' | '\t';

/** One record after the header: its data row (1-based), the physical line it starts on, and its cells. */
export interface CsvRecord {
  readonly row: number;
  readonly line: number;
  readonly cells: readonly string[];
  /** Why this record cannot be read (a wrong number of fields); the parser reports it instead of reading it. */
  readonly problem?: string;
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
  readonly delimiter: Delimiter;
  /** Problems of the whole file's structure (an unclosed quote); any of them refuses the file. */
  readonly errors: ImportIssue[];
}

const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

export const delimiterName = (d: Delimiter): string => DELIMITER_NAMES[d];

/** The header line, up to its first line break outside quotes, and the line break it ends with. */
function headerLine(text: string): { line: string; newline: string } {
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      const newline = ch === '\r' && text.charAt(i + 1) === '\n' ? '\r\n' : ch;
      return { line: text.slice(0, i), newline };
    }
  }
  return { line: text, newline: '\n' };
}

/**
 * The delimiter the header uses most among comma, semicolon and tab, counted outside quotes. The
 * header is the one line a person wrote with the delimiter in mind, so it decides; a tie goes to the
 * comma, then the semicolon.
 */
export function detectDelimiter(header: string): Delimiter {
  const counts = new Map<Delimiter, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const [delimiter, count] of counts) if (count > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n += 1;
  return n;
}

const isBlank = (cells: readonly string[]): boolean => cells.length === 1 && cells[0] === '';

/** How the importer configures papaparse: the delimiter and line break are decided beforehand, cells stay text. */
const papaConfig = (delimiter: Delimiter, newline: string) =>
  ({ delimiter, newline, quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false }) as const;

/** One plain papaparse pass over the whole text with the importer's settings: the benchmark's baseline for reading. */
export function papaparseRecords(text: string, delimiter: Delimiter = ',', newline = '\n'): string[][] {
  return Papa.parse(text, papaConfig(delimiter, newline)).data;
}

/** Text is parsed in slices of about this many characters, so a large file reports progress as it goes. */
const SLICE_CHARS = 512 * 1024;

/**
 * Splits CSV or TSV text into a header and records, with each record's data row and starting line.
 * Quoted cells may hold delimiters, quotes (`""`) and line breaks; a UTF-8 BOM is dropped; blank
 * lines are skipped but still counted as lines. Nothing is trimmed or converted here.
 */
export function readCsv(input: string, forcedDelimiter?: Delimiter): CsvTable {
  return finishSteps(readCsvSteps(input, forcedDelimiter));
}

/**
 * `readCsv` in steps, one per slice of text, each reporting the characters read so far. Papa's own
 * parser reads each slice up to its last complete record (`ignoreLastRow`), exactly as its streaming
 * mode does, and the rest is read again with the next slice; so the records are those of one pass.
 */
export function* readCsvSteps(input: string, forcedDelimiter?: Delimiter): ImportSteps<CsvTable> {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const { line: firstLine, newline } = headerLine(text);
  const delimiter = forcedDelimiter ?? detectDelimiter(firstLine);
  const parser = new Papa.Parser(papaConfig(delimiter, newline));
  // A line is counted at each "\n" (a lone "\r" inside a cell is not a line break), except in old
  // Mac files whose records end with "\r".
  const lineBreak = newline === '\r' ? '\r' : '\n';
  let header: string[] | null = null;
  const records: CsvRecord[] = [];
  // The data row (0 for the header and blank lines) and starting line of each parsed line, by papaparse's
  // index: only papaparse's rare errors need them, so two plain number arrays rather than an object each.
  const rowOfIndex: number[] = [0];
  const lineOfIndex: number[] = [1];
  const papaErrors: { row: number; index: number | undefined; code: string; message: string }[] = [];
  let line = 1;
  let rowIndex = 0;
  let start = 0;
  let end = 0;
  do {
    // A record longer than a slice (a huge or unclosed quoted cell) doubles the next slice, so it is never re-read more than a few times.
    end = Math.min(text.length, start + Math.max(SLICE_CHARS, 2 * (end - start)));
    const last = end === text.length;
    const parsed = parser.parse(text.slice(start, end), start, !last);
    for (const error of parsed.errors) {
      // Without the last record (read again with the next slice), its errors would be reported twice.
      if (!last && (error.row ?? 0) >= parsed.data.length) continue;
      papaErrors.push({ row: rowIndex + (error.row ?? 0), index: error.index === undefined ? undefined : start + error.index, code: error.code, message: error.message });
    }
    for (const cells of parsed.data) {
      if (header === null) {
        header = cells.map((cell) => cell.trim());
      } else if (isBlank(cells)) {
        rowOfIndex.push(0);
        lineOfIndex.push(line);
      } else {
        const row = records.length + 1;
        rowOfIndex.push(row);
        lineOfIndex.push(line);
        const problem = fieldCountProblem(header.length, cells, delimiter);
        records.push(problem === null ? { row, line, cells } : { row, line, cells, problem });
      }
      line += 1 + cells.reduce((n, cell) => n + countChar(cell, lineBreak), 0);
      rowIndex += 1;
    }
    start = last ? end : parsed.meta.cursor;
    yield { phase: 'reading', done: start, total: text.length };
  } while (end < text.length);
  const errors: ImportIssue[] = [];
  for (const error of papaErrors) {
    const errorRow = rowOfIndex[error.row] ?? 0;
    const errorLine = lineOfIndex[error.row] ?? 1;
    const opensOn = error.index === undefined ? errorLine : 1 + countChar(text.slice(0, error.index), lineBreak);
    const message =
      error.code === 'MissingQuotes'
        ? `A quoted cell opens on line ${String(opensOn)} and never closes, so the rest of the file would be read as one cell. Add the missing " and import again.`
        : `A quoted cell has text after its closing quote. Inside a quoted cell, write a quote as "" (${error.message}).`;
    errors.push(errorRow === 0 ? { line: errorLine, message } : { row: errorRow, line: errorLine, message });
  }
  return { header: header ?? [], records, delimiter, errors };
}

/** Every record must have the header's number of fields; extra cells that are all empty are tolerated. */
function fieldCountProblem(expected: number, cells: readonly string[], delimiter: Delimiter): string | null {
  if (cells.length === expected) return null;
  if (cells.length > expected && cells.slice(expected).every((cell) => cell.trim() === '')) return null;
  const tip =
    cells.length > expected ? `a ${delimiterName(delimiter)} inside a cell needs the cell in double quotes` : 'a cell or its delimiter is missing';
  return `This row has ${String(cells.length)} fields but the header has ${String(expected)}: ${tip}.`;
}
