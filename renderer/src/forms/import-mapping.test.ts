import { expect, test } from 'vitest';
import { ImportMapping } from '../../../shared/import/import-schema.js';
import {
  assignColumn,
  columnAssignments,
  draftOfMapping,
  EMPTY_MAPPING_DRAFT,
  mappingSections,
  readMappingDraft,
  removeLevelRow,
  setLevelWord,
  type MappingDraft,
  type MappingSections,
} from './import-mapping.js';

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

const ALL_SECTIONS = mappingSections('sonarqube', 'points');
const EVERYTHING: MappingSections = {
  columns: true,
  reading: true,
  hoursPerDay: true,
  hoursPerPoint: true,
  sonarGroupBy: true,
  jiraBaseUrl: true,
  sonarBaseUrl: true,
};

test('an untouched draft sends nothing, so the request stays exactly the importer default', () => {
  expect(readMappingDraft(EMPTY_MAPPING_DRAFT, EVERYTHING)).toEqual({ mapping: {}, errors: { fields: {}, levels: [] }, valid: true });
});

test('each source shows the sections it reads; effort conversions depend on the portfolio unit', () => {
  expect(mappingSections('csv', 'points')).toMatchObject({ columns: true, reading: true, hoursPerDay: false, hoursPerPoint: false });
  expect(mappingSections('github', 'days')).toMatchObject({ columns: false, reading: false, hoursPerDay: false, hoursPerPoint: false });
  expect(mappingSections('jira', 'points')).toMatchObject({ reading: true, hoursPerDay: false, hoursPerPoint: true, jiraBaseUrl: true });
  expect(mappingSections('jira', 'days')).toMatchObject({ hoursPerDay: true, hoursPerPoint: true });
  expect(ALL_SECTIONS).toMatchObject({ hoursPerDay: true, hoursPerPoint: true, sonarGroupBy: true, sonarBaseUrl: true, reading: false });
  expect(mappingSections('sonarqube', 'hours')).toMatchObject({ hoursPerDay: true, hoursPerPoint: false });
});

test('a filled-in draft becomes the mapping the schema accepts', () => {
  const draft: MappingDraft = {
    levels: [
      { word: ' Very likely ', level: '5' },
      { word: 'Seldom', level: '1' },
    ],
    defaultLikelihood: '2',
    defaultImpact: '',
    delimiter: ';',
    decimalSeparator: ',',
    hoursPerDay: '7,5',
    hoursPerPoint: '6',
    sonarGroupBy: 'rule-component',
    jiraBaseUrl: 'https://acme.atlassian.net',
    sonarBaseUrl: ' https://sonar.acme.example ',
  };
  const { mapping, valid } = readMappingDraft(draft, EVERYTHING);
  expect(valid).toBe(true);
  expect(mapping).toEqual({
    levels: { 'Very likely': 5, Seldom: 1 },
    defaultLikelihood: 2,
    delimiter: ';',
    decimalSeparator: ',',
    hoursPerDay: 7.5,
    hoursPerPoint: 6,
    sonarGroupBy: 'rule-component',
    jiraBaseUrl: 'https://acme.atlassian.net',
    sonarBaseUrl: 'https://sonar.acme.example',
  });
  expect(ImportMapping.safeParse(mapping).success).toBe(true);
});

test('fields the source does not read are neither sent nor checked', () => {
  const draft = { ...EMPTY_MAPPING_DRAFT, delimiter: ';', hoursPerDay: '30', jiraBaseUrl: 'nope', sonarGroupBy: 'rule-component' } as const;
  expect(readMappingDraft(draft, mappingSections('github', 'points'))).toMatchObject({ mapping: {}, valid: true });
  expect(readMappingDraft(draft, mappingSections('csv', 'points')).mapping).toEqual({ delimiter: ';' });
});

test('impossible values get a message a person can act on, and make the draft invalid', () => {
  const draft: MappingDraft = {
    ...EMPTY_MAPPING_DRAFT,
    hoursPerDay: '30',
    hoursPerPoint: 'six',
    sonarBaseUrl: 'ftp://sonar',
    levels: [
      { word: 'Often', level: '4' },
      { word: 'often', level: '3' },
      { word: '', level: '2' },
      { word: 'Someday', level: '' },
      { word: '__proto__', level: '1' },
      { word: 'x'.repeat(51), level: '1' },
    ],
  };
  const { errors, valid, mapping } = readMappingDraft(draft, ALL_SECTIONS);
  expect(valid).toBe(false);
  expect(errors.fields.hoursPerDay).toMatch(/more than 0 and at most 24/);
  expect(errors.fields.hoursPerPoint).toMatch(/at most 1,000/);
  expect(errors.fields.sonarBaseUrl).toMatch(/https:\/\//);
  expect(errors.levels).toEqual([
    undefined,
    '“often” is listed twice; remove one of them.',
    'Type the word this level is for.',
    'Choose a level from 1 to 5 for “Someday”.',
    '“__proto__” cannot be used as a level word.',
    'A word can be at most 50 characters.',
  ]);
  expect(mapping.levels).toBeUndefined();
  expect(readMappingDraft({ ...EMPTY_MAPPING_DRAFT, hoursPerDay: '0' }, ALL_SECTIONS).errors.fields.hoursPerDay).toBeDefined();
  expect(readMappingDraft({ ...EMPTY_MAPPING_DRAFT, hoursPerDay: '24' }, ALL_SECTIONS).valid).toBe(true);
});

test('a saved mapping shows in the form exactly as it will be sent again (round trip)', () => {
  const saved = {
    levels: { 'Very likely': 5, Seldom: 1 },
    defaultImpact: 4,
    hoursPerDay: 6,
    hoursPerPoint: 12.5,
    sonarGroupBy: 'rule-component',
    sonarBaseUrl: 'https://sonar.acme.example',
  } as const;
  expect(readMappingDraft(draftOfMapping(saved), ALL_SECTIONS).mapping).toEqual(saved);
  expect(draftOfMapping({})).toEqual(EMPTY_MAPPING_DRAFT);
});

test('setting a word changes its row in any spelling, or adds one; removing drops just that row', () => {
  const one = setLevelWord(EMPTY_MAPPING_DRAFT, ' Very likely ', '5');
  expect(one.levels).toEqual([{ word: 'Very likely', level: '5' }]);
  const two = setLevelWord(setLevelWord(one, 'very_likely', '4'), 'Seldom', '1');
  expect(two.levels).toEqual([
    { word: 'Very likely', level: '4' },
    { word: 'Seldom', level: '1' },
  ]);
  expect(removeLevelRow(two, 0).levels).toEqual([{ word: 'Seldom', level: '1' }]);
});
