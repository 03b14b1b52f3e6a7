import type { Unit } from '../../../shared/domain/settings.js';
import { planColumns } from '../../../shared/import/column-mapping.js';
import { CSV_FIELDS, ImportMapping, type CsvField, type SourceFormat } from '../../../shared/import/import-schema.js';
import { levelKey } from '../../../shared/import/level-scales.js';
import type { ColumnChoices } from '../store/import-slice.js';

export const FIELD_LABELS: Readonly<Record<CsvField, string>> = {
  key: 'Key (external id)',
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
  effortLow: 'Effort (low)',
  effort: 'Effort (likely)',
  effortHigh: 'Effort (high)',
  interest: 'Interest per sprint',
  dueDate: 'Due date',
  outcome: 'Outcome metric',
  rationale: 'Acceptance rationale',
  acceptanceOwner: 'Accepted by',
  acceptedOn: 'Accepted on',
  reviewOn: 'Review on',
};

export const MAPPABLE_FIELDS: readonly CsvField[] = CSV_FIELDS;

/** The field each header column feeds (null: ignored), by the importer's own rules and the user's choices. */
export function columnAssignments(header: readonly string[], choices: ColumnChoices): (CsvField | null)[] {
  const { columns } = planColumns(header, choices);
  const byIndex = new Map([...columns].map(([field, index]) => [index, field]));
  return header.map((_, index) => byIndex.get(index) ?? null);
}

/**
 * The choices after the user points column `index` at `field` (or ignores it): the field now reads
 * that header, and the field the column fed before is switched off rather than re-guessed.
 */
export function assignColumn(header: readonly string[], choices: ColumnChoices, index: number, field: CsvField | null): ColumnChoices {
  const name = header[index];
  if (name === undefined) return choices;
  const previous = columnAssignments(header, choices)[index] ?? null;
  const next: Partial<Record<CsvField, string | null>> = { ...choices };
  if (previous !== null && previous !== field) next[previous] = null;
  if (field !== null) next[field] = name;
  return next;
}

/** One word the user put on the 1–5 scale; `level` is '' until one is chosen. */
export interface LevelChoice {
  readonly word: string;
  readonly level: string;
}

export type DelimiterChoice = '' | ',' | ';' | '\t';
export type DecimalChoice = '' | '.' | ',';

/**
 * The mapping beyond columns as the form holds it: text as typed, '' meaning "the importer's default",
 * so a half-typed number never reaches the request.
 */
export interface MappingDraft {
  readonly levels: readonly LevelChoice[];
  readonly defaultLikelihood: string;
  readonly defaultImpact: string;
  readonly delimiter: DelimiterChoice;
  readonly decimalSeparator: DecimalChoice;
  readonly hoursPerDay: string;
  readonly hoursPerPoint: string;
  readonly sonarGroupBy: 'issue' | 'rule-component';
  readonly jiraBaseUrl: string;
  readonly sonarBaseUrl: string;
}

export const EMPTY_MAPPING_DRAFT: MappingDraft = {
  levels: [],
  defaultLikelihood: '',
  defaultImpact: '',
  delimiter: '',
  decimalSeparator: '',
  hoursPerDay: '',
  hoursPerPoint: '',
  sonarGroupBy: 'issue',
  jiraBaseUrl: '',
  sonarBaseUrl: '',
};

/** Which parts of the mapping a format reads (effort conversions also depend on the portfolio's unit). */
export interface MappingSections {
  readonly columns: boolean;
  readonly reading: boolean;
  readonly hoursPerDay: boolean;
  readonly hoursPerPoint: boolean;
  readonly sonarGroupBy: boolean;
  readonly jiraBaseUrl: boolean;
  readonly sonarBaseUrl: boolean;
}

export function mappingSections(format: SourceFormat, unit: Unit): MappingSections {
  const jira = format === 'jira';
  const sonar = format === 'sonarqube';
  return {
    columns: format === 'csv',
    reading: format === 'csv' || jira,
    // Jira converts story points with hours per point, and times to days with hours per day;
    // SonarQube's "2d" always needs hours per day, and a points portfolio hours per point.
    hoursPerDay: sonar || (jira && unit === 'days'),
    hoursPerPoint: jira || (sonar && unit === 'points'),
    sonarGroupBy: sonar,
    jiraBaseUrl: jira,
    sonarBaseUrl: sonar,
  };
}

type DraftField = 'defaultLikelihood' | 'defaultImpact' | 'hoursPerDay' | 'hoursPerPoint' | 'jiraBaseUrl' | 'sonarBaseUrl';

export interface MappingErrors {
  readonly fields: Readonly<Partial<Record<DraftField, string>>>;
  /** One entry per draft level row: why that row cannot be used, or undefined. */
  readonly levels: readonly (string | undefined)[];
}

export type MappingExtras = Omit<ImportMapping, 'columns'>;

export interface ReadDraft {
  /** What the request carries: only the sections the format reads, only values that differ from the defaults. */
  readonly mapping: MappingExtras;
  readonly errors: MappingErrors;
  readonly valid: boolean;
}

const MAX_WORD = 50;
const RESERVED_WORDS = new Set(['__proto__', 'constructor', 'prototype']);

function levelRowErrors(rows: readonly LevelChoice[]): (string | undefined)[] {
  const seen = new Set<string>();
  return rows.map(({ word, level }) => {
    const trimmed = word.trim();
    if (trimmed === '') return 'Type the word this level is for.';
    if (trimmed.length > MAX_WORD) return `A word can be at most ${String(MAX_WORD)} characters.`;
    if (RESERVED_WORDS.has(trimmed)) return `“${trimmed}” cannot be used as a level word.`;
    const key = levelKey(trimmed);
    if (seen.has(key)) return `“${trimmed}” is listed twice; remove one of them.`;
    seen.add(key);
    if (toLevel(level) === undefined) return `Choose a level from 1 to 5 for “${trimmed}”.`;
    return undefined;
  });
}

const toLevel = (text: string): 1 | 2 | 3 | 4 | 5 | undefined => {
  const n = Number(text);
  return n === 1 || n === 2 || n === 3 || n === 4 || n === 5 ? n : undefined;
};

/** A positive number as typed, with a decimal point or comma; undefined when empty, NaN when not a number. */
function typedNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

function typedUrl(text: string, schema: { safeParse: (value: unknown) => { success: boolean } }): { value?: string; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  if (!schema.safeParse(trimmed).success) {
    return { error: 'Enter the server’s web address, starting with https:// (or http://), e.g. https://acme.atlassian.net.' };
  }
  return { value: trimmed };
}

/** Checks the draft and builds the mapping the request carries; fields the format does not read are left out and unchecked. */
export function readMappingDraft(draft: MappingDraft, sections: MappingSections): ReadDraft {
  const fields: Partial<Record<DraftField, string>> = {};
  const mapping: { -readonly [K in keyof MappingExtras]: MappingExtras[K] } = {};
  const levelErrors = levelRowErrors(draft.levels);
  if (draft.levels.length > 0 && levelErrors.every((e) => e === undefined)) {
    mapping.levels = Object.fromEntries(draft.levels.map(({ word, level }) => [word.trim(), Number(level)]));
  }
  const defaultLikelihood = toLevel(draft.defaultLikelihood);
  if (defaultLikelihood !== undefined) mapping.defaultLikelihood = defaultLikelihood;
  const defaultImpact = toLevel(draft.defaultImpact);
  if (defaultImpact !== undefined) mapping.defaultImpact = defaultImpact;
  if (sections.reading) {
    if (draft.delimiter !== '') mapping.delimiter = draft.delimiter;
    if (draft.decimalSeparator !== '') mapping.decimalSeparator = draft.decimalSeparator;
  }
  if (sections.hoursPerDay) {
    const hours = typedNumber(draft.hoursPerDay);
    if (hours !== undefined && !(hours > 0 && hours <= 24)) fields.hoursPerDay = 'Hours per day must be a number more than 0 and at most 24, e.g. 8 or 7.5.';
    else if (hours !== undefined) mapping.hoursPerDay = hours;
  }
  if (sections.hoursPerPoint) {
    const hours = typedNumber(draft.hoursPerPoint);
    if (hours !== undefined && !(hours > 0 && hours <= 1000)) fields.hoursPerPoint = 'Hours per point must be a number more than 0 and at most 1,000, e.g. 6.';
    else if (hours !== undefined) mapping.hoursPerPoint = hours;
  }
  if (sections.sonarGroupBy && draft.sonarGroupBy === 'rule-component') mapping.sonarGroupBy = 'rule-component';
  for (const field of ['jiraBaseUrl', 'sonarBaseUrl'] as const) {
    if (!sections[field]) continue;
    const url = typedUrl(draft[field], ImportMapping.shape[field]);
    if (url.error !== undefined) fields[field] = url.error;
    if (url.value !== undefined) mapping[field] = url.value;
  }
  const valid = Object.keys(fields).length === 0 && levelErrors.every((e) => e === undefined);
  return { mapping, errors: { fields, levels: levelErrors }, valid };
}

/** The form's values for a saved mapping, so a reused mapping shows exactly what it will do. */
export function draftOfMapping(mapping: ImportMapping): MappingDraft {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    levels: Object.entries(mapping.levels ?? {}).map(([word, level]) => ({ word, level: String(level) })),
    defaultLikelihood: text(mapping.defaultLikelihood),
    defaultImpact: text(mapping.defaultImpact),
    delimiter: mapping.delimiter ?? '',
    decimalSeparator: mapping.decimalSeparator ?? '',
    hoursPerDay: text(mapping.hoursPerDay),
    hoursPerPoint: text(mapping.hoursPerPoint),
    sonarGroupBy: mapping.sonarGroupBy ?? 'issue',
    jiraBaseUrl: mapping.jiraBaseUrl ?? '',
    sonarBaseUrl: mapping.sonarBaseUrl ?? '',
  };
}

/** The draft with `word` set to `level`: an existing row for the word (in any spelling) changes, else one is added. */
export function setLevelWord(draft: MappingDraft, word: string, level: string): MappingDraft {
  const key = levelKey(word);
  const index = draft.levels.findIndex((row) => levelKey(row.word) === key);
  if (index === -1) return { ...draft, levels: [...draft.levels, { word: word.trim(), level }] };
  return { ...draft, levels: draft.levels.map((row, i) => (i === index ? { ...row, level } : row)) };
}

export function removeLevelRow(draft: MappingDraft, index: number): MappingDraft {
  return { ...draft, levels: draft.levels.filter((_, i) => i !== index) };
}
