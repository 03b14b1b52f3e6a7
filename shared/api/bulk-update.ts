import { z } from 'zod';
import { DebtItemPatch, ItemId } from '../domain/debt-item.js';

/** The most items one bulk change may cover: 10,000 {id, version} pairs stay well under the preview host's 1 MiB body limit. */
export const MAX_BULK_ITEMS = 10_000;

/** One patch for many items, each named with the version the user saw, so a stale one refuses the whole change. */
export const BulkUpdateInput = z
  .object({
    items: z
      .array(z.object({ id: ItemId, version: z.number().int().min(1) }).strict())
      .min(1, { error: 'Select at least one item to change.' })
      .max(MAX_BULK_ITEMS, { error: `A bulk change covers at most ${MAX_BULK_ITEMS.toLocaleString('en')} items; select fewer and repeat.` })
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, { error: 'An item is listed twice; list each item once.' }),
    changes: DebtItemPatch.refine((patch) => Object.keys(patch).length > 0, { error: 'Say what to change: the changes are empty.' }),
  })
  .strict();
export type BulkUpdateInput = z.input<typeof BulkUpdateInput>;

export const BulkUpdateResult = z.object({ updated: z.number().int().min(0) });
export type BulkUpdateResult = z.infer<typeof BulkUpdateResult>;
