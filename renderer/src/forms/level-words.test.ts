import { expect, test } from 'vitest';
import { GENERIC_LEVELS, JIRA_PRIORITY_LEVELS, withOverrides } from '../../../shared/import/level-scales.js';
import { levelOverrides, levelRule, unmatchedLevelWords } from './level-words.js';

const CSV = [
  'Title,Probability,Impact,Notes',
  'Rewrite billing,Very likely,High,',
  'Drop IE11 polyfills,Seldom,very likely,',
  'Split the monolith,very likely,3,',
  'Fix flaky tests,,Low,',
].join('\n');

test('the rule in effect lists built-in words by level, with the user’s own words laid over them', () => {
  const rule = levelRule(GENERIC_LEVELS, [
    { word: 'High', level: '5' },
    { word: 'Seldom', level: '1' },
    { word: 'Half typed', level: '' },
  ]);
  expect(rule.map((r) => r.level)).toEqual([5, 4, 3, 2, 1]);
  const five = rule[0]?.words ?? [];
  expect(five).toContainEqual({ word: 'High', own: true });
  expect(five).toContainEqual({ word: 'very high', own: false });
  expect(rule[1]?.words.map((w) => w.word)).not.toContain('high');
  expect(rule[4]?.words).toContainEqual({ word: 'Seldom', own: true });
  // Abbreviations such as "h" are left out of the list (they still work).
  expect(rule.flatMap((r) => r.words.map((w) => w.word))).not.toContain('h');
});

test('only complete rows become overrides', () => {
  expect(levelOverrides([{ word: ' Often ', level: '4' }, { word: '', level: '2' }, { word: 'Never', level: '' }])).toEqual({ Often: 4 });
});

test('words in the likelihood and impact columns that no rule matches are found, most frequent first', () => {
  const found = unmatchedLevelWords(CSV, 'csv', '', { likelihood: 'Probability' }, GENERIC_LEVELS);
  expect(found).toEqual({
    words: [
      { word: 'Very likely', rows: 3, columns: ['Probability', 'Impact'] },
      { word: 'Seldom', rows: 1, columns: ['Probability'] },
    ],
    sampled: false,
  });
  const levels = withOverrides(GENERIC_LEVELS, { 'very likely': 5, seldom: 1 });
  expect(unmatchedLevelWords(CSV, 'csv', '', { likelihood: 'Probability' }, levels).words).toEqual([]);
});

test('a column mapped away is not read, the chosen delimiter is used, and JSON sources have no columns to read', () => {
  expect(unmatchedLevelWords(CSV, 'csv', '', { likelihood: null }, GENERIC_LEVELS).words.map((w) => w.word)).toEqual(['very likely']);
  const semicolons = 'Title;Likelihood, in words\nA;Often\n';
  expect(unmatchedLevelWords(semicolons, 'csv', ';', { likelihood: 'Likelihood, in words' }, GENERIC_LEVELS).words).toEqual([
    { word: 'Often', rows: 1, columns: ['Likelihood, in words'] },
  ]);
  expect(unmatchedLevelWords('[]', 'github', '', {}, GENERIC_LEVELS).words).toEqual([]);
});

test('Jira priorities are read as the importer reads them, first word included', () => {
  const jira = 'Summary,Issue key,Priority\nA,P-1,High - fix soon\nB,P-2,Urgent\nC,P-3,\n';
  expect(unmatchedLevelWords(jira, 'jira', '', {}, JIRA_PRIORITY_LEVELS).words).toEqual([{ word: 'Urgent', rows: 1, columns: ['Priority'] }]);
});

test('a large file is sampled from its start', () => {
  const rows = Array.from({ length: 80_000 }, (_, i) => `Item ${String(i)},${i === 5 ? 'Often' : 'High'},Low`);
  const big = ['Title,Likelihood,Impact', ...rows, 'Last,Never seen,Low'].join('\n');
  const found = unmatchedLevelWords(big, 'csv', '', {}, GENERIC_LEVELS);
  expect(found.sampled).toBe(true);
  expect(found.words.map((w) => w.word)).toEqual(['Often']);
});
