import { regexes } from 'zod';
import { EXTERNAL_SOURCES, FOWLER_QUADRANTS, KINDS, LIMITS, STATUSES, type DebtItemDraft } from '../domain/debt-item.js';
import type { ImportDraftInput } from './parsed-import.js';

/**
 * A fast path past `DebtItemDraft.safeParse` for the records of a large import. Zod costs tens of
 * microseconds per record, most of a 100k-row import; nearly every record a parser builds is already in
 * its parsed form (trimmed, within the limits, defaults filled), and for those zod's answer is the draft
 * itself. `plainDraft` recognises exactly those records and builds zod's output (same keys, same order);
 * anything it is not sure about (an acceptance, a link, a value zod would trim or refuse) answers null,
 * and the caller asks zod, which also words the errors. plain-draft.test.ts checks it against zod.
 */

const KIND_SET: ReadonlySet<unknown> = new Set(KINDS);
const QUADRANT_SET: ReadonlySet<unknown> = new Set(FOWLER_QUADRANTS);
const STATUS_SET: ReadonlySet<unknown> = new Set(STATUSES);
const SOURCE_SET: ReadonlySet<unknown> = new Set(EXTERNAL_SOURCES);
/** Text that zod's `.trim().min(min).max(max)` keeps as it is. */
const plainText = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max && value.trim() === value;

const isLevel = (value: unknown): value is number => value === 1 || value === 2 || value === 3 || value === 4 || value === 5;

const isAmount = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= 1_000_000;

/** Dates repeat a lot in a file (a few hundred distinct days in 100k rows), so each is matched once. */
const checkedDates = new Map<string, boolean>();
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  let ok = checkedDates.get(value);
  if (ok === undefined) {
    ok = regexes.date.test(value); // the pattern z.iso.date() checks
    if (checkedDates.size > 10_000) checkedDates.clear();
    checkedDates.set(value, ok);
  }
  return ok;
}

function plainTags(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > LIMITS.tags) return null;
  for (const tag of value) if (!plainText(tag, 1, LIMITS.tag)) return null;
  // zod's `.transform` drops repeats, keeping first places.
  return [...new Set(value as string[])]; // every element was checked to be a string just above
}

/** zod's output for `input` when it is plainly valid; null when only zod can say. */
export function plainDraft(input: ImportDraftInput): DebtItemDraft | null {
  const { title, description = '', kind = 'code', area = '', owner = '', status = 'open', effort, externalRef: ref } = input;
  if (!plainText(title, 1, LIMITS.title)) return null;
  if (typeof description !== 'string' || description.length > LIMITS.description) return null;
  if (!KIND_SET.has(kind) || !STATUS_SET.has(status)) return null;
  if (!plainText(area, 0, LIMITS.shortText) || !plainText(owner, 0, LIMITS.shortText)) return null;
  if (!isLevel(input.likelihood) || !isLevel(input.impact)) return null;
  if (!isAmount(effort.low) || !isAmount(effort.likely) || !isAmount(effort.high)) return null;
  if (effort.low > effort.likely || effort.likely > effort.high || !isAmount(input.interest)) return null;
  if (input.quadrant !== undefined && !QUADRANT_SET.has(input.quadrant)) return null;
  if (input.dueDate !== undefined && !isIsoDate(input.dueDate)) return null;
  if (input.outcome !== undefined && !plainText(input.outcome, 1, LIMITS.shortText)) return null;
  // Acceptance (and the rule that accepted debt has one) and links are rare in imports: zod checks those.
  if ('acceptance' in input || status === 'accepted') return null;
  if (!SOURCE_SET.has(ref.source) || !plainText(ref.key, 1, LIMITS.shortText * 2) || 'url' in ref) return null;
  const tags = plainTags(input.tags);
  if (tags === null) return null;
  // Built in the schema's key order; an optional key given as undefined stays, as zod keeps it.
  const draft: Record<string, unknown> = { title, description, kind };
  if ('quadrant' in input) draft['quadrant'] = input.quadrant;
  draft['area'] = area;
  draft['owner'] = owner;
  draft['tags'] = tags;
  draft['status'] = status;
  draft['likelihood'] = input.likelihood;
  draft['impact'] = input.impact;
  draft['effort'] = { low: effort.low, likely: effort.likely, high: effort.high };
  draft['interest'] = input.interest;
  if ('dueDate' in input) draft['dueDate'] = input.dueDate;
  if ('outcome' in input) draft['outcome'] = input.outcome;
  draft['externalRef'] = { source: ref.source, key: ref.key };
  return draft as DebtItemDraft; // every field was checked above against what the schema accepts unchanged
}
