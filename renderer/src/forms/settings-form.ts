import { fieldIssues, type FieldIssue } from '../../../shared/api/result.js';
import { Settings, SettingsPatch } from '../../../shared/domain/settings.js';
import { numberFrom } from './item-form-validation.js';

export interface SettingsFormValues {
  name: string;
  unit: string;
  sprintLengthDays: string;
}

export type SettingsField = keyof SettingsFormValues;
export type SettingsErrors = Partial<Record<SettingsField, string>>;

export type SettingsFormCheck =
  | { readonly ok: true; readonly patch: SettingsPatch }
  | { readonly ok: false; readonly errors: SettingsErrors; readonly unplaced: readonly string[] };

const SETTINGS_FIELDS: readonly SettingsField[] = ['name', 'unit', 'sprintLengthDays'];

function isSettingsField(path: string): path is SettingsField {
  return (SETTINGS_FIELDS as readonly string[]).includes(path);
}

export function settingsFormValuesOf(settings: Settings): SettingsFormValues {
  return { name: settings.name, unit: settings.unit, sprintLengthDays: String(settings.sprintLengthDays) };
}

export function placeSettingsIssues(issues: readonly FieldIssue[]): { errors: SettingsErrors; unplaced: string[] } {
  const errors: SettingsErrors = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    if (isSettingsField(issue.path)) errors[issue.path] ??= issue.message;
    else unplaced.push(issue.message);
  }
  return { errors, unplaced };
}

/** Validates the whole form as Settings and answers the patch of fields that differ from `current`. */
export function checkSettingsForm(values: SettingsFormValues, current: Settings): SettingsFormCheck {
  const parsed = Settings.safeParse({
    name: values.name,
    unit: values.unit,
    sprintLengthDays: numberFrom(values.sprintLengthDays),
  });
  if (!parsed.success) return { ok: false, ...placeSettingsIssues(fieldIssues(parsed.error)) };
  const next = parsed.data;
  const patch = SettingsPatch.parse({
    ...(next.name !== current.name ? { name: next.name } : {}),
    ...(next.unit !== current.unit ? { unit: next.unit } : {}),
    ...(next.sprintLengthDays !== current.sprintLengthDays ? { sprintLengthDays: next.sprintLengthDays } : {}),
  });
  return { ok: true, patch };
}
