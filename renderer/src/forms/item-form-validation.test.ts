import { describe, expect, test } from 'vitest';
import { testItem } from '../store/fake-bridge.js';
import { CUSTOM_OUTCOME, formValuesOf, NEW_ITEM_VALUES, type ItemFormValues } from './item-form-values.js';
import { checkItemForm, fieldForPath, firstInvalidField, numberFrom, placeIssues, tagsFrom } from './item-form-validation.js';

const valid: ItemFormValues = {
  ...NEW_ITEM_VALUES,
  title: '  Flaky checkout tests ',
  effortLow: '2',
  effortLikely: '3',
  effortHigh: '8',
  interest: '1.5',
  tags: 'testing, ci, , testing',
};

describe('checkItemForm', () => {
  test('turns valid text into a parsed draft', () => {
    const check = checkItemForm(valid);
    expect(check).toEqual({
      ok: true,
      draft: {
        title: 'Flaky checkout tests',
        description: '',
        kind: 'code',
        area: '',
        owner: '',
        tags: ['testing', 'ci'],
        status: 'open',
        likelihood: 3,
        impact: 3,
        effort: { low: 2, likely: 3, high: 8 },
        interest: 1.5,
      },
    });
  });

  test('an empty number input gets the field’s own message, never NaN', () => {
    const check = checkItemForm({ ...valid, likelihood: '', effortHigh: '' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.likelihood).toBe('Likelihood must be a whole number from 1 to 5.');
    expect(check.errors.effortHigh).toBe('High effort must be a number.');
    expect(JSON.stringify(check.errors)).not.toMatch(/NaN/);
  });

  test('maps nested issues to their inputs', () => {
    const check = checkItemForm({ ...valid, title: ' ', impact: '9' });
    expect(check.ok ? {} : check.errors).toEqual({
      title: 'The title is required.',
      impact: 'Impact must be from 1 to 5.',
    });
    const effort = checkItemForm({ ...valid, effortLow: '5', effortLikely: '3', effortHigh: '2' });
    expect(effort.ok ? {} : effort.errors).toEqual({
      effortLow: 'Low effort cannot be more than the likely effort.',
      effortHigh: 'High effort cannot be less than the likely effort.',
    });
  });

  test('accepted debt needs a rationale, reported even while other fields are wrong', () => {
    const check = checkItemForm({ ...valid, title: '', status: 'accepted' });
    expect(check.ok ? {} : check.errors).toMatchObject({
      title: 'The title is required.',
      acceptanceRationale: 'Say why this debt is accepted.',
    });
    const accepted = checkItemForm({
      ...valid,
      status: 'accepted',
      acceptanceRationale: 'Costs more than it saves.',
      acceptanceOwner: 'Zoë Lindqvist',
      acceptedOn: '2026-01-10',
      reviewOn: 'next year',
    });
    expect(accepted.ok ? {} : accepted.errors).toEqual({ reviewOn: 'Use a date written as YYYY-MM-DD.' });
  });

  test('acceptance fields are ignored unless the status is accepted', () => {
    const check = checkItemForm({ ...valid, acceptanceRationale: 'left over', reviewOn: 'garbage' });
    expect(check.ok && check.draft.acceptance).toBe(undefined);
  });

  test('outcome: a listed metric, a custom text, or a clear message for an empty custom one', () => {
    const listed = checkItemForm({ ...valid, outcomeChoice: 'lead_time' });
    expect(listed.ok && listed.draft.outcome).toBe('lead_time');
    const custom = checkItemForm({ ...valid, outcomeChoice: CUSTOM_OUTCOME, outcomeCustom: ' NPS ' });
    expect(custom.ok && custom.draft.outcome).toBe('NPS');
    const empty = checkItemForm({ ...valid, outcomeChoice: CUSTOM_OUTCOME });
    expect(empty.ok ? {} : empty.errors).toEqual({ outcomeCustom: 'Name the custom outcome metric, or pick one from the list.' });
  });

  test('a stored item round-trips through the form unchanged', () => {
    const item = testItem({
      quadrant: 'deliberate-prudent',
      tags: ['a', 'b'],
      dueDate: '2026-05-01',
      outcome: 'Crash-free sessions',
      status: 'accepted',
      acceptance: { rationale: 'Cheap to live with.', owner: 'José Ramírez', reviewOn: '2026-12-01' },
    });
    const check = checkItemForm(formValuesOf(item));
    const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...draft } = item;
    expect(check).toEqual({ ok: true, draft });
  });
});

describe('issue paths', () => {
  test('fieldForPath covers nested, indexed and update-prefixed paths', () => {
    expect(fieldForPath('title', valid)).toBe('title');
    expect(fieldForPath('changes.title', valid)).toBe('title');
    expect(fieldForPath('effort.low', valid)).toBe('effortLow');
    expect(fieldForPath('effort', valid)).toBe('effortLikely');
    expect(fieldForPath('tags.2', valid)).toBe('tags');
    expect(fieldForPath('acceptance.rationale', valid)).toBe('acceptanceRationale');
    expect(fieldForPath('changes.acceptance.reviewOn', valid)).toBe('reviewOn');
    expect(fieldForPath('outcome', valid)).toBe('outcomeChoice');
    expect(fieldForPath('outcome', { ...valid, outcomeChoice: CUSTOM_OUTCOME })).toBe('outcomeCustom');
    expect(fieldForPath('externalRef.url', valid)).toBeNull();
    expect(fieldForPath('', valid)).toBeNull();
  });

  test('placeIssues keeps the first message per field and collects the rest', () => {
    const placed = placeIssues(
      [
        { path: 'tags.0', message: 'Tags cannot be empty.' },
        { path: 'tags.1', message: 'A tag can be at most 50 characters.' },
        { path: '', message: 'The item changed meanwhile.' },
      ],
      valid,
    );
    expect(placed).toEqual({ errors: { tags: 'Tags cannot be empty.' }, unplaced: ['The item changed meanwhile.'] });
  });

  test('firstInvalidField follows the order on screen', () => {
    expect(firstInvalidField({ interest: 'x', title: 'y' })).toBe('title');
    expect(firstInvalidField({})).toBeUndefined();
  });
});

test('numberFrom and tagsFrom', () => {
  expect(numberFrom('')).toBeUndefined();
  expect(numberFrom('  ')).toBeUndefined();
  expect(numberFrom(' 4 ')).toBe(4);
  expect(numberFrom('abc')).toBeNaN();
  expect(tagsFrom(' a,b ,, c ')).toEqual(['a', 'b', 'c']);
  expect(tagsFrom('')).toEqual([]);
});
