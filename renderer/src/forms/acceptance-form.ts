import { Acceptance } from '../../../shared/domain/debt-item.js';

export interface AcceptanceFormValues {
  rationale: string;
  reviewOn: string;
  owner: string;
}

type AcceptanceField = keyof AcceptanceFormValues;
export type AcceptanceErrors = Partial<Record<AcceptanceField, string>>;

type AcceptanceCheck = { readonly ok: true; readonly acceptance: Acceptance } | { readonly ok: false; readonly errors: AcceptanceErrors };

const FIELDS: readonly AcceptanceField[] = ['rationale', 'reviewOn', 'owner'];
const isField = (key: unknown): key is AcceptanceField => (FIELDS as readonly unknown[]).includes(key);

/**
 * Turns the accept dialog's fields into the acceptance every selected item gets, accepted `today`. The
 * domain makes only the rationale compulsory; accepting many items at once also needs a review date, so
 * that accepted debt comes back to the table rather than being forgotten.
 */
export function checkAcceptance(values: AcceptanceFormValues, today: string): AcceptanceCheck {
  const owner = values.owner.trim();
  const parsed = Acceptance.safeParse({
    rationale: values.rationale,
    acceptedOn: today,
    ...(values.reviewOn === '' ? {} : { reviewOn: values.reviewOn }),
    ...(owner === '' ? {} : { owner }),
  });
  const errors: AcceptanceErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isField(field)) errors[field] ??= issue.message;
    }
  }
  if (values.reviewOn === '') errors.reviewOn = 'Choose when the team reviews this acceptance.';
  else if (errors.reviewOn === undefined && values.reviewOn < today) errors.reviewOn = 'The review date cannot be in the past.';
  return parsed.success && Object.keys(errors).length === 0 ? { ok: true, acceptance: parsed.data } : { ok: false, errors };
}
