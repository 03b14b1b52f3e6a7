import { z } from 'zod';
import { EFFORT_UNKNOWN_TAG, isZeroEffort } from './effort-estimate.js';

export const KINDS = [
  'architecture',
  'code',
  'test',
  'infrastructure',
  'dependency',
  'documentation',
  'security',
  'process',
  'other',
] as const;
export const Kind = z.enum(KINDS);
export type Kind = z.infer<typeof Kind>;

/** Fowler's technical-debt quadrant: was the debt taken on knowingly, and was that wise? */
export const FOWLER_QUADRANTS = [
  'deliberate-prudent',
  'deliberate-reckless',
  'inadvertent-prudent',
  'inadvertent-reckless',
] as const;
export const FowlerQuadrant = z.enum(FOWLER_QUADRANTS);
export type FowlerQuadrant = z.infer<typeof FowlerQuadrant>;

export const STATUSES = ['open', 'planned', 'in_progress', 'paid', 'accepted', 'wont_fix'] as const;
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/** Outcome metrics a debt item can hurt; any other non-empty text is a custom metric. */
export const OUTCOME_METRICS = [
  'lead_time',
  'deployment_frequency',
  'change_failure_rate',
  'time_to_restore',
  'incidents',
] as const;

export const EXTERNAL_SOURCES = ['csv', 'jira', 'github', 'sonarqube'] as const;

export const LIMITS = {
  title: 200,
  description: 20_000,
  shortText: 100,
  tag: 50,
  tags: 50,
  rationale: 5_000,
  url: 2_000,
} as const;

const isoDate = z.iso.date({ error: 'Use a date written as YYYY-MM-DD.' });
const isoDateTime = z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date and time.' });

const shortText = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(LIMITS.shortText, { error: `${label} can be at most ${String(LIMITS.shortText)} characters.` });

const score = (label: string) =>
  z
    .number({ error: `${label} must be a whole number from 1 to 5.` })
    .int({ error: `${label} must be a whole number from 1 to 5.` })
    .min(1, { error: `${label} must be from 1 to 5.` })
    .max(5, { error: `${label} must be from 1 to 5.` });

const amount = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .min(0, { error: `${label} cannot be negative.` })
    .max(1_000_000, { error: `${label} is unrealistically large (over 1,000,000).` });

export const Effort = z
  .object({
    low: amount('Low effort'),
    likely: amount('Likely effort'),
    high: amount('High effort'),
  })
  .check((ctx) => {
    const { low, likely, high } = ctx.value;
    if (low > likely) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['low'],
        message: 'Low effort cannot be more than the likely effort.',
      });
    }
    if (likely > high) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['high'],
        message: 'High effort cannot be less than the likely effort.',
      });
    }
  });
export type Effort = z.infer<typeof Effort>;

export const Acceptance = z.object({
  rationale: z
    .string({ error: 'Say why this debt is accepted.' })
    .trim()
    .min(1, { error: 'Say why this debt is accepted.' })
    .max(LIMITS.rationale, { error: `The rationale can be at most ${String(LIMITS.rationale)} characters.` }),
  owner: shortText('Acceptance owner').optional(),
  acceptedOn: isoDate.optional(),
  reviewOn: isoDate.optional(),
});
export type Acceptance = z.infer<typeof Acceptance>;

export const ExternalRef = z.object({
  source: z.enum(EXTERNAL_SOURCES),
  key: z.string().trim().min(1).max(LIMITS.shortText * 2),
  url: z.url({ protocol: /^https?$/, error: 'The link must be an http(s) URL.' }).max(LIMITS.url).optional(),
});
export type ExternalRef = z.infer<typeof ExternalRef>;

const tag = z
  .string()
  .trim()
  .min(1, { error: 'Tags cannot be empty.' })
  .max(LIMITS.tag, { error: `A tag can be at most ${String(LIMITS.tag)} characters.` });

/** The fields a person edits; everything else (id, timestamps, version) is the store's. */
const draftShape = {
  title: z
    .string({ error: 'The title is required.' })
    .trim()
    .min(1, { error: 'The title is required.' })
    .max(LIMITS.title, { error: `The title can be at most ${String(LIMITS.title)} characters.` }),
  description: z
    .string()
    .max(LIMITS.description, { error: `The description can be at most ${String(LIMITS.description)} characters.` })
    .default(''),
  kind: Kind.default('code'),
  quadrant: FowlerQuadrant.optional(),
  area: shortText('Area').default(''),
  owner: shortText('Owner').default(''),
  tags: z
    .array(tag)
    .max(LIMITS.tags, { error: `An item can have at most ${String(LIMITS.tags)} tags.` })
    .default([])
    .transform((tags) => [...new Set(tags)]),
  status: Status.default('open'),
  likelihood: score('Likelihood'),
  impact: score('Impact'),
  effort: Effort,
  interest: amount('Interest per sprint'),
  dueDate: isoDate.optional(),
  acceptance: Acceptance.optional(),
  outcome: z.string().trim().min(1).max(LIMITS.shortText).optional(),
  externalRef: ExternalRef.optional(),
};

type AcceptanceRule = { status: Status; acceptance?: Acceptance | undefined };

function requireAcceptanceRationale(ctx: { value: AcceptanceRule; issues: z.core.$ZodRawIssue[] }): void {
  if (ctx.value.status === 'accepted' && ctx.value.acceptance === undefined) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      path: ['acceptance', 'rationale'],
      message: 'Accepted debt needs a written rationale: say why the team accepts it.',
    });
  }
}

export const DebtItemDraft = z.object(draftShape).check(requireAcceptanceRationale);
export type DebtItemDraft = z.infer<typeof DebtItemDraft>;
export type DebtItemDraftInput = z.input<typeof DebtItemDraft>;

/** A partial change; merged over the stored item and then validated as a whole draft. */
export const DebtItemPatch = z
  .object({
    title: z.string(),
    description: z.string(),
    kind: z.string(),
    quadrant: z.string().nullable(),
    area: z.string(),
    owner: z.string(),
    tags: z.array(z.string()),
    status: z.string(),
    likelihood: z.number(),
    impact: z.number(),
    effort: z.object({ low: z.number(), likely: z.number(), high: z.number() }),
    interest: z.number(),
    dueDate: z.string().nullable(),
    acceptance: z.unknown().nullable(),
    outcome: z.string().nullable(),
    externalRef: z.unknown().nullable(),
  })
  .partial()
  .strict();
export type DebtItemPatch = z.infer<typeof DebtItemPatch>;

export const ItemId = z.uuid({ error: 'An item id is a UUID.' });

export const DebtItem = z
  .object({
    ...draftShape,
    id: ItemId,
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.number().int().min(1),
  })
  .check(requireAcceptanceRationale);
export type DebtItem = z.infer<typeof DebtItem>;

/** The fields of a stored item a person can edit, ready to be merged with a patch. */
export function draftOf(item: DebtItem): DebtItemDraft {
  const { id: _id, createdAt: _c, updatedAt: _u, version: _v, ...draft } = item;
  return draft;
}

/**
 * Applies a patch to a stored item's draft. `null` clears an optional field; the result is
 * unvalidated input for `DebtItemDraft`, so a bad patch is reported field by field.
 * A patch that gives the item an effort other than 0 also drops the EFFORT_UNKNOWN_TAG: once someone has
 * estimated it, the tag would only keep it in the "not estimated" lists by mistake.
 */
export function mergePatch(item: DebtItem, patch: DebtItemPatch): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...draftOf(item) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      Reflect.deleteProperty(merged, key);
    } else if (value !== undefined) {
      merged[key] = value;
    }
  }
  if (patch.effort !== undefined && !isZeroEffort(patch.effort)) merged['tags'] = (patch.tags ?? item.tags).filter((t) => t !== EFFORT_UNKNOWN_TAG);
  return merged;
}
