import { z } from 'zod';
import { DebtItem, DebtItemDraft, DebtItemPatch, ItemId, KINDS, STATUSES } from '../domain/debt-item.js';
import { Settings, SettingsPatch, Unit } from '../domain/settings.js';
import { ImportJobRef, ImportJobStatus } from '../import/import-job.js';
import { ImportRequest, ImportSummary } from '../import/import-schema.js';
import { SavedMapping, SavedMappingQuery, SaveMappingRequest } from '../import/saved-mapping.js';
import { ItemExplanation } from '../scoring/explanation.js';
import { ScoringSettings, ScoringSettingsPatch } from '../scoring/weights.js';
import { BulkUpdateInput, BulkUpdateResult } from './bulk-update.js';
import type { Channel } from './channels.js';
import { MatrixData, MatrixRevision } from './matrix-data.js';
import { planningContract } from './planning-contract.js';
import type { Result } from './result.js';

export const SORT_FIELDS = [
  'title',
  'kind',
  'status',
  'owner',
  'area',
  'risk',
  'likelihood',
  'impact',
  'effort',
  'interest',
  'dueDate',
  'createdAt',
  'updatedAt',
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const MAX_PAGE_SIZE = 1000;

export const ListItemsQuery = z
  .object({
    status: z.array(z.enum(STATUSES)).max(STATUSES.length).optional(),
    kind: z.array(z.enum(KINDS)).max(KINDS.length).optional(),
    owner: z.string().max(100).optional(),
    tag: z.string().max(50).optional(),
    text: z.string().max(200).optional(),
    sort: z.enum(SORT_FIELDS).default('updatedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    offset: z.number().int().min(0).default(0),
    limit: z
      .number()
      .int()
      .min(1)
      .max(MAX_PAGE_SIZE, { error: `A page holds at most ${String(MAX_PAGE_SIZE)} items.` })
      .default(100),
  })
  .strict();
export type ListItemsQuery = z.input<typeof ListItemsQuery>;

/** The matrix takes the table's filters (not its sort or page), so what one shows, the other shows. */
export const MatrixQuery = ListItemsQuery.pick({ status: true, kind: true, owner: true, tag: true, text: true }).strict();
export type MatrixQuery = z.input<typeof MatrixQuery>;

export const ItemPage = z.object({
  items: z.array(DebtItem),
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
});
export type ItemPage = z.infer<typeof ItemPage>;

export const PortfolioInfo = z.object({
  path: z.string(),
  name: z.string(),
  unit: Unit,
  schemaVersion: z.number().int(),
  itemCount: z.number().int().min(0),
  openCount: z.number().int().min(0),
  owners: z.array(z.string()),
  tags: z.array(z.string()),
});
export type PortfolioInfo = z.infer<typeof PortfolioInfo>;

const NoInput = z.object({}).strict().default({});

export const contract = {
  'items.list': { input: ListItemsQuery, output: ItemPage },
  'items.get': { input: z.object({ id: ItemId }).strict(), output: DebtItem },
  'items.create': { input: DebtItemDraft, output: DebtItem },
  'items.update': {
    input: z
      .object({ id: ItemId, version: z.number().int().min(1), changes: DebtItemPatch })
      .strict(),
    output: DebtItem,
  },
  'items.delete': {
    input: z.object({ id: ItemId, version: z.number().int().min(1) }).strict(),
    output: z.object({ id: ItemId }),
  },
  'items.bulkUpdate': { input: BulkUpdateInput, output: BulkUpdateResult },
  'items.explain': { input: z.object({ id: ItemId }).strict(), output: ItemExplanation },
  'items.matrix': { input: MatrixQuery, output: MatrixData },
  'items.matrixRevision': { input: NoInput, output: MatrixRevision },
  'portfolio.info': { input: NoInput, output: PortfolioInfo },
  'portfolio.loadSample': { input: NoInput, output: z.object({ created: z.number().int().min(0) }) },
  'settings.get': { input: NoInput, output: Settings },
  'settings.set': { input: SettingsPatch, output: Settings },
  'scoring.get': { input: NoInput, output: ScoringSettings },
  'scoring.set': { input: ScoringSettingsPatch, output: ScoringSettings },
  'import.run': { input: ImportRequest, output: ImportSummary },
  'import.start': { input: ImportRequest, output: ImportJobRef },
  'import.status': { input: ImportJobRef, output: ImportJobStatus },
  'import.cancel': { input: ImportJobRef, output: ImportJobStatus },
  'importMappings.get': { input: SavedMappingQuery, output: SavedMapping.nullable() },
  /** Answers what was saved, or null when an empty mapping made the portfolio forget the source. */
  'importMappings.save': { input: SaveMappingRequest, output: SavedMapping.nullable() },
  ...planningContract,
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Input<C extends Channel> = z.input<(typeof contract)[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
export type Output<C extends Channel> = z.output<(typeof contract)[C]['output']>;

/** What both hosts hand the renderer: one function per action, each answering a Result. */
export type PaydownBridge = { readonly [C in Channel]: (input: Input<C>) => Promise<Result<Output<C>>> };
