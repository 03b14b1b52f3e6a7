import { OUTCOME_METRICS, type DebtItem } from '../../../shared/domain/debt-item.js';

/**
 * What the item editor's inputs hold: always strings, exactly as typed, so a half-typed number or an
 * emptied field stays on screen and is reported instead of silently becoming 0 or NaN.
 */
export interface ItemFormValues {
  title: string;
  description: string;
  kind: string;
  quadrant: string;
  area: string;
  owner: string;
  tags: string;
  status: string;
  likelihood: string;
  impact: string;
  effortLow: string;
  effortLikely: string;
  effortHigh: string;
  interest: string;
  dueDate: string;
  /** '' for none, one of OUTCOME_METRICS, or CUSTOM_OUTCOME to use `outcomeCustom`. */
  outcomeChoice: string;
  outcomeCustom: string;
  acceptanceRationale: string;
  acceptanceOwner: string;
  acceptedOn: string;
  reviewOn: string;
}

export type ItemField = keyof ItemFormValues;

export const CUSTOM_OUTCOME = 'custom';

/** Top-to-bottom order on screen; the first invalid field in this order receives focus on Save. */
export const ITEM_FIELDS: readonly ItemField[] = [
  'title',
  'description',
  'kind',
  'quadrant',
  'area',
  'owner',
  'tags',
  'likelihood',
  'impact',
  'effortLow',
  'effortLikely',
  'effortHigh',
  'interest',
  'status',
  'dueDate',
  'outcomeChoice',
  'outcomeCustom',
  'acceptanceRationale',
  'acceptanceOwner',
  'acceptedOn',
  'reviewOn',
];

/** A new item starts mid-scale: a prompt to think about risk, not a claim that it is low. */
export const NEW_ITEM_VALUES: ItemFormValues = {
  title: '',
  description: '',
  kind: 'code',
  quadrant: '',
  area: '',
  owner: '',
  tags: '',
  status: 'open',
  likelihood: '3',
  impact: '3',
  effortLow: '',
  effortLikely: '',
  effortHigh: '',
  interest: '0',
  dueDate: '',
  outcomeChoice: '',
  outcomeCustom: '',
  acceptanceRationale: '',
  acceptanceOwner: '',
  acceptedOn: '',
  reviewOn: '',
};

const KNOWN_OUTCOMES: ReadonlySet<string> = new Set(OUTCOME_METRICS);

export function formValuesOf(item: DebtItem | null): ItemFormValues {
  if (item === null) return NEW_ITEM_VALUES;
  const outcome = item.outcome ?? '';
  const isKnown = outcome === '' || KNOWN_OUTCOMES.has(outcome);
  return {
    title: item.title,
    description: item.description,
    kind: item.kind,
    quadrant: item.quadrant ?? '',
    area: item.area,
    owner: item.owner,
    tags: item.tags.join(', '),
    status: item.status,
    likelihood: String(item.likelihood),
    impact: String(item.impact),
    effortLow: String(item.effort.low),
    effortLikely: String(item.effort.likely),
    effortHigh: String(item.effort.high),
    interest: String(item.interest),
    dueDate: item.dueDate ?? '',
    outcomeChoice: isKnown ? outcome : CUSTOM_OUTCOME,
    outcomeCustom: isKnown ? '' : outcome,
    acceptanceRationale: item.acceptance?.rationale ?? '',
    acceptanceOwner: item.acceptance?.owner ?? '',
    acceptedOn: item.acceptance?.acceptedOn ?? '',
    reviewOn: item.acceptance?.reviewOn ?? '',
  };
}
