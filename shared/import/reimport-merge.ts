import type { Acceptance, DebtItemDraft, ExternalRef } from '../domain/debt-item.js';
import { DRAFT_FIELDS, type DraftField } from './parsed-import.js';
import { EFFORT_UNKNOWN_TAG, isZeroEffort } from '../domain/effort-estimate.js';

/**
 * Fields the team decides in Paydown. A re-import keeps the team's values for these unless the
 * caller asks to overwrite them, and even then only with values the source really supplied.
 */
export const TEAM_FIELDS: ReadonlySet<DraftField> = new Set(['likelihood', 'impact', 'status', 'acceptance']);

/**
 * What an existing item becomes when its source record is imported again:
 * - fields the source supplied follow the source (title, description, tags, owner, …);
 * - team fields (likelihood, impact, status, acceptance) keep Paydown's values unless `overwriteTeamFields`;
 * - fields the source did not supply (a default such as effort unknown or interest 0) keep Paydown's values;
 * - the "effort-unknown" tag is dropped once the team has estimated the item.
 * The result is unvalidated in principle (e.g. a source status "accepted" over an item with no rationale),
 * so the caller validates it like any draft.
 */
export function mergeReimport(
  current: DebtItemDraft,
  incoming: DebtItemDraft,
  fromSource: ReadonlySet<DraftField>,
  overwriteTeamFields: boolean,
): DebtItemDraft {
  // A copy of our own validated draft (zod output: known keys only), never of raw input.
  const merged: DebtItemDraft = { ...current, tags: [...current.tags], effort: { ...current.effort } };
  for (const field of DRAFT_FIELDS) {
    if (!fromSource.has(field)) continue;
    if (TEAM_FIELDS.has(field) && !overwriteTeamFields) continue;
    copyField(merged, incoming, field);
  }
  if (incoming.externalRef !== undefined) merged.externalRef = incoming.externalRef;
  if (!fromSource.has('effort') && !isZeroEffort(merged.effort)) merged.tags = merged.tags.filter((t) => t !== EFFORT_UNKNOWN_TAG);
  return merged;
}

function copyField(target: DebtItemDraft, source: DebtItemDraft, field: DraftField): void {
  switch (field) {
    case 'tags':
      target.tags = [...source.tags];
      return;
    case 'effort':
      target.effort = { ...source.effort };
      return;
    case 'quadrant':
    case 'dueDate':
    case 'acceptance':
    case 'outcome':
      if (source[field] === undefined) Reflect.deleteProperty(target, field);
      else Object.assign(target, { [field]: source[field] });
      return;
    default:
      Object.assign(target, { [field]: source[field] });
  }
}

const sameRef = (a: ExternalRef | undefined, b: ExternalRef | undefined): boolean =>
  a?.source === b?.source && a?.key === b?.key && a?.url === b?.url;

const sameAcceptance = (a: Acceptance | undefined, b: Acceptance | undefined): boolean =>
  a?.rationale === b?.rationale && a?.owner === b?.owner && a?.acceptedOn === b?.acceptedOn && a?.reviewOn === b?.reviewOn;

/** Field-by-field equality of two drafts; an absent optional field equals an undefined one. */
export function sameDraft(a: DebtItemDraft, b: DebtItemDraft): boolean {
  return (
    a.title === b.title &&
    a.description === b.description &&
    a.kind === b.kind &&
    a.quadrant === b.quadrant &&
    a.area === b.area &&
    a.owner === b.owner &&
    a.status === b.status &&
    a.likelihood === b.likelihood &&
    a.impact === b.impact &&
    a.effort.low === b.effort.low &&
    a.effort.likely === b.effort.likely &&
    a.effort.high === b.effort.high &&
    a.interest === b.interest &&
    a.dueDate === b.dueDate &&
    a.outcome === b.outcome &&
    a.tags.length === b.tags.length &&
    a.tags.every((tag, i) => tag === b.tags[i]) &&
    sameAcceptance(a.acceptance, b.acceptance) &&
    sameRef(a.externalRef, b.externalRef)
  );
}
