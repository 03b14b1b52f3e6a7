import { fieldIssues, type FieldIssue } from '../../shared/api/result.js';
import { DebtItemDraft, mergePatch, type DebtItem, type DebtItemPatch } from '../../shared/domain/debt-item.js';
import { getItem, writeUpdate } from './debt-items-repo.js';
import type { Db } from './db.js';
import { StoreError } from './store-error.js';

export interface BulkTarget {
  readonly id: string;
  /** The version the user saw when selecting the item. */
  readonly version: number;
}

/** Titles a refusal names in its sentence; the rest are counted, and every one is in `issues`, up to ISSUE_LIMIT. */
const NAMED = 5;
/** 10,000 stale items would make a refusal bigger than the change itself; the message gives the full count. */
const ISSUE_LIMIT = 200;

interface Refusal {
  readonly index: number;
  /** Names the item and what is wrong, e.g. "“Flaky tests” is now version 4 (you had 3)". */
  readonly sentence: string;
  readonly issues: readonly FieldIssue[];
}

function sentenceOf(refusals: readonly Refusal[]): string {
  const named = refusals.slice(0, NAMED).map((r) => r.sentence);
  const more = refusals.length - named.length;
  return more > 0 ? `${named.join('; ')}; and ${String(more)} more` : named.join('; ');
}

const issuesOf = (refusals: readonly Refusal[]): FieldIssue[] => refusals.flatMap((r) => r.issues).slice(0, ISSUE_LIMIT);

/**
 * Applies one patch to every target in a single transaction, all or nothing: when any target was changed or
 * deleted since the user saw it, or the patch would make any of them invalid, nothing is written and the
 * refusal names how many and which. Each item is read once and written by `writeUpdate`, so it gets
 * version + 1 and its audit entry exactly as a single edit does. Answers how many items were changed.
 */
export function bulkUpdateItems(db: Db, targets: readonly BulkTarget[], changes: DebtItemPatch, at: string): number {
  return db.transaction(() => {
    const stale: Refusal[] = [];
    const invalid: Refusal[] = [];
    const drafts: { current: DebtItem; draft: DebtItemDraft }[] = [];
    targets.forEach((target, index) => {
      const current = getItem(db, target.id);
      if (current === undefined) {
        const sentence = `an item you selected (${target.id}) was deleted`;
        stale.push({ index, sentence, issues: [{ path: `items.${String(index)}`, message: `No item has the id ${target.id}; it was deleted.` }] });
        return;
      }
      if (current.version !== target.version) {
        const sentence = `“${current.title}” is now version ${String(current.version)} (you had ${String(target.version)})`;
        stale.push({ index, sentence, issues: [{ path: `items.${String(index)}`, message: `${sentence}.` }] });
        return;
      }
      const draft = DebtItemDraft.safeParse(mergePatch(current, changes));
      if (!draft.success) {
        const itemIssues = fieldIssues(draft.error).map((i) => ({ path: `items.${String(index)}.${i.path}`, message: i.message }));
        invalid.push({ index, sentence: `“${current.title}”: ${itemIssues[0]?.message ?? 'invalid'}`, issues: itemIssues });
        return;
      }
      drafts.push({ current, draft: draft.data });
    });
    const of = `${String(targets.length)} selected item${targets.length === 1 ? '' : 's'}`;
    if (stale.length > 0) {
      throw new StoreError(
        'conflict',
        `${String(stale.length)} of ${of} changed or were deleted since you selected them, so nothing was changed: ${sentenceOf(stale)}. Make the change again on the items as they are now.`,
        issuesOf(stale),
      );
    }
    if (invalid.length > 0) {
      throw new StoreError(
        'invalid-input',
        `The change would leave ${String(invalid.length)} of ${of} invalid, so nothing was changed: ${sentenceOf(invalid)}.`,
        issuesOf(invalid),
      );
    }
    for (const { current, draft } of drafts) writeUpdate(db, current, draft, at);
    return drafts.length;
  })();
}
