import type { CsvField, ImportIssue } from './import-schema.js';

/** Header text folded for matching: case, accents, spaces and punctuation do not matter ("Due date" = "due_date"). */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The names a spreadsheet may give each generic-CSV field, folded by `headerKey`. The first header
 * that matches a field wins; later ones are reported and ignored.
 */
const SYNONYMS: ReadonlyMap<string, CsvField> = new Map(
  (
    [
      ['key', ['key', 'id', 'externalid', 'externalkey', 'ref', 'reference', 'issuekey']],
      ['source', ['source', 'externalsource']],
      ['url', ['url', 'link', 'externalurl', 'externallink']],
      ['title', ['title', 'summary', 'name', 'item', 'debt', 'debtitem']],
      ['description', ['description', 'details', 'notes', 'body', 'desc']],
      ['kind', ['kind', 'type', 'category', 'debttype']],
      ['quadrant', ['quadrant', 'fowlerquadrant']],
      ['area', ['area', 'component', 'components', 'team', 'system', 'module', 'service']],
      ['owner', ['owner', 'assignee', 'responsible', 'assignedto']],
      ['tags', ['tags', 'labels', 'tag', 'label']],
      ['status', ['status', 'state']],
      ['likelihood', ['likelihood', 'probability', 'chance']],
      ['impact', ['impact', 'severity', 'consequence']],
      ['effortLow', ['effortlow', 'efforto', 'effortmin', 'lowestimate', 'optimistic']],
      ['effort', ['effort', 'effortlikely', 'estimate', 'effortestimate', 'storypoints', 'points', 'principal', 'size']],
      ['effortHigh', ['efforthigh', 'effortmax', 'highestimate', 'pessimistic']],
      ['interest', ['interest', 'interestpersprint', 'costpersprint', 'interestsprint']],
      ['dueDate', ['due', 'duedate', 'deadline', 'dueon', 'targetdate']],
      ['outcome', ['outcome', 'outcomemetric', 'metric']],
      ['rationale', ['rationale', 'acceptancerationale', 'acceptedbecause']],
      ['acceptanceOwner', ['acceptanceowner', 'acceptedby']],
      ['acceptedOn', ['acceptedon', 'acceptancedate']],
      ['reviewOn', ['reviewon', 'reviewdate', 'review']],
    ] as const
  ).flatMap(([field, names]) => names.map((name): [string, CsvField] => [name, field])),
);

export interface ColumnPlan {
  /** Field → column index. */
  readonly columns: ReadonlyMap<CsvField, number>;
  /** Headers no field uses, in file order. */
  readonly ignored: readonly string[];
  readonly errors: ImportIssue[];
}

/**
 * Decides which column feeds which field: a mapping entry names the header for a field (or null to
 * ignore the field); every other field is matched by its name and synonyms.
 */
export function planColumns(
  header: readonly string[],
  overrides: Readonly<Partial<Record<CsvField, string | null>>> = {},
): ColumnPlan {
  const columns = new Map<CsvField, number>();
  const used = new Set<number>();
  const errors: ImportIssue[] = [];
  const keys = header.map(headerKey);
  for (const [field, name] of Object.entries(overrides) as [CsvField, string | null | undefined][]) {
    // Object.entries of a zod-checked partialRecord: keys are CsvFields.
    if (name === null || name === undefined) continue;
    const index = keys.indexOf(headerKey(name));
    if (index === -1) {
      errors.push({
        line: 1,
        message: `The mapping reads ${field} from a column “${name}”, but the header has no such column (it has ${header.join(', ')}).`,
      });
    } else {
      columns.set(field, index);
      used.add(index);
    }
  }
  const disabled = new Set(Object.entries(overrides).flatMap(([field, name]) => (name === null ? [field] : [])));
  keys.forEach((key, index) => {
    if (used.has(index)) return;
    const field = SYNONYMS.get(key);
    if (field === undefined || columns.has(field) || disabled.has(field)) return;
    columns.set(field, index);
    used.add(index);
  });
  const ignored = header.filter((_, index) => !used.has(index));
  return { columns, ignored, errors };
}
