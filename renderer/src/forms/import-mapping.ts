import { planColumns } from '../../../shared/import/column-mapping.js';
import { CSV_FIELDS, type CsvField } from '../../../shared/import/import-schema.js';
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
