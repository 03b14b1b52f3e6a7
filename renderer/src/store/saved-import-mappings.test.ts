import { expect, test } from 'vitest';
import { loadSavedMapping, saveMapping, sourceKeyOf, type MappingStorage } from './saved-import-mappings.js';

function memoryStorage(initial: Record<string, string> = {}): MappingStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

test('a generic CSV is known by its columns (however they are spelt), any other source by its format', () => {
  expect(sourceKeyOf('csv', ['Title', 'Due date'])).toBe(sourceKeyOf('csv', ['title', 'due_date']));
  expect(sourceKeyOf('csv', ['Title', 'Owner'])).not.toBe(sourceKeyOf('csv', ['Title', 'Area']));
  expect(sourceKeyOf('jira', ['Summary', 'Issue key'])).toBe('jira');
});

test('a saved mapping comes back as it was saved, per source', () => {
  const storage = memoryStorage();
  const mapping = { columns: { area: 'Team', description: null }, levels: { 'Very likely': 5 }, delimiter: ';', hoursPerDay: 7.5 } as const;
  saveMapping(storage, 'csv:title|team', mapping, '2026-11-25T14:00:00.000Z');
  saveMapping(storage, 'sonarqube', { sonarGroupBy: 'rule-component' }, '2026-11-25T15:00:00.000Z');
  expect(loadSavedMapping(storage, 'csv:title|team')).toEqual({ mapping, savedAt: '2026-11-25T14:00:00.000Z' });
  expect(loadSavedMapping(storage, 'sonarqube')?.mapping).toEqual({ sonarGroupBy: 'rule-component' });
  expect(loadSavedMapping(storage, 'jira')).toBeNull();
  saveMapping(storage, 'sonarqube', {}, '2026-11-25T16:00:00.000Z');
  expect(loadSavedMapping(storage, 'sonarqube')).toBeNull();
});

test('whatever else is in storage is ignored, never trusted, and no storage means nothing is remembered', () => {
  const valid = { mapping: { hoursPerDay: 6 }, savedAt: '2026-11-25T14:00:00.000Z' };
  const storage = memoryStorage({
    'paydown.import-mappings.v1': JSON.stringify({ jira: valid, github: { mapping: { hoursPerDay: 30 }, savedAt: 'x' }, csv: 'junk' }),
  });
  expect(loadSavedMapping(storage, 'jira')).toEqual(valid);
  expect(loadSavedMapping(storage, 'github')).toBeNull();
  expect(loadSavedMapping(memoryStorage({ 'paydown.import-mappings.v1': '{not json' }), 'jira')).toBeNull();
  expect(loadSavedMapping(null, 'jira')).toBeNull();
  expect(() => {
    saveMapping(null, 'jira', { hoursPerDay: 6 }, 'now');
  }).not.toThrow();
});

test('only the 50 most recently saved sources are kept', () => {
  const storage = memoryStorage();
  for (let i = 0; i < 55; i += 1) saveMapping(storage, `csv:${String(i)}`, { hoursPerDay: 8 }, `t${String(i)}`);
  expect(loadSavedMapping(storage, 'csv:4')).toBeNull();
  expect(loadSavedMapping(storage, 'csv:5')).not.toBeNull();
  expect(loadSavedMapping(storage, 'csv:54')).not.toBeNull();
});
