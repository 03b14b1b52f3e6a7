import type { ItemField } from '../forms/item-form-values.js';

/** Stable DOM ids of the editor's inputs; error messages use `<id>-error`. */
export const ITEM_FIELD_IDS: Readonly<Record<ItemField, string>> = {
  title: 'item-title',
  description: 'item-description',
  kind: 'item-kind',
  quadrant: 'item-quadrant',
  area: 'item-area',
  owner: 'item-owner',
  tags: 'item-tags',
  status: 'item-status',
  likelihood: 'item-likelihood',
  impact: 'item-impact',
  effortLow: 'item-effort-low',
  effortLikely: 'item-effort-likely',
  effortHigh: 'item-effort-high',
  interest: 'item-interest',
  dueDate: 'item-due-date',
  outcomeChoice: 'item-outcome',
  outcomeCustom: 'item-outcome-custom',
  acceptanceRationale: 'item-acceptance-rationale',
  acceptanceOwner: 'item-accepted-by',
  acceptedOn: 'item-accepted-on',
  reviewOn: 'item-review-on',
};

/** Fields whose messages depend on each other: editing one shows the messages of all. */
const GROUPS: readonly (readonly ItemField[])[] = [
  ['effortLow', 'effortLikely', 'effortHigh'],
  ['outcomeChoice', 'outcomeCustom'],
  ['acceptanceRationale', 'acceptanceOwner', 'acceptedOn', 'reviewOn'],
];

export function fieldsTouchedBy(field: ItemField): readonly ItemField[] {
  return GROUPS.find((group) => group.includes(field)) ?? [field];
}
