import type { Output, ParsedInput } from '../../shared/api/contract.js';
import { invalid } from '../../shared/api/result.js';
import { DebtItemDraft, mergePatch } from '../../shared/domain/debt-item.js';
import { bulkUpdateItems } from '../store/bulk-update.js';
import { deleteItem, insertItems, requireItem, updateItem } from '../store/debt-items-repo.js';
import { listItems } from '../store/item-query.js';
import { StoreError } from '../store/store-error.js';
import type { HandlerContext } from './context.js';

export function listItemsHandler(ctx: HandlerContext, input: ParsedInput<'items.list'>): Output<'items.list'> {
  return listItems(ctx.store.db, input);
}

export function getItemHandler(ctx: HandlerContext, input: ParsedInput<'items.get'>): Output<'items.get'> {
  return requireItem(ctx.store.db, input.id);
}

export function createItemHandler(ctx: HandlerContext, input: ParsedInput<'items.create'>): Output<'items.create'> {
  const [created] = insertItems(ctx.store.db, [{ id: ctx.newId(), draft: input }], ctx.now().toISOString());
  if (created === undefined) throw new StoreError('internal', 'The new item was not saved.');
  return created;
}

export function updateItemHandler(ctx: HandlerContext, input: ParsedInput<'items.update'>): Output<'items.update'> {
  const db = ctx.store.db;
  return db.transaction(() => {
    const current = requireItem(db, input.id);
    const draft = DebtItemDraft.safeParse(mergePatch(current, input.changes));
    if (!draft.success) {
      const failure = invalid(draft.error, `“${current.title}” was not changed`);
      throw new StoreError('invalid-input', failure.error.message, failure.error.issues);
    }
    return updateItem(db, input.id, input.version, draft.data, ctx.now().toISOString());
  })();
}

/** One patch for many items (the matrix's bulk actions), all or nothing. */
export function bulkUpdateItemsHandler(ctx: HandlerContext, input: ParsedInput<'items.bulkUpdate'>): Output<'items.bulkUpdate'> {
  return { updated: bulkUpdateItems(ctx.store.db, input.items, input.changes, ctx.now().toISOString()) };
}

export function deleteItemHandler(ctx: HandlerContext, input: ParsedInput<'items.delete'>): Output<'items.delete'> {
  deleteItem(ctx.store.db, input.id, input.version, ctx.now().toISOString());
  return { id: input.id };
}
