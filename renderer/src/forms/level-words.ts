import { headerKey, planColumns } from '../../../shared/import/column-mapping.js';
import { readCsv } from '../../../shared/import/csv-records.js';
import type { CsvField, SourceFormat } from '../../../shared/import/import-schema.js';
import {
  GENERIC_LEVELS,
  JIRA_PRIORITY_LEVELS,
  levelKey,
  levelOf,
  SONAR_SEVERITY_LEVELS,
  withOverrides,
  type Level,
  type LevelTable,
} from '../../../shared/import/level-scales.js';
import type { DelimiterChoice, LevelChoice } from './import-mapping.js';

/** The built-in words each format reads on the 1–5 scale, before the user's own words. */
export function baseLevelsFor(format: SourceFormat): LevelTable {
  if (format === 'jira') return JIRA_PRIORITY_LEVELS;
  if (format === 'sonarqube') return SONAR_SEVERITY_LEVELS;
  return GENERIC_LEVELS;
}

/** What a format's level words are read from, for the section's explanation. */
export const LEVEL_SOURCES: Readonly<Record<SourceFormat, string>> = {
  csv: 'the Likelihood and Impact columns',
  jira: 'the Priority column (it sets the impact)',
  github: 'priority labels such as “priority: high” (they set the impact)',
  sonarqube: 'issue severities (they set the impact)',
};

export const LEVELS = [5, 4, 3, 2, 1] as const satisfies readonly Level[];

/** The user's rows that are complete, as `levels` overrides. */
export function levelOverrides(rows: readonly LevelChoice[]): Record<string, number> {
  const overrides: Record<string, number> = {};
  for (const { word, level } of rows) {
    const n = Number(level);
    if (word.trim() !== '' && n >= 1 && n <= 5 && Number.isInteger(n)) overrides[word.trim()] = n;
  }
  return overrides;
}

export interface RuleWord {
  readonly word: string;
  /** True when the word is the user's, not built in. */
  readonly own: boolean;
}

/** The rule in effect, level by level from 5 to 1: built-in words with the user's laid over them. */
export function levelRule(base: LevelTable, rows: readonly LevelChoice[]): { level: Level; words: RuleWord[] }[] {
  const own = new Map(Object.entries(levelOverrides(rows)).map(([word, level]) => [levelKey(word), { word, level }]));
  const merged = withOverrides(base, levelOverrides(rows));
  return LEVELS.map((level) => ({
    level,
    words: [...merged]
      .filter(([, l]) => l === level)
      .map(([key]) => {
        const mine = own.get(key);
        // Single letters (h, m, l) are abbreviations; they clutter the rule and cannot be mistaken.
        return mine === undefined ? { word: key, own: false } : { word: mine.word, own: true };
      })
      .filter((w) => w.own || w.word.length > 2),
  }));
}

export interface UnmatchedWord {
  readonly word: string;
  /** How many sampled rows hold it. */
  readonly rows: number;
  /** The columns it was found in. */
  readonly columns: readonly string[];
}

export interface UnmatchedWords {
  readonly words: readonly UnmatchedWord[];
  /** Only the file's first part was read (the file is large). */
  readonly sampled: boolean;
}

/** Level words are looked for in this much of the file: enough for any spreadsheet, quick for a huge export. */
const SAMPLE_CHARS = 1_000_000;

function sampleOf(content: string): { text: string; sampled: boolean } {
  if (content.length <= SAMPLE_CHARS) return { text: content, sampled: false };
  const end = content.lastIndexOf('\n', SAMPLE_CHARS);
  return { text: content.slice(0, end === -1 ? SAMPLE_CHARS : end), sampled: true };
}

/**
 * The words in a CSV's level columns (generic: Likelihood and Impact as mapped; Jira: Priority) that
 * no rule puts on the 1–5 scale, most frequent first. Empty for JSON sources, whose levels are
 * labels and severities the preview reports.
 */
export function unmatchedLevelWords(
  content: string,
  format: SourceFormat,
  delimiter: DelimiterChoice,
  columns: Readonly<Partial<Record<CsvField, string | null>>>,
  levels: LevelTable,
): UnmatchedWords {
  if (format !== 'csv' && format !== 'jira') return { words: [], sampled: false };
  const { text, sampled } = sampleOf(content);
  const table = readCsv(text, delimiter === '' ? undefined : delimiter);
  const read: { index: number; name: string }[] = [];
  if (format === 'csv') {
    const plan = planColumns(table.header, columns).columns;
    for (const field of ['likelihood', 'impact'] as const) {
      const index = plan.get(field);
      if (index !== undefined) read.push({ index, name: table.header[index] ?? field });
    }
  } else {
    const index = table.header.findIndex((h) => headerKey(h) === 'priority');
    if (index !== -1) read.push({ index, name: table.header[index] ?? 'Priority' });
  }
  const found = new Map<string, { word: string; rows: number; columns: Set<string> }>();
  for (const record of table.records) {
    for (const { index, name } of read) {
      const cell = (record.cells[index] ?? '').trim();
      if (cell === '' || matches(cell, format, levels)) continue;
      const key = levelKey(cell);
      const entry = found.get(key) ?? { word: cell, rows: 0, columns: new Set<string>() };
      entry.rows += 1;
      entry.columns.add(name);
      found.set(key, entry);
    }
  }
  const words = [...found.values()]
    .sort((a, b) => b.rows - a.rows || a.word.localeCompare(b.word))
    .map(({ word, rows, columns: names }) => ({ word, rows, columns: [...names] }));
  return { words, sampled: sampled && table.records.length > 0 };
}

/** As the parsers read a cell: Jira also accepts a priority's first word ("High - fix soon"). */
function matches(cell: string, format: SourceFormat, levels: LevelTable): boolean {
  if (levelOf(cell, levels) !== null) return true;
  return format === 'jira' && levelOf(cell.split(/[\s:-]+/)[0] ?? '', levels) !== null;
}
