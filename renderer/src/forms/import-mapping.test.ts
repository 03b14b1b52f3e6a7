import { expect, test } from 'vitest';
import { assignColumn, columnAssignments } from './import-mapping.js';

const HEADER = ['Title', 'Description', 'Area', 'Owner', 'Likelihood', 'Impact', 'Effort', 'Interest per sprint', 'Due', 'Tags', 'Notes 2'];

test('headers are matched to fields by name and synonyms by default', () => {
  expect(columnAssignments(HEADER, {})).toEqual([
    'title',
    'description',
    'area',
    'owner',
    'likelihood',
    'impact',
    'effort',
    'interest',
    'dueDate',
    'tags',
    null,
  ]);
});

test('pointing a column at a field moves the field and switches off what the column fed before', () => {
  const choices = assignColumn(HEADER, {}, 2, 'owner');
  expect(choices).toEqual({ area: null, owner: 'Area' });
  const after = columnAssignments(HEADER, choices);
  expect(after[2]).toBe('owner');
  expect(after[3]).toBeNull();
  expect(after).not.toContain('area');
});

test('ignoring a column switches its field off, and an unknown column index changes nothing', () => {
  expect(assignColumn(HEADER, {}, 9, null)).toEqual({ tags: null });
  expect(columnAssignments(HEADER, { tags: null })[9]).toBeNull();
  expect(assignColumn(HEADER, {}, 42, 'title')).toEqual({});
});
