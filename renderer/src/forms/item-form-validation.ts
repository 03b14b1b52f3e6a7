import { fieldIssues, type FieldIssue } from '../../../shared/api/result.js';
import { DebtItemDraft } from '../../../shared/domain/debt-item.js';
import { CUSTOM_OUTCOME, ITEM_FIELDS, type ItemField, type ItemFormValues } from './item-form-values.js';

export type FieldErrors = Partial<Record<ItemField, string>>;

export type ItemFormCheck =
  | { readonly ok: true; readonly draft: DebtItemDraft }
  | { readonly ok: false; readonly errors: FieldErrors; readonly unplaced: readonly string[] };

/**
 * The text of a number input as a number. Empty gives undefined, so zod reports the field's own
 * message ("Likelihood must be a whole number from 1 to 5.") rather than a complaint about NaN.
 */
export function numberFrom(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

export function tagsFrom(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

const optionalText = (key: string, text: string): Record<string, string> => {
  const trimmed = text.trim();
  return trimmed === '' ? {} : { [key]: trimmed };
};

/** The unvalidated draft the form describes; `DebtItemDraft` decides whether it is acceptable. */
function draftInputOf(values: ItemFormValues): Record<string, unknown> {
  const outcome = values.outcomeChoice === CUSTOM_OUTCOME ? values.outcomeCustom : values.outcomeChoice;
  return {
    title: values.title,
    description: values.description,
    kind: values.kind,
    ...optionalText('quadrant', values.quadrant),
    area: values.area,
    owner: values.owner,
    tags: tagsFrom(values.tags),
    status: values.status,
    likelihood: numberFrom(values.likelihood),
    impact: numberFrom(values.impact),
    effort: { low: numberFrom(values.effortLow), likely: numberFrom(values.effortLikely), high: numberFrom(values.effortHigh) },
    interest: numberFrom(values.interest),
    ...optionalText('dueDate', values.dueDate),
    ...optionalText('outcome', outcome),
    // Acceptance is sent whenever the status is accepted, even blank, so zod names the missing
    // rationale at once instead of after every other field is fixed (object checks run last).
    ...(values.status === 'accepted'
      ? {
          acceptance: {
            rationale: values.acceptanceRationale,
            ...optionalText('owner', values.acceptanceOwner),
            ...optionalText('acceptedOn', values.acceptedOn),
            ...optionalText('reviewOn', values.reviewOn),
          },
        }
      : {}),
  };
}

const DIRECT_FIELDS: ReadonlySet<string> = new Set<ItemField>([
  'title',
  'description',
  'kind',
  'quadrant',
  'area',
  'owner',
  'status',
  'likelihood',
  'impact',
  'interest',
  'dueDate',
]);

const NESTED_FIELDS: Readonly<Record<string, ItemField>> = {
  effort: 'effortLikely',
  'effort.low': 'effortLow',
  'effort.likely': 'effortLikely',
  'effort.high': 'effortHigh',
  acceptance: 'acceptanceRationale',
  'acceptance.rationale': 'acceptanceRationale',
  'acceptance.owner': 'acceptanceOwner',
  'acceptance.acceptedOn': 'acceptedOn',
  'acceptance.reviewOn': 'reviewOn',
};

function isItemField(name: string): name is ItemField {
  return DIRECT_FIELDS.has(name);
}

/**
 * The input an issue path belongs to, e.g. `effort.low` → effortLow, `tags.3` → tags. The host may
 * prefix paths of an update with `changes.`. Null for paths no input edits (such as externalRef).
 */
export function fieldForPath(path: string, values: ItemFormValues): ItemField | null {
  const bare = path.replace(/^changes\./, '');
  if (isItemField(bare)) return bare;
  if (bare === 'tags' || bare.startsWith('tags.')) return 'tags';
  if (bare === 'outcome') return values.outcomeChoice === CUSTOM_OUTCOME ? 'outcomeCustom' : 'outcomeChoice';
  return NESTED_FIELDS[bare] ?? null;
}

/** Sorts issues onto fields (first message per field wins) and keeps the rest for the top of the form. */
export function placeIssues(
  issues: readonly FieldIssue[],
  values: ItemFormValues,
): { errors: FieldErrors; unplaced: string[] } {
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = fieldForPath(issue.path, values);
    if (field === null) unplaced.push(issue.message);
    else errors[field] ??= issue.message;
  }
  return { errors, unplaced };
}

/** Form-only rules that zod cannot see because the form splits one value over two inputs. */
function formOnlyErrors(values: ItemFormValues): FieldErrors {
  return values.outcomeChoice === CUSTOM_OUTCOME && values.outcomeCustom.trim() === ''
    ? { outcomeCustom: 'Name the custom outcome metric, or pick one from the list.' }
    : {};
}

export function checkItemForm(values: ItemFormValues): ItemFormCheck {
  const parsed = DebtItemDraft.safeParse(draftInputOf(values));
  const own = formOnlyErrors(values);
  if (parsed.success && Object.keys(own).length === 0) return { ok: true, draft: parsed.data };
  const placed = parsed.success ? { errors: {}, unplaced: [] } : placeIssues(fieldIssues(parsed.error), values);
  return { ok: false, errors: { ...placed.errors, ...own }, unplaced: placed.unplaced };
}

export function firstInvalidField(errors: FieldErrors): ItemField | undefined {
  return ITEM_FIELDS.find((field) => errors[field] !== undefined);
}
