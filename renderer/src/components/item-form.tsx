import { useEffect, useMemo, useState, type SubmitEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DebtItem } from '../../../shared/domain/debt-item.js';
import type { Unit } from '../../../shared/domain/settings.js';
import { changesBetween, hasChanges } from '../forms/item-changes.js';
import {
  checkItemForm,
  firstInvalidField,
  placeIssues,
  type FieldErrors,
} from '../forms/item-form-validation.js';
import { formValuesOf, type ItemField, type ItemFormValues } from '../forms/item-form-values.js';
import type { SaveOutcome } from '../store/save-outcome.js';
import { useApp } from '../store/use-app.js';
import { FormAlert } from './form-fields.js';
import { fieldsTouchedBy, ITEM_FIELD_IDS } from './item-field-ids.js';
import { CostSection, DescriptionSection, TrackingSection, type Bind } from './item-form-sections.js';

interface ItemFormProps {
  /** The stored item being edited, or null for a new one. */
  item: DebtItem | null;
  unit: Unit;
  owners: readonly string[];
  onCancel: () => void;
}

function focusField(field: ItemField | undefined): void {
  if (field !== undefined) document.getElementById(ITEM_FIELD_IDS[field])?.focus();
}

/** Rejections from the host, shown until the user edits the field they name. */
interface HostRejection {
  readonly errors: FieldErrors;
  readonly messages: readonly string[];
}

const NO_REJECTION: HostRejection = { errors: {}, messages: [] };

export function ItemForm({ item, unit, owners, onCancel }: ItemFormProps) {
  const { createItem, updateItem } = useApp(useShallow((s) => ({ createItem: s.createItem, updateItem: s.updateItem })));
  const [values, setValues] = useState<ItemFormValues>(() => formValuesOf(item));
  const [touched, setTouched] = useState<ReadonlySet<ItemField>>(() => new Set());
  // After a refused Save every message shows, not only those of fields the user has edited.
  const [showAll, setShowAll] = useState(false);
  const [rejection, setRejection] = useState<HostRejection>(NO_REJECTION);
  const [saving, setSaving] = useState(false);

  const check = useMemo(() => checkItemForm(values), [values]);
  const localErrors: FieldErrors = check.ok ? {} : check.errors;

  // The form is re-created (by key) when a conflict loads the other person's version; start at the top again.
  useEffect(() => {
    focusField('title');
  }, []);

  const change = (field: ItemField, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setTouched((prev) => new Set([...prev, ...fieldsTouchedBy(field)]));
    setRejection((prev) => {
      if (prev.errors[field] === undefined) return prev;
      const { [field]: _cleared, ...rest } = prev.errors;
      return { ...prev, errors: rest };
    });
  };

  const errorFor = (field: ItemField): string | undefined =>
    rejection.errors[field] ?? (showAll || touched.has(field) ? localErrors[field] : undefined);

  const bind: Bind = (field) => ({
    id: ITEM_FIELD_IDS[field],
    value: values[field],
    error: errorFor(field),
    onChange: (value) => {
      change(field, value);
    },
  });

  const applyOutcome = (outcome: SaveOutcome) => {
    if (outcome.status !== 'invalid') return;
    const placed = placeIssues(outcome.issues, values);
    const messages = placed.unplaced.length > 0 || Object.keys(placed.errors).length === 0 ? [outcome.message] : [];
    setRejection({ errors: placed.errors, messages });
    setShowAll(true);
    focusField(firstInvalidField(placed.errors));
  };

  const save = async () => {
    if (saving) return;
    if (!check.ok) {
      setShowAll(true);
      focusField(firstInvalidField(check.errors));
      return;
    }
    if (item === null) {
      setSaving(true);
      applyOutcome(await createItem(check.draft));
      setSaving(false);
      return;
    }
    const changes = changesBetween(item, check.draft);
    if (!hasChanges(changes)) {
      onCancel();
      return;
    }
    setSaving(true);
    applyOutcome(await updateItem(item, changes));
    setSaving(false);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save();
  };

  const invalidCount = Object.keys(localErrors).length + Object.keys(rejection.errors).length;
  const alerts = [
    ...(showAll && invalidCount > 0 ? ['This item cannot be saved yet: fix the fields marked below.'] : []),
    ...(showAll && !check.ok ? check.unplaced : []),
    ...rejection.messages,
  ];

  return (
    <form className="item-form" noValidate onSubmit={onSubmit} aria-busy={saving}>
      <FormAlert messages={alerts} />
      <div className="item-form-body">
        <DescriptionSection bind={bind} owners={owners} />
        <CostSection bind={bind} unit={unit} />
        <TrackingSection bind={bind} values={values} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          Save
        </button>
      </div>
    </form>
  );
}
