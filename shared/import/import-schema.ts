import { z } from 'zod';

const IMPORT_FORMATS = ['auto', 'csv', 'jira', 'github', 'sonarqube'] as const;
export const ImportFormat = z.enum(IMPORT_FORMATS, { error: `The format must be one of ${IMPORT_FORMATS.join(', ')}.` });
export type ImportFormat = z.infer<typeof ImportFormat>;
/** A format the parsers actually read; `auto` is resolved to one of these. */
export type SourceFormat = Exclude<ImportFormat, 'auto'>;

/** Files larger than this are refused before they are read (the file reader checks bytes, the API characters). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** The columns of the generic CSV format a mapping can point at a header. */
export const CSV_FIELDS = [
  'key',
  'source',
  'url',
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
  'effortLow',
  'effort',
  'effortHigh',
  'interest',
  'dueDate',
  'outcome',
  'rationale',
  'acceptanceOwner',
  'acceptedOn',
  'reviewOn',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

const score = z
  .number({ error: 'A level must be a whole number from 1 to 5.' })
  .int({ error: 'A level must be a whole number from 1 to 5.' })
  .min(1, { error: 'A level must be from 1 to 5.' })
  .max(5, { error: 'A level must be from 1 to 5.' });

// Keys of `levels` become Map keys; refusing these keeps a hand-written mapping file from meaning anything odd.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const levelWord = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .refine((word) => !RESERVED_KEYS.has(word), { error: 'This word cannot be used as a level.' });

const columnName = z.string().trim().min(1).max(200).nullable();

/**
 * How a file is read: which header is which field, what words mean on the 1–5 scales, and how time
 * estimates become the portfolio's unit. Every key is optional; the defaults are documented beside
 * each parser.
 */
export const ImportMapping = z
  .object({
    /** Generic CSV: field → header text (matched ignoring case, spaces and punctuation); null ignores the field. */
    columns: z.partialRecord(z.enum(CSV_FIELDS), columnName).optional(),
    /** Extra or replacement words for the 1–5 scales (likelihood, impact, Jira priority, GitHub priority labels). */
    levels: z.record(levelWord, score).optional(),
    /** Used when a source says nothing about likelihood or impact (default 3, "medium"). */
    defaultLikelihood: score.optional(),
    defaultImpact: score.optional(),
    delimiter: z.enum([',', ';', '\t']).optional(),
    decimalSeparator: z.enum(['.', ',']).optional(),
    /** Working hours in a day: SonarQube's `2d` and day-based portfolios (default 8). */
    hoursPerDay: z.number().positive().max(24).optional(),
    /** Hours in one story point, to convert times into a points portfolio and points into time (default: hoursPerDay). */
    hoursPerPoint: z.number().positive().max(1000).optional(),
    /** SonarQube: one item per issue (default) or one per rule and file. */
    sonarGroupBy: z.enum(['issue', 'rule-component']).optional(),
    /** Base URLs that turn keys into links: `https://acme.atlassian.net`, `https://sonar.acme.example`. */
    jiraBaseUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
    sonarBaseUrl: z.url({ protocol: /^https?$/ }).max(500).optional(),
  })
  .strict();
export type ImportMapping = z.infer<typeof ImportMapping>;

export const ImportRequest = z
  .object({
    fileName: z.string().max(1000).optional(),
    content: z
      .string({ error: 'The file content must be text.' })
      .min(1, { error: 'The file is empty: there is nothing to import.' })
      .max(MAX_IMPORT_BYTES, { error: 'The file is larger than 200 MB; split it and import the parts.' }),
    format: ImportFormat.default('auto'),
    mapping: ImportMapping.optional(),
    skipInvalid: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    overwriteTeamFields: z.boolean().default(false),
  })
  .strict();
export type ImportRequest = z.input<typeof ImportRequest>;

/** One problem in the file: a data row and line for CSV, a JSON path for JSON, or neither for the whole file. */
export const ImportIssue = z.object({
  row: z.number().int().min(1).optional(),
  line: z.number().int().min(1).optional(),
  path: z.string().optional(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

const count = z.number().int().min(0);

export const ImportSummary = z.object({
  created: count,
  updated: count,
  unchanged: count,
  skipped: count,
  errors: z.array(ImportIssue),
  notes: z.array(z.string()),
});
export type ImportSummary = z.infer<typeof ImportSummary>;
