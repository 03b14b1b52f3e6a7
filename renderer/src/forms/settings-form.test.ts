import { describe, expect, test } from 'vitest';
import type { Settings } from '../../../shared/domain/settings.js';
import { checkSettingsForm, placeSettingsIssues, settingsFormValuesOf } from './settings-form.js';

const current: Settings = { name: 'Storefront', unit: 'points', sprintLengthDays: 14 };

describe('checkSettingsForm', () => {
  test('answers only the changed fields', () => {
    const values = { ...settingsFormValuesOf(current), name: '  Checkout team ', sprintLengthDays: '10' };
    expect(checkSettingsForm(values, current)).toEqual({ ok: true, patch: { name: 'Checkout team', sprintLengthDays: 10 } });
    expect(checkSettingsForm(settingsFormValuesOf(current), current)).toEqual({ ok: true, patch: {} });
  });

  test('puts zod’s messages beside the fields', () => {
    const check = checkSettingsForm({ name: ' ', unit: 'weeks', sprintLengthDays: '' }, current);
    const errors = check.ok ? {} : check.errors;
    expect(errors.name).toBe('Give the portfolio a name.');
    expect(errors.unit).toBeTypeOf('string');
    expect(errors.sprintLengthDays).toBe('Sprint length must be a whole number of days.');
    const tooLong = checkSettingsForm({ ...settingsFormValuesOf(current), sprintLengthDays: '120' }, current);
    expect(tooLong.ok ? {} : tooLong.errors).toEqual({ sprintLengthDays: 'A sprint lasts at most 90 days.' });
  });
});

test('placeSettingsIssues keeps unknown paths for the top of the form', () => {
  expect(
    placeSettingsIssues([
      { path: 'name', message: 'Too long.' },
      { path: '', message: 'Unrecognized key: "colour"' },
    ]),
  ).toEqual({ errors: { name: 'Too long.' }, unplaced: ['Unrecognized key: "colour"'] });
});
