import { useMemo, useState, type SubmitEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../../shared/domain/settings.js';
import {
  checkSettingsForm,
  placeSettingsIssues,
  settingsFormValuesOf,
  type SettingsErrors,
  type SettingsField,
  type SettingsFormValues,
} from '../forms/settings-form.js';
import { useApp } from '../store/use-app.js';
import { Dialog } from './dialog.js';
import { UNIT_OPTIONS } from './domain-labels.js';
import { FormAlert, NumberField, SelectField, TextField, type FieldBinding } from './form-fields.js';

const SETTINGS_FIELD_IDS: Readonly<Record<SettingsField, string>> = {
  name: 'settings-name',
  unit: 'settings-unit',
  sprintLengthDays: 'settings-sprint-length',
};

const FIELD_ORDER: readonly SettingsField[] = ['name', 'unit', 'sprintLengthDays'];

function focusFirst(errors: SettingsErrors): void {
  const field = FIELD_ORDER.find((f) => errors[f] !== undefined);
  if (field !== undefined) document.getElementById(SETTINGS_FIELD_IDS[field])?.focus();
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { saveSettings, closeSettings } = useApp(
    useShallow((s) => ({ saveSettings: s.saveSettings, closeSettings: s.closeSettings })),
  );
  const [values, setValues] = useState<SettingsFormValues>(() => settingsFormValuesOf(settings));
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<SettingsField>>(() => new Set());
  const [rejected, setRejected] = useState<{ errors: SettingsErrors; messages: readonly string[] }>({ errors: {}, messages: [] });
  const [saving, setSaving] = useState(false);

  const check = useMemo(() => checkSettingsForm(values, settings), [values, settings]);
  const localErrors: SettingsErrors = check.ok ? {} : check.errors;

  const bind = (field: SettingsField): FieldBinding => ({
    id: SETTINGS_FIELD_IDS[field],
    value: values[field],
    error: rejected.errors[field] ?? (showAll || touched.has(field) ? localErrors[field] : undefined),
    onChange: (value) => {
      setValues((prev) => ({ ...prev, [field]: value }));
      setTouched((prev) => new Set([...prev, field]));
      setRejected((prev) => ({ ...prev, errors: { ...prev.errors, [field]: undefined } }));
    },
  });

  const save = async () => {
    if (saving) return;
    if (!check.ok) {
      setShowAll(true);
      focusFirst(check.errors);
      return;
    }
    if (Object.keys(check.patch).length === 0) {
      closeSettings();
      return;
    }
    setSaving(true);
    const outcome = await saveSettings(check.patch);
    setSaving(false);
    if (outcome.status === 'invalid') {
      const placed = placeSettingsIssues(outcome.issues);
      setRejected({ errors: placed.errors, messages: placed.unplaced.length > 0 ? [outcome.message] : [] });
      setShowAll(true);
      focusFirst(placed.errors);
    }
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save();
  };

  const alerts = [
    ...(showAll && !check.ok ? ['These settings cannot be saved yet: fix the fields marked below.', ...check.unplaced] : []),
    ...rejected.messages,
  ];

  return (
    <form className="settings-form" noValidate onSubmit={onSubmit} aria-busy={saving}>
      <FormAlert messages={alerts} />
      <TextField {...bind('name')} label="Portfolio name" required maxLength={100} />
      <SelectField {...bind('unit')} label="Unit" hint="How effort and interest are measured." options={UNIT_OPTIONS} />
      <NumberField {...bind('sprintLengthDays')} label="Sprint length (days)" min={1} max={90} step={1} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={closeSettings}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          Save settings
        </button>
      </div>
    </form>
  );
}

export function SettingsDialog() {
  const { open, settings, closeSettings } = useApp(
    useShallow((s) => ({ open: s.settingsOpen, settings: s.settings, closeSettings: s.closeSettings })),
  );
  if (!open || settings === null) return null;
  return (
    <Dialog title="Portfolio settings" onClose={closeSettings}>
      <SettingsForm settings={settings} />
    </Dialog>
  );
}
