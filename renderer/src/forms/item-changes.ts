import type { DebtItem, DebtItemDraft, DebtItemPatch } from '../../../shared/domain/debt-item.js';
import { plainEqual } from './plain-equal.js';

/**
 * The patch that turns `item` into `draft`, holding only what changed so a concurrent edit to another
 * field is not overwritten. Cleared optional fields are sent as null. `externalRef` is not edited by
 * the form, so it is never part of the patch.
 */
export function changesBetween(item: DebtItem, draft: DebtItemDraft): DebtItemPatch {
  const changes: DebtItemPatch = {};
  const differs = (before: unknown, after: unknown) => !plainEqual(before, after);
  if (differs(item.title, draft.title)) changes.title = draft.title;
  if (differs(item.description, draft.description)) changes.description = draft.description;
  if (differs(item.kind, draft.kind)) changes.kind = draft.kind;
  if (differs(item.quadrant, draft.quadrant)) changes.quadrant = draft.quadrant ?? null;
  if (differs(item.area, draft.area)) changes.area = draft.area;
  if (differs(item.owner, draft.owner)) changes.owner = draft.owner;
  if (differs(item.tags, draft.tags)) changes.tags = draft.tags;
  if (differs(item.status, draft.status)) changes.status = draft.status;
  if (differs(item.likelihood, draft.likelihood)) changes.likelihood = draft.likelihood;
  if (differs(item.impact, draft.impact)) changes.impact = draft.impact;
  if (differs(item.effort, draft.effort)) changes.effort = draft.effort;
  if (differs(item.interest, draft.interest)) changes.interest = draft.interest;
  if (differs(item.dueDate, draft.dueDate)) changes.dueDate = draft.dueDate ?? null;
  if (differs(item.acceptance, draft.acceptance)) changes.acceptance = draft.acceptance ?? null;
  if (differs(item.outcome, draft.outcome)) changes.outcome = draft.outcome ?? null;
  return changes;
}

export function hasChanges(changes: DebtItemPatch): boolean {
  return Object.keys(changes).length > 0;
}
